"""Partner accounts, their API tokens, the webhook deliveries made to them, and the
translations they send back."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerAccess(models.Model):
    """A partner city's account: who to tell, about what, in which languages, and how it
    signs in to the API (its tokens)."""

    partner = models.ForeignKey(
        "twinning.PartnerCityPage",
        on_delete=models.CASCADE,
        related_name="partner_accesses",
        verbose_name=_("partner city"),
        help_text=_("The partner city's page (any of its translations)."),
    )
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(
        _("contact e-mail"),
        help_text=_("Told when webhooks keep failing and when a translation is reviewed."),
    )
    #: Language codes (of WAGTAIL_CONTENT_LANGUAGES) the partner wants content in.
    languages = models.JSONField(_("languages of interest"), default=list)
    #: Webhook event types wanted (see twinning.partners.events.EventType); empty for all.
    events = models.JSONField(_("events wanted"), default=list, blank=True)
    webhook_url = models.URLField(
        _("webhook URL"),
        max_length=500,
        blank=True,
        help_text=_("Where events are POSTed, signed with the webhook secret. Empty: none."),
    )
    #: Shared secret of the HMAC-SHA256 signature; shown once, when set.
    webhook_secret = models.CharField(max_length=100, blank=True, editable=False)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("An inactive partner's tokens are refused and no webhook is sent."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("partner access")
        verbose_name_plural = _("partner accesses")
        ordering = ["partner__title", "pk"]

    def __str__(self):
        return f"{self.partner.title} ({self.contact_name})"


class PartnerToken(models.Model):
    """An API token: only its SHA-256 digest is kept; the token is shown once."""

    access = models.ForeignKey(PartnerAccess, on_delete=models.CASCADE, related_name="tokens")
    digest = models.CharField(max_length=64, unique=True, editable=False)
    #: The token's first characters, to tell tokens apart in the admin and in logs.
    prefix = models.CharField(_("token starts with"), max_length=16, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    #: End of the overlap after a rotation: the old token works until then.
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("partner API token")
        verbose_name_plural = _("partner API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.prefix}…"


class WebhookDelivery(models.Model):
    """One event for one partner, and how its delivery went (at least once, retried)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SUCCEEDED = "succeeded", _("delivered")
        FAILED = "failed", _("failed")

    access = models.ForeignKey(
        PartnerAccess,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("partner"),
    )
    #: The event's id: the receiver's idempotency key, the same on every try.
    event_id = models.UUIDField(_("event id"), default=uuid.uuid4, unique=True, editable=False)
    event_type = models.CharField(_("event"), max_length=50)
    #: The exact JSON body sent (and signed) on every try.
    body = models.TextField(editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("tries"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next try"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last try"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    response_code = models.PositiveSmallIntegerField(_("response code"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    #: When the partner's contact was told the delivery failed for good (once).
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="twinning_partners_due"),
            models.Index(fields=["access", "-created_at"], name="twinning_partners_log"),
        ]

    def __str__(self):
        return f"{self.event_type} {self.event_id}"


class WebhookAttempt(models.Model):
    """One try of a delivery: what the receiver answered, and how long it took."""

    delivery = models.ForeignKey(
        WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log"
    )
    at = models.DateTimeField(auto_now_add=True)
    response_code = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("webhook try")
        verbose_name_plural = _("webhook tries")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.delivery_id} {self.at:%Y-%m-%d %H:%M:%S} {self.response_code or self.error}"


class TranslationContribution(models.Model):
    """A PO file a partner sent back: the draft translation it made, under review."""

    class Status(models.TextChoices):
        IN_REVIEW = "in_review", _("in review")
        APPROVED = "approved", _("approved")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")
        CANCELLED = "cancelled", _("cancelled")

    access = models.ForeignKey(
        PartnerAccess,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("partner"),
    )
    #: What was translated: the translated object (a page or a snippet) in ``locale``.
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.CharField(max_length=255)
    translation_key = models.UUIDField()
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE)
    #: The draft revision the upload saved (pages and snippets with revisions).
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True
    )
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState", on_delete=models.SET_NULL, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_REVIEW
    )
    strings = models.PositiveIntegerField(_("translated strings"), default=0)
    #: The file as sent, kept for the review: a snippet's translation (snippets have no
    #: drafts) is applied from it only when an editor approves it.
    po_file = models.TextField(blank=True, editable=False)
    comment = models.TextField(_("reviewer's comment"), blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("translation sent by a partner")
        verbose_name_plural = _("translations sent by partners")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "-created_at"],
                name="twinning_partners_contrib",
            )
        ]

    def __str__(self):
        return f"{self.access} → {self.locale_id} {self.content_type_id}:{self.object_id}"
