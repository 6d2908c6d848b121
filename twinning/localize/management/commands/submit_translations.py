"""Submit a page, or a whole section, for translation into some languages, with progress."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Locale, Page, Site

from twinning.localize import bulk_submission


def find_section(value: str) -> Page:
    """A page by id, or by its URL path on a site ("/histoires/" or "/fr/histoires/")."""
    value = value.strip()
    if value.isdigit():
        page = Page.objects.filter(pk=int(value)).first()
        if page is None:
            raise CommandError(_("No page has the id %(id)s.") % {"id": value})
        return page
    path = "/" + "/".join(part for part in value.split("/") if part) + "/"
    candidates = {page.pk: page for page in Page.objects.filter(url_path=path)}
    for site in Site.objects.select_related("root_page"):
        root = site.root_page.url_path.rstrip("/")
        for page in Page.objects.filter(url_path=root + path):
            candidates[page.pk] = page
    if not candidates:
        raise CommandError(_("No page has the path %(path)s.") % {"path": path})
    if len(candidates) > 1:
        raise CommandError(
            _("Several pages have the path %(path)s: give one of their ids (%(ids)s).")
            % {"path": path, "ids": ", ".join(str(pk) for pk in sorted(candidates))}
        )
    return next(iter(candidates.values()))


def find_locales(value: str) -> list[Locale]:
    codes = [code.strip() for code in value.split(",") if code.strip()]
    if not codes:
        raise CommandError(_("Give at least one language code, e.g. --locales de,en."))
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    unknown = [code for code in codes if code not in locales]
    if unknown:
        raise CommandError(
            _("Unknown language codes: %(unknown)s (the site has: %(known)s).")
            % {"unknown": ", ".join(unknown), "known": ", ".join(sorted(locales))}
        )
    return [locales[code] for code in dict.fromkeys(codes)]


def find_user(username: str | None):
    if not username:
        return None
    user = get_user_model()._default_manager.filter(**{get_user_model().USERNAME_FIELD: username})
    user = user.first()
    if user is None:
        raise CommandError(_("No user is called %(username)s.") % {"username": username})
    return user


class Command(BaseCommand):
    help = (
        "Submit a page (and, with --include-descendants, every page below it) for translation "
        "into the given languages, as the admin's “Translate” action does: a draft page per "
        "language, ready for translators. Languages a page is already translated into are "
        "skipped. Everything is checked before anything is written; the job is listed in the "
        "admin with its progress."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--section", required=True, help="The page: its id or URL path, e.g. /histoires/."
        )
        parser.add_argument(
            "--locales", required=True, help="Target language codes, comma-separated: de,en."
        )
        parser.add_argument(
            "--include-descendants",
            action="store_true",
            help="Submit the pages below it too.",
        )
        parser.add_argument("--user", help="Username the translations are logged under.")

    def handle(self, *args, section, locales, include_descendants=False, user=None, **options):
        verbosity = options.get("verbosity", 1)
        root = find_section(section)
        targets = find_locales(locales)
        owner = find_user(user)
        try:
            job = bulk_submission.create_job(
                root, targets, include_descendants=include_descendants, user=owner
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error

        self.stdout.write(
            ngettext(
                "Submitting %(count)d page from “%(title)s” into %(languages)s (job %(job)d).",
                "Submitting %(count)d pages from “%(title)s” into %(languages)s (job %(job)d).",
                job.total,
            )
            % {
                "count": job.total,
                "title": root.title,
                "languages": ", ".join(locale.language_code for locale in targets),
                "job": job.pk,
            }
        )

        def on_page(job, outcome):
            if verbosity < 1:
                return
            parts = []
            if outcome.created:
                parts.append(_("created %(codes)s") % {"codes": ", ".join(outcome.created)})
            if outcome.skipped:
                parts.append(
                    _("skipped %(codes)s (already translated)")
                    % {"codes": ", ".join(outcome.skipped)}
                )
            if outcome.error:
                parts.append(_("error: %(error)s") % {"error": outcome.error})
            line = f"[{job.done}/{job.total}] {outcome.page.title}: " + "; ".join(
                parts or [_("nothing to do")]
            )
            (self.stderr if outcome.error else self.stdout).write(line)

        job = bulk_submission.run_job(job.pk, on_page=on_page)
        summary = _(
            "%(done)d of %(total)d pages done: %(created)d translations created, "
            "%(skipped)d skipped (already translated), %(errors)d errors."
        ) % {
            "done": job.done,
            "total": job.total,
            "created": job.created,
            "skipped": job.skipped,
            "errors": len(job.errors),
        }
        if job.status != job.Status.FINISHED or job.errors:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
