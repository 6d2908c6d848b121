"""Webhook deliveries from the command line.

    manage.py partner_webhooks send-due           # the tries that are due (run it every minute)
    manage.py partner_webhooks resend <event id>  # send an event again, same event id
    manage.py partner_webhooks ping --id <account>

``send-due`` is what delivers retries where the task backend cannot defer a task, and the
safety net where it can (a worker lost, a queue emptied): run it from cron.
"""

import sys
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tqdm import tqdm

from twinning.partners import delivery as deliveries
from twinning.partners import dispatch
from twinning.partners.events import EventType
from twinning.partners.models import PartnerAccess, WebhookDelivery


class Command(BaseCommand):
    help = "Deliver due webhook tries, send an event again, or send a test event."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("send-due", help="Deliver the pending tries whose time has come.")
        resend = actions.add_parser(
            "resend", help="Send an event again (with the same event id), from its first try."
        )
        resend.add_argument("event_id", help="The event id (Twinning-Event-Id).")
        ping = actions.add_parser("ping", help="Send a test event to a partner's webhook.")
        ping.add_argument("--id", type=int, required=True, help="The partner account's id.")

    def handle(self, *args, action, **options):
        handler = {"send-due": self.send_due, "resend": self.resend, "ping": self.ping}[action]
        handler(**options)

    def send_due(self, verbosity=1, **options):
        due = list(deliveries.due().order_by("next_attempt_at", "pk").values_list("pk", flat=True))
        outcomes = []
        for pk in tqdm(
            due,
            desc=_("Webhooks"),
            unit="delivery",
            file=sys.stderr,
            disable=True if verbosity == 0 else None,
            leave=False,
        ):
            outcomes.append(deliveries.attempt(pk))
        delivered = outcomes.count(WebhookDelivery.Status.SUCCEEDED)
        failed = outcomes.count(WebhookDelivery.Status.FAILED)
        if verbosity:
            self.stdout.write(
                ngettext(
                    "%(count)d delivery tried: %(delivered)d delivered, %(failed)d failed for "
                    "good, %(pending)d to try again.",
                    "%(count)d deliveries tried: %(delivered)d delivered, %(failed)d failed "
                    "for good, %(pending)d to try again.",
                    len(due),
                )
                % {
                    "count": len(due),
                    "delivered": delivered,
                    "failed": failed,
                    "pending": outcomes.count(WebhookDelivery.Status.PENDING),
                }
            )

    def resend(self, event_id, verbosity=1, **options):
        try:
            key = uuid.UUID(event_id)
        except ValueError:
            raise CommandError(_("%(value)r is not an event id.") % {"value": event_id}) from None
        found = WebhookDelivery.objects.filter(event_id=key).first()
        if found is None:
            raise CommandError(_("There is no event %(id)s.") % {"id": key})
        deliveries.send_again(found)
        found.refresh_from_db()
        if verbosity:
            self.stdout.write(
                _("Event %(id)s sent again: %(status)s.")
                % {"id": key, "status": found.get_status_display()}
            )

    def ping(self, id, verbosity=1, **options):
        access = PartnerAccess.objects.select_related("partner").filter(pk=id).first()
        if access is None:
            raise CommandError(_("There is no partner account %(id)d.") % {"id": id})
        if not access.is_active or not access.webhook_url:
            raise CommandError(
                _("%(partner)s has no active webhook URL.") % {"partner": access.partner.title}
            )
        sent = dispatch.emit(access, EventType.PING)
        sent.refresh_from_db()
        if verbosity:
            self.stdout.write(
                _("Test event %(id)s sent to %(url)s: %(status)s.")
                % {
                    "id": sent.event_id,
                    "url": access.webhook_url,
                    "status": sent.get_status_display(),
                }
            )
