"""The webhook events a partner can ask for (``PartnerAccess.events``; empty for all)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    PAGE_PUBLISHED = "page.published", _("A page about the partner is published")
    PAGE_UPDATED = "page.updated", _("A page about the partner is updated")
    PAGE_UNPUBLISHED = "page.unpublished", _("A page about the partner is unpublished")
    PAGE_DELETED = "page.deleted", _("A page about the partner is deleted")
    PAGE_MOVED = "page.moved", _("A page about the partner changes address")
    TRANSLATION_PUBLISHED = (
        "translation.published",
        _("A page about the partner is published in another of its languages"),
    )
    CONTRIBUTION_APPROVED = (
        "contribution.approved",
        _("A translation the partner sent is approved and published"),
    )
    CONTRIBUTION_CHANGES_REQUESTED = (
        "contribution.changes_requested",
        _("A reviewer asks for changes to a translation the partner sent"),
    )
    #: Sent from the admin ("send a test event"), whatever the partner asked for.
    PING = "ping", _("Test event")


#: What a partner may subscribe to (everything but the test event).
SUBSCRIBABLE = [choice for choice in EventType if choice != EventType.PING]
