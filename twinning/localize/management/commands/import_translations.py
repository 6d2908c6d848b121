"""Apply PO files written by export_translations as draft translations."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tqdm import tqdm

from twinning.localize import po_exchange


class Command(BaseCommand):
    help = (
        "Import PO files made by export_translations. Every file is checked first (locale, "
        "source, source version, syntax, translations wagtail-localize would refuse); then "
        "all are applied, or none: one rejected file leaves the site as it was, unless "
        "--partial is given. Pages are saved as drafts to review and publish in the admin, "
        "never published (cooperation themes have no drafts: they are applied directly); "
        "fuzzy entries are not imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="PO files or directories.")
        parser.add_argument(
            "--locale", help="Reject files that do not translate into this language code."
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help=(
                "Apply a file without its invalid translations (listed), instead of rejecting "
                "the whole file."
            ),
        )
        parser.add_argument(
            "--partial",
            action="store_true",
            help="Apply the valid files even when others are rejected (default: all or none).",
        )

    def handle(
        self,
        *args,
        paths,
        locale=None,
        skip_invalid=False,
        partial=False,
        verbosity=1,
        **options,
    ):
        expected = None
        if locale:
            try:
                expected = po_exchange.target_locale(locale)
            except ValueError as error:
                raise CommandError(str(error)) from error
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise CommandError(
                _("No such file or directory: %(paths)s.") % {"paths": ", ".join(missing)}
            )
        files = po_exchange.po_files(paths)
        if not files:
            raise CommandError(
                _("No .po file in %(paths)s.") % {"paths": ", ".join(str(path) for path in paths)}
            )

        report = po_exchange.import_files(
            tqdm(
                files,
                desc="Import",
                unit="file",
                file=sys.stderr,
                disable=True if verbosity == 0 else None,
                leave=False,
            ),
            locale=expected,
            skip_invalid=skip_invalid,
            partial=partial,
        )
        for path, reason in report.rejected:
            self.stderr.write(
                _("Rejected %(file)s: %(reason)s") % {"file": path.name, "reason": reason}
            )
        for item in report.imported:
            if item.skipped:
                self.stderr.write(
                    self.style.WARNING(
                        _("Applied %(file)s without its invalid translations: %(problems)s.")
                        % {
                            "file": item.path.name,
                            "problems": po_exchange.describe_invalid(item.skipped),
                        }
                    )
                )

        if verbosity >= 2:
            for item in report.imported:
                self.stdout.write(f"  {item.path.name}: {item.title} ({item.applied} strings)")
        imported = report.imported
        figures = {
            "count": len(imported),
            "strings": sum(item.applied for item in imported),
            "drafts": len({item.page_id for item in imported if item.draft}),
            "applied": sum(1 for item in imported if item.page_id is None and not item.draft),
        }
        summary = ngettext(
            "Imported %(count)d file, %(strings)d translated strings: %(drafts)d draft(s) "
            "to review and publish in the admin, %(applied)d snippet(s) applied directly.",
            "Imported %(count)d files, %(strings)d translated strings: %(drafts)d draft(s) "
            "to review and publish in the admin, %(applied)d snippet(s) applied directly.",
            figures["count"],
        )
        if not report.withheld:
            self.stdout.write(self.style.SUCCESS(summary % figures))
        fuzzy = sum(item.fuzzy for item in imported)
        skipped = sum(len(item.skipped) for item in imported)
        if fuzzy or skipped:
            self.stdout.write(
                _(
                    "Not imported: %(fuzzy)d fuzzy suggestion(s), still to confirm, and "
                    "%(skipped)d invalid translation(s)."
                )
                % {"fuzzy": fuzzy, "skipped": skipped}
            )
        if report.withheld:
            raise CommandError(
                _(
                    "%(rejected)d of %(total)d files rejected: nothing was imported. Correct "
                    "them, or use --partial to apply the other files."
                )
                % {"rejected": len(report.rejected), "total": len(files)}
            )
        if report.rejected:
            raise CommandError(
                _("%(rejected)d of %(total)d files rejected; nothing was written for them.")
                % {"rejected": len(report.rejected), "total": len(files)}
            )
