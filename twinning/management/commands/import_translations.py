"""Apply PO files written by export_translations as draft translations."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tqdm import tqdm

from twinning import po_exchange


class Command(BaseCommand):
    help = (
        "Import PO files made by export_translations: each file is checked (locale, source, "
        "source version, syntax) and applied in full as a draft translation, or rejected "
        "with nothing written. Drafts are published by an editor in the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="PO files or directories.")
        parser.add_argument(
            "--locale", help="Reject files that do not translate into this language code."
        )

    def handle(self, *args, paths, locale=None, verbosity=1, **options):
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

        imported, rejected = [], []
        for path in tqdm(
            files,
            desc="Import",
            unit="file",
            file=sys.stderr,
            disable=True if verbosity == 0 else None,
            leave=False,
        ):
            try:
                imported.append(po_exchange.import_file(path, locale=expected))
            except po_exchange.RejectedFile as error:
                rejected.append(path)
                self.stderr.write(
                    _("Rejected %(file)s: %(reason)s") % {"file": path.name, "reason": error}
                )

        if verbosity >= 2:
            for item in imported:
                self.stdout.write(f"  {item.path.name}: {item.title} ({item.applied} strings)")
        figures = {
            "count": len(imported),
            "strings": sum(item.applied for item in imported),
            "drafts": sum(1 for item in imported if item.draft),
        }
        figures["applied"] = figures["count"] - figures["drafts"]
        summary = ngettext(
            "Imported %(count)d file, %(strings)d translated strings: %(drafts)d draft(s) "
            "to review and publish in the admin, %(applied)d snippet(s) applied directly.",
            "Imported %(count)d files, %(strings)d translated strings: %(drafts)d draft(s) "
            "to review and publish in the admin, %(applied)d snippet(s) applied directly.",
            figures["count"],
        )
        self.stdout.write(self.style.SUCCESS(summary % figures))
        if rejected:
            raise CommandError(
                _("%(rejected)d of %(total)d files rejected; nothing was written for them.")
                % {"rejected": len(rejected), "total": len(files)}
            )
