"""Partner accounts from the shell: create, list, rotate or revoke tokens, (de)activate, and
make a new webhook secret. Tokens and secrets are printed once; only digests are kept.

    manage.py partner_access create --partner tubingen --languages de,en \\
        --contact-name "Anna Keller" --contact-email partnerschaft@tuebingen.example \\
        [--webhook-url https://example.org/hooks] [--events page.published,translation.published]
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinning.partners import tokens
from twinning.partners.models import PartnerAccess

#: The command's option for each field of the account form (its error messages name them).
OPTIONS = {
    "partner": "--partner",
    "contact_name": "--contact-name",
    "contact_email": "--contact-email",
    "languages": "--languages",
    "events": "--events",
    "webhook_url": "--webhook-url",
}


def split_list(raw: str | None) -> list[str]:
    return [item.strip() for item in (raw or "").split(",") if item.strip()]


def find_city(value: str):
    from twinning.localize.po_exchange import find_partner

    try:
        return find_partner(value)
    except LookupError as error:
        raise CommandError(str(error)) from error


class Command(BaseCommand):
    help = "Create and manage partner accounts: their API tokens and webhook secrets."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

        create = actions.add_parser("create", help="Create an account; prints its token once.")
        create.add_argument(
            "--partner", required=True, help="The partner city: slug, page id or Q-id."
        )
        create.add_argument(
            "--languages", required=True, help="Comma-separated language codes, e.g. de,en."
        )
        create.add_argument("--contact-name", required=True)
        create.add_argument(
            "--contact-email", required=True, help="Told when webhooks keep failing."
        )
        create.add_argument("--webhook-url", default="", help="Where events are POSTed.")
        create.add_argument(
            "--events", default="", help="Comma-separated event types; none: every event."
        )

        actions.add_parser("list", help="List the accounts and their tokens.")
        for name, help_text in [
            ("rotate", "Issue a new token; the current ones keep working for an overlap."),
            ("revoke", "Stop every token of the account at once."),
            ("deactivate", "Refuse the account's tokens and send it no webhook."),
            ("activate", "Make an inactive account work again."),
            ("new-secret", "Replace the webhook secret; prints the new one once."),
        ]:
            action = actions.add_parser(name, help=help_text)
            action.add_argument("--partner", help="The partner city: slug, page id or Q-id.")
            action.add_argument(
                "--id", type=int, dest="account_id", help="The account (when a city has several)."
            )

    def handle(self, *args, action, **options):
        handler = getattr(self, "handle_" + action.replace("-", "_"))
        handler(**options)

    # create

    def handle_create(self, **options):
        from twinning.partners.forms import PartnerAccessForm, language_choices

        city = find_city(options["partner"])
        form = PartnerAccessForm(
            data={
                "partner": city.pk,
                "contact_name": options["contact_name"],
                "contact_email": options["contact_email"],
                "languages": split_list(options["languages"]),
                "events": split_list(options["events"]),
                "webhook_url": options["webhook_url"],
                "is_active": True,
            }
        )
        if not form.is_valid():
            problems = []
            for field, errors in form.errors.items():
                for error in errors:
                    problems.append(f"{OPTIONS.get(field, field)}: {error}")
            if "languages" in form.errors:
                problems.append(
                    _("Configured languages: %(codes)s.")
                    % {"codes": ", ".join(code for code, _label in language_choices())}
                )
            if "events" in form.errors:
                problems.append(
                    _("Events: %(events)s.")
                    % {
                        "events": ", ".join(
                            value for value, _label in form.fields["events"].choices
                        )
                    }
                )
            raise CommandError(
                _("Nothing was created:") + "\n" + "\n".join(f"  {p}" for p in problems)
            )
        with transaction.atomic():
            access = form.save()
            token = tokens.issue(access)
        self.stdout.write(
            _("Created partner account %(id)d for %(partner)s (%(contact)s <%(email)s>).")
            % {
                "id": access.pk,
                "partner": city.title,
                "contact": access.contact_name,
                "email": access.contact_email,
            }
        )
        self.stdout.write(_("API token: %(token)s") % {"token": token})
        if form.new_secret:
            self.stdout.write(_("Webhook secret: %(secret)s") % {"secret": form.new_secret})
        self.stdout.write(self.style.WARNING(_("Copy them now: they are not shown again.")))

    # list

    def handle_list(self, **options):
        accounts = PartnerAccess.objects.select_related("partner").prefetch_related("tokens")
        if not accounts:
            self.stdout.write(_("No partner account yet."))
            return
        for access in accounts:
            state = _("active") if access.is_active else _("inactive")
            self.stdout.write(
                f"#{access.pk} {access.partner.title} — {access.contact_name} "
                f"<{access.contact_email}> — {', '.join(access.languages)} — {state}"
            )
            self.stdout.write(
                "    "
                + _("events: %(events)s") % {"events": ", ".join(access.events) or _("all")}
                + " — "
                + _("webhook: %(url)s") % {"url": access.webhook_url or _("none")}
            )
            for token in access.tokens.all():
                if token.revoked_at:
                    status = _("revoked %(at)s") % {
                        "at": token.revoked_at.isoformat(" ", "minutes")
                    }
                elif token.expires_at:
                    status = _("expires %(at)s") % {
                        "at": token.expires_at.isoformat(" ", "minutes")
                    }
                else:
                    status = _("no expiry")
                used = (
                    token.last_used_at.isoformat(" ", "minutes")
                    if token.last_used_at
                    else _("never")
                )
                self.stdout.write(
                    "    "
                    + _("token %(prefix)s… %(status)s, last used %(used)s")
                    % {"prefix": token.prefix, "status": status, "used": used}
                )

    # actions on one account

    def account(self, partner: str | None, account_id: int | None) -> PartnerAccess:
        accounts = PartnerAccess.objects.select_related("partner")
        if partner is None and account_id is None:
            raise CommandError(_("Say which account: --partner <slug|id|Q-id> or --id <account>."))
        if partner is not None:
            city = find_city(partner)
            accounts = accounts.filter(partner__translation_key=city.translation_key)
        if account_id is not None:
            accounts = accounts.filter(pk=account_id)
        found = list(accounts[:21])
        if not found:
            raise CommandError(_("No partner account matches: see `partner_access list`."))
        if len(found) > 1:
            raise CommandError(
                _("%(partner)s has several accounts (%(ids)s): choose one with --id.")
                % {
                    "partner": found[0].partner.title,
                    "ids": ", ".join(f"#{access.pk} {access.contact_name}" for access in found),
                }
            )
        return found[0]

    def handle_rotate(self, partner=None, account_id=None, **options):
        access = self.account(partner, account_id)
        token = tokens.rotate(access)
        until = tokens.usable(access.tokens.exclude(expires_at=None)).aggregate(
            until=Max("expires_at")
        )["until"]
        self.stdout.write(_("New API token: %(token)s") % {"token": token})
        if until:
            self.stdout.write(
                _("The previous tokens keep working until %(until)s.")
                % {"until": until.isoformat(timespec="minutes")}
            )
        self.stdout.write(self.style.WARNING(_("Copy it now: it is not shown again.")))

    def handle_revoke(self, partner=None, account_id=None, **options):
        access = self.account(partner, account_id)
        count = tokens.revoke(access)
        self.stdout.write(
            ngettext(
                "Revoked %(count)d token of %(partner)s: its calls are refused from now on.",
                "Revoked %(count)d tokens of %(partner)s: its calls are refused from now on.",
                count,
            )
            % {"count": count, "partner": access.partner.title}
        )

    def handle_deactivate(self, partner=None, account_id=None, **options):
        self.set_active(self.account(partner, account_id), False)

    def handle_activate(self, partner=None, account_id=None, **options):
        self.set_active(self.account(partner, account_id), True)

    def set_active(self, access: PartnerAccess, active: bool) -> None:
        access.is_active = active
        access.save(update_fields=["is_active", "updated_at"])
        message = (
            _("%(partner)s's account is active.")
            if active
            else _("%(partner)s's account is inactive: its tokens are refused, no webhook is sent.")
        )
        self.stdout.write(message % {"partner": access.partner.title})

    def handle_new_secret(self, partner=None, account_id=None, **options):
        access = self.account(partner, account_id)
        if not access.webhook_url:
            raise CommandError(
                _("%(partner)s's account has no webhook URL: set one in the admin first.")
                % {"partner": access.partner.title}
            )
        access.webhook_secret = tokens.new_webhook_secret()
        access.save(update_fields=["webhook_secret", "updated_at"])
        self.stdout.write(_("New webhook secret: %(secret)s") % {"secret": access.webhook_secret})
        self.stdout.write(
            self.style.WARNING(_("Copy it now: it is not shown again. The old one stops at once."))
        )
