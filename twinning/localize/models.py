"""What the translation workflow keeps of its own: jobs submitting many pages at once."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

import swapper


class TranslationJob(models.Model):
    """A section of the page tree submitted for translation into some languages.

    Run by a background task (or ``manage.py submit_translations``) a page at a time, each
    in its own transaction as wagtail-localize's "Translate" view does; the counters say
    how far it got, so the admin can show its progress.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")
        FAILED = "failed", _("Failed")

    root = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("section"),
    )
    include_descendants = models.BooleanField(_("include the pages below it"), default=False)
    locales = models.ManyToManyField(
        "wagtailcore.Locale", related_name="+", verbose_name=_("languages")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("pages"), default=0)
    done = models.PositiveIntegerField(_("pages done"), default=0)
    created = models.PositiveIntegerField(_("translations created"), default=0)
    skipped = models.PositiveIntegerField(_("translations skipped"), default=0)
    # [{"page": id, "title": str, "locales": [codes]}]: pages already translated, first ones.
    skipped_pages = models.JSONField(default=list, blank=True)
    # [{"page": id, "title": str, "message": str}]
    errors = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("translation job")
        verbose_name_plural = _("translation jobs")

    def __str__(self):
        return f"TranslationJob {self.pk}: {self.root_id} ({self.status})"

    @property
    def is_over(self) -> bool:
        return self.status in (self.Status.FINISHED, self.Status.FAILED)

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)
