"""Webhook events: which partner hears of what, the body it is sent, and its delivery queued.

Changes come from the changes feed's log (``twinning.api.signals.changes_recorded``), so a
partner's webhooks tell it exactly what its changes feed shows: the rows of pages anonymous
readers could see, each naming the partner cities it concerned. A partner hears of a row
when its account is active with a webhook URL, the row names its city (or every city),
the row's language is one of its languages, and it wants that event.

The body is built once, stored, and sent unchanged on every try (its signature is made
from it), so the event id is the receiver's idempotency key. Publishing only writes the
deliveries and queues their tasks once the transaction commits: the HTTP requests are made
by the task worker, one task per delivery.
"""

import datetime
import json
import logging
import uuid
from collections.abc import Iterable

from django.apps import apps
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from wagtail.models import Page

from twinning.absolute_urls import absolute_url, configured_base_url
from twinning.locales import source_language_code
from twinning.partners.events import EventType
from twinning.partners.models import PartnerAccess, WebhookDelivery

logger = logging.getLogger(__name__)

#: Change actions after which the page has no public address.
GONE = {"unpublished", "deleted"}


def wants(access: PartnerAccess, event_type: str) -> bool:
    """Whether the account is to be sent ``event_type`` (the test event whatever it asked)."""
    if not access.is_active or not access.webhook_url:
        return False
    return event_type == EventType.PING or not access.events or event_type in access.events


def emit(
    access: PartnerAccess,
    event_type: str,
    *,
    obj=None,
    locale: str | None = None,
    extra: dict | None = None,
) -> WebhookDelivery | None:
    """Send ``event_type`` about ``obj`` (a page or a snippet; None for ``ping``) in
    ``locale`` (its own by default) to the account, with ``extra`` top-level keys (such as
    ``contribution``): the delivery, queued when the transaction commits, or None when the
    account does not want it."""
    if not wants(access, event_type):
        return None
    subject = None
    if obj is not None:
        code = locale or _language_code(obj)
        live = getattr(obj, "live", True) and event_type not in (
            EventType.PAGE_UNPUBLISHED,
            EventType.PAGE_DELETED,
        )
        model = getattr(obj, "specific_class", None) or type(obj)
        subject = page_json(obj.pk, model._meta.label, code, page=obj if live else None)
    delivery = _delivery(access, str(event_type), subject, extra)
    delivery.save()
    queue([delivery])
    return delivery


def from_changes(rows: Iterable) -> list[WebhookDelivery]:
    """The deliveries for rows of the changes log (written and queued)."""
    rows = [row for row in rows if row.partners and _page_model(row.type) is not None]
    if not rows:
        return []
    accounts = list(
        PartnerAccess.objects.filter(is_active=True)
        .exclude(webhook_url="")
        .select_related("partner")
    )
    if not accounts:
        return []
    sources = _source_languages({row.translation_key for row in rows})
    pages = (
        Page.objects.filter(pk__in={row.object_id for row in rows if row.action not in GONE})
        .specific(defer=True)
        .in_bulk()
    )
    deliveries = []
    for row in rows:
        event_type = _event_type(row, sources)
        listeners = [
            access
            for access in accounts
            if (row.partners == "*" or f"|{access.partner.translation_key}|" in row.partners)
            and row.locale in (access.languages or [])
            and wants(access, event_type)
        ]
        if not listeners:
            continue
        page = pages.get(row.object_id)
        live = row.action not in GONE and page is not None and page.live
        subject = page_json(row.object_id, row.type, row.locale, page=page if live else None)
        deliveries += [_delivery(access, event_type, subject) for access in listeners]
    WebhookDelivery.objects.bulk_create(deliveries)
    queue(deliveries)
    return deliveries


def queue(deliveries: list[WebhookDelivery]) -> None:
    """Queue the delivery tasks once the current transaction commits."""
    if not deliveries:
        return
    ids = [delivery.pk for delivery in deliveries]
    transaction.on_commit(lambda: _enqueue_all(ids))


def _enqueue_all(ids: list[int]) -> None:
    """Queue each delivery's task; one the queue refuses stays due, for ``send-due``."""
    from twinning.partners.delivery import enqueue

    for pk in ids:
        try:
            enqueue(pk)
        except Exception:
            logger.exception("Could not queue webhook delivery %s; send-due will try it.", pk)


def page_json(object_id: int, type_label: str, locale: str, *, page=None) -> dict:
    """The ``page`` of an event; its absolute URLs when given the live ``page``, else null."""
    api_url = html_url = None
    if isinstance(page, Page):
        html_url, api_url = _page_urls(page)
    return {
        "id": object_id,
        "type": type_label,
        "locale": locale,
        "api_url": api_url,
        "html_url": html_url,
    }


def body(
    access: PartnerAccess,
    event_type: str,
    subject: dict | None,
    extra: dict | None = None,
    *,
    event_id: uuid.UUID,
    occurred_at: datetime.datetime,
) -> str:
    """The event's JSON text, as sent and signed (contracts: the webhook event body)."""
    city = access.partner
    event = {
        "id": str(event_id),
        "type": str(event_type),
        "occurred_at": occurred_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "partner": {
            "id": city.pk,
            "wikidata_id": city.wikidata_id or None,
            "title": city.title,
        },
        "page": subject,
        **(extra or {}),
    }
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))


def _delivery(access, event_type, subject, extra=None) -> WebhookDelivery:
    event_id = uuid.uuid4()
    now = timezone.now()
    return WebhookDelivery(
        access=access,
        event_id=event_id,
        event_type=event_type,
        body=body(access, event_type, subject, extra, event_id=event_id, occurred_at=now),
        next_attempt_at=now,
    )


def _event_type(row, sources: dict[str, str]) -> str:
    if row.action == "published":
        source = sources.get(str(row.translation_key), source_language_code())
        if row.locale != source:
            return EventType.TRANSLATION_PUBLISHED
    return f"page.{row.action}"


def _source_languages(keys: set) -> dict[str, str]:
    """The language each translation group was translated from (the site's source
    language where wagtail-localize has no record of it)."""
    if not apps.is_installed("wagtail_localize") or not keys:
        return {}
    from wagtail_localize.models import TranslationSource

    found = TranslationSource.objects.filter(object_id__in=keys).values_list(
        "object_id", "locale__language_code"
    )
    return {str(key): code for key, code in found}


def _page_model(label: str):
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if issubclass(model, Page) else None


def _language_code(obj) -> str:
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale is not None else ""


def _page_urls(page: Page) -> tuple[str | None, str | None]:
    """The page's public URL and its API detail URL, absolute, without a request (the
    configured public base, else the page's site's root URL)."""
    parts = page.get_url_parts()
    if not parts or parts[2] is None:
        return None, None
    _site_id, root_url, path = parts
    base = configured_base_url() or root_url.rstrip("/")
    html_url = absolute_url(None, path, base=base)
    try:
        api_path = reverse("wagtailapi:pages:detail", args=[page.pk])
    except NoReverseMatch:
        return html_url, None
    api_base = configured_base_url(api=True) or root_url.rstrip("/")
    return html_url, absolute_url(None, api_path, base=api_base)
