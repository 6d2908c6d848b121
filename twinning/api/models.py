"""The changes feed's log: one row per change partners may see (see change_log.py)."""

from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _


class Change(models.Model):
    """A page, actor or theme published, updated, unpublished, moved or deleted.

    Written in the transaction of the change; read in the order of ``(transaction_id,
    id)``, the order in which rows become final (see changes.py).
    """

    class Action(models.TextChoices):
        PUBLISHED = "published", _("published")
        UPDATED = "updated", _("updated")
        UNPUBLISHED = "unpublished", _("unpublished")
        DELETED = "deleted", _("deleted")
        MOVED = "moved", _("moved")

    #: Never reused (AUTOINCREMENT on SQLite): part of the feed's cursor.
    id = models.BigAutoField(primary_key=True)
    #: PostgreSQL's id of the writing transaction; 0 where writers take turns (SQLite).
    transaction_id = models.BigIntegerField(default=0)
    at = models.DateTimeField(db_default=Now(), db_index=True)
    object_id = models.BigIntegerField()
    translation_key = models.UUIDField()
    #: ``app_label.Model``, as partners filter by it.
    type = models.CharField(max_length=255)
    locale = models.CharField(max_length=100)
    action = models.CharField(max_length=20, choices=Action.choices)
    #: Translation keys of the partner cities it concerned, as ``|key|key|``; ``*`` for
    #: all of them (a call naming no city); empty for none (a theme).
    partners = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        indexes = [
            models.Index(fields=["transaction_id", "id"], name="twinning_api_change_order"),
            models.Index(fields=["type", "object_id"], name="twinning_api_change_object"),
        ]

    def __str__(self):
        return f"{self.type} {self.object_id} {self.locale} {self.action}"


class ChangeLogStart(models.Model):
    """When the log began: changes before it are unknown (a ``since`` before it is a 410)."""

    id = models.BigAutoField(primary_key=True)
    started_at = models.DateTimeField(db_default=Now())

    class Meta:
        verbose_name = _("start of the changes log")

    def __str__(self):
        return str(self.started_at)


class ContentGeneration(models.Model):
    """The content generation, where every server process sees it (see caching.py).

    Used when the cache is process-local (Django's local-memory cache): each process
    would otherwise count generations of its own, and serve for minutes what another
    process has just made private. One row, bumped with ``UPDATE … SET number = number + 1``.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    #: Starts from the clock (milliseconds), so a lost row never brings old entries back.
    number = models.BigIntegerField()
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("content generation")

    def __str__(self):
        return str(self.number)
