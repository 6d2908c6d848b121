"""Compile locale/*/LC_MESSAGES/*.po into .mo files without GNU gettext.

`make run` and `make test` call it so a fresh machine needs only Python;
`make messages` (which refreshes the catalogues) does need GNU gettext's xgettext.
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def compile_all(locale_dir: Path = LOCALE_DIR) -> int:
    compiled = 0
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        catalogue = polib.pofile(str(po_path))
        catalogue.save_as_mofile(str(mo_path))
        compiled += 1
    return compiled


if __name__ == "__main__":
    count = compile_all()
    if count:
        print(f"Compiled {count} message catalogue(s).", file=sys.stderr)
