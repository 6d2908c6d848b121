"""Delivering one webhook event: a task per delivery, retried with backoff, at least once.

Each try POSTs the stored body with a fresh timestamp and signature, to the address the
URL resolves to at that moment (checked again: see network.py), within
``TWINNING["WEBHOOK_TIMEOUT"]`` seconds. A 2xx answer delivers it; anything else (another
status, a timeout, a refused connection or URL) schedules the next try.

Retry schedule (``backoff``): before try n+1 the delivery waits a random time between half
and all of ``2 min × 4^(n-1)``, capped at 12 hours: about 1–2 min, 4–8 min, 16–32 min,
1–2 h, 4¼–8½ h, 6–12 h, 6–12 h. Eight tries thus span 18 to 35 hours, about a day; the
jitter spreads the retries of many deliveries that failed together (a receiver back up)
instead of sending them all at once. After ``TWINNING["WEBHOOK_MAX_ATTEMPTS"]`` tries the
delivery is marked failed and the partner's contact is e-mailed once.

Where the task backend can defer (``django-tasks-db``), the next try is queued to run
then; otherwise it stays pending with its ``next_attempt_at`` for
``manage.py partner_webhooks send-due``, which also catches tries a worker lost.

A try first claims the delivery (a conditional UPDATE), so two workers, or the worker and
``send-due``, never send the same try twice; a delivery already delivered is skipped.
"""

import datetime
import logging
import random

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from django_tasks import task

from twinning import conf
from twinning.absolute_urls import absolute_url, configured_base_url
from twinning.partners import network, signing
from twinning.partners.models import WebhookAttempt, WebhookDelivery

logger = logging.getLogger(__name__)

Status = WebhookDelivery.Status
BACKOFF_BASE = datetime.timedelta(minutes=2)
BACKOFF_FACTOR = 4
BACKOFF_CAP = datetime.timedelta(hours=12)
#: How long a claimed try keeps others away, beyond the receiver's time limit.
CLAIM_MARGIN = datetime.timedelta(minutes=1)


def backoff(tries: int) -> datetime.timedelta:
    """The wait after ``tries`` failed tries: half to all of the capped exponential step."""
    step = min(BACKOFF_BASE * BACKOFF_FACTOR ** max(tries - 1, 0), BACKOFF_CAP)
    return step / 2 + step / 2 * random.random()


def enqueue(delivery_id: int, run_after: datetime.datetime | None = None) -> None:
    """Queue a try of the delivery, at ``run_after`` when the backend can defer."""
    if run_after is not None:
        if not deliver.get_backend().supports_defer:
            return  # left pending with its next_attempt_at, for send-due
        deliver.using(run_after=run_after).enqueue(delivery_id)
    else:
        deliver.enqueue(delivery_id)


@task()
def deliver(delivery_id: int) -> str:
    """Try to deliver the delivery once (a task: one per delivery, so that a slow receiver
    holds up no other)."""
    return attempt(delivery_id)


def attempt(delivery_id: int) -> str:
    """One try, when the delivery is pending and due; returns its status afterwards."""
    now = timezone.now()
    timeout = float(conf.get("WEBHOOK_TIMEOUT"))
    claimed = (
        WebhookDelivery.objects.filter(pk=delivery_id, status=Status.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(next_attempt_at=now + datetime.timedelta(seconds=timeout) + CLAIM_MARGIN)
    )
    delivery = (
        WebhookDelivery.objects.select_related("access__partner").filter(pk=delivery_id).first()
    )
    if delivery is None:
        return "missing"
    if not claimed:
        return delivery.status  # delivered, failed, not yet due, or being tried elsewhere
    access = delivery.access
    payload = delivery.body.encode()
    try:
        if not access.is_active or not access.webhook_url:
            raise ValidationError(_("The partner has no active webhook any more."))
        headers = signing.headers(access.webhook_secret, str(delivery.event_id), payload)
        response = network.post(access.webhook_url, payload, headers, timeout)
    except ValidationError as refused:
        response = network.Response(None, 0, error=" ".join(refused.messages))
    record(delivery, response)
    return delivery.status


def record(delivery: WebhookDelivery, response: network.Response) -> None:
    """Keep the try, and decide what comes next: delivered, another try, or failed."""
    now = timezone.now()
    error = response.error
    if not response.ok and response.status is not None:
        error = _("The receiver answered with status %(status)s.") % {"status": response.status}
        excerpt = response.body[:300].decode("utf-8", "replace").strip()
        if excerpt:
            error = f"{error} {excerpt}"
    WebhookAttempt.objects.create(
        delivery=delivery,
        response_code=response.status,
        duration_ms=response.duration_ms,
        error=error,
    )
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.response_code = response.status
    delivery.duration_ms = response.duration_ms
    delivery.error = error
    if response.ok:
        delivery.status = Status.SUCCEEDED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
    elif delivery.attempts >= int(conf.get("WEBHOOK_MAX_ATTEMPTS")):
        delivery.status = Status.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.next_attempt_at = now + backoff(delivery.attempts)
    delivery.save(
        update_fields=[
            "attempts",
            "last_attempt_at",
            "response_code",
            "duration_ms",
            "error",
            "status",
            "delivered_at",
            "next_attempt_at",
        ]
    )
    if delivery.status == Status.PENDING:
        enqueue(delivery.pk, run_after=delivery.next_attempt_at)
    elif delivery.status == Status.FAILED:
        notify_failure(delivery.access)


def send_again(delivery: WebhookDelivery) -> None:
    """Deliver the event again, with the same event id (and body), from the first try."""
    delivery.status = Status.PENDING
    delivery.attempts = 0
    delivery.next_attempt_at = timezone.now()
    delivery.delivered_at = None
    delivery.notified_at = None
    delivery.save(
        update_fields=["status", "attempts", "next_attempt_at", "delivered_at", "notified_at"]
    )
    pk = delivery.pk
    transaction.on_commit(lambda: enqueue(pk))


def due(now: datetime.datetime | None = None):
    """Pending deliveries whose next try is due."""
    now = now or timezone.now()
    return WebhookDelivery.objects.filter(status=Status.PENDING).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def notify_failure(access) -> None:
    """E-mail the partner's contact, once, about the deliveries that failed for good (all
    not yet told of, in one message)."""
    failed = list(
        access.deliveries.filter(status=Status.FAILED, notified_at__isnull=True).order_by(
            "created_at", "pk"
        )
    )
    if not failed or not access.contact_email:
        return
    language = next(
        (code for code in access.languages or [] if translation.check_for_language(code)),
        settings.LANGUAGE_CODE,
    )
    with translation.override(language):
        subject, message = failure_message(access, failed)
    sent = send_mail(
        subject,
        message,
        None,
        [access.contact_email],
        fail_silently=True,
    )
    if sent:
        access.deliveries.filter(pk__in=[d.pk for d in failed]).update(notified_at=timezone.now())
    else:
        logger.warning("Could not e-mail %s about failed webhooks.", access.contact_email)


def failure_message(access, failed: list[WebhookDelivery]) -> tuple[str, str]:
    count = len(failed)
    subject = ngettext(
        "A webhook event could not be delivered to %(url)s",
        "%(count)s webhook events could not be delivered to %(url)s",
        count,
    ) % {"count": count, "url": access.webhook_url}
    events = "\n".join(
        f"- {d.event_type}  {d.event_id}  ({d.created_at:%Y-%m-%d %H:%M} UTC)" for d in failed
    )
    last = failed[-1]
    lines = [
        _("Hello %(name)s,") % {"name": access.contact_name},
        "",
        ngettext(
            "We could not deliver this webhook event to %(url)s, after %(tries)s tries over "
            "about a day:",
            "We could not deliver these webhook events to %(url)s, after %(tries)s tries "
            "each over about a day:",
            count,
        )
        % {"url": access.webhook_url, "tries": last.attempts},
        "",
        events,
        "",
        _("The last error was: %(error)s") % {"error": last.error or "-"},
        "",
        _(
            "Please check that the address is right and reachable from the internet, that "
            "your receiver answers with a 2xx status within %(timeout)s seconds, and that it "
            "checks signatures with your current webhook secret."
        )
        % {"timeout": conf.get("WEBHOOK_TIMEOUT")},
        _(
            "Once it works, reply to ask us to send these events again: they keep their "
            "event ids, so your receiver can ignore any it has already handled."
        ),
    ]
    log_url = webhook_log_url()
    if log_url:
        lines += [
            "",
            _("Your webhook log (with your API token): %(url)s") % {"url": log_url},
        ]
    return subject, "\n".join(lines) + "\n"


def webhook_log_url() -> str:
    try:
        path = reverse("wagtailapi:partner-webhooks")
    except NoReverseMatch:
        return ""
    base = configured_base_url(api=True) or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    return absolute_url(None, path, base=base.rstrip("/")) if base else ""
