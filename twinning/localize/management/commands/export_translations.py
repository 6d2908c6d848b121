"""Write one PO file per page (or theme) that needs translating into a locale."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tqdm import tqdm

from twinning.localize import po_exchange


class Command(BaseCommand):
    help = (
        "Export PO files for translators: one per live, public page (and cooperation theme) "
        "that is missing, incomplete or out of date in the given locale. Each file holds the "
        "source strings, the translations made so far, earlier translations as fuzzy suggestions, "
        "and the page's identity in its header. The page's current content is extracted first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", required=True, help="Target language code, e.g. de.")
        parser.add_argument(
            "--partner",
            help="Only the pages about one partner city: its slug, page id or Wikidata ID.",
        )
        parser.add_argument(
            "--out",
            type=Path,
            help="Directory to write to (created if missing). Default: translations/<locale>.",
        )

    def handle(self, *args, locale, partner=None, out=None, verbosity=1, **options):
        # Every argument is checked before anything is written.
        try:
            target = po_exchange.target_locale(locale)
        except ValueError as error:
            raise CommandError(str(error)) from error
        city = None
        if partner:
            try:
                city = po_exchange.find_partner(partner)
            except LookupError as error:
                raise CommandError(str(error)) from error
        directory = out or Path("translations") / target.language_code
        if directory.exists() and not directory.is_dir():
            raise CommandError(
                _("%(directory)s exists and is not a directory.") % {"directory": directory}
            )

        plan = po_exchange.plan_export(po_exchange.translatable_sources(city), target)
        directory.mkdir(parents=True, exist_ok=True)
        exported = []
        for obj in tqdm(
            plan.to_export,
            desc=f"Export {target.language_code}",
            unit="file",
            file=sys.stderr,
            disable=True if verbosity == 0 else None,
            leave=False,
        ):
            exported.append(po_exchange.export_object(obj, target, directory))

        if verbosity >= 2:
            for item in exported:
                self.stdout.write(
                    f"  {item.path.name}: {item.translated}/{item.strings}"
                    + (f" (+{item.suggested} fuzzy)" if item.suggested else "")
                )
        figures = {
            "count": len(exported),
            "language": target.get_display_name(),
            "directory": directory,
            "strings": sum(item.strings for item in exported),
            "translated": sum(item.translated for item in exported),
        }
        summary = ngettext(
            "Exported %(count)d PO file for %(language)s to %(directory)s: "
            "%(strings)d strings, %(translated)d of them already translated.",
            "Exported %(count)d PO files for %(language)s to %(directory)s: "
            "%(strings)d strings, %(translated)d of them already translated.",
            figures["count"],
        )
        self.stdout.write(self.style.SUCCESS(summary % figures))
        suggested = sum(item.suggested for item in exported)
        if suggested:
            self.stdout.write(
                ngettext(
                    "%(count)d untranslated string has a suggestion from an earlier "
                    "translation, marked fuzzy: it is imported only once confirmed.",
                    "%(count)d untranslated strings have a suggestion from an earlier "
                    "translation, marked fuzzy: they are imported only once confirmed.",
                    suggested,
                )
                % {"count": suggested}
            )
        if plan.up_to_date:
            self.stdout.write(
                _("Up to date, not exported: %(count)d.") % {"count": len(plan.up_to_date)}
            )
        for obj in plan.edited_by_hand:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Not exported: the %(language)s version of “%(title)s” is edited by "
                        "hand in the admin, outside the synchronised translation."
                    )
                    % {"language": target.get_display_name(), "title": obj}
                )
            )
