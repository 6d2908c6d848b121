"""Compile the gettext catalogues (.po) into .mo files without GNU gettext.

Two catalogues: the site's own strings in locale/ and the plugin's in twinning/locale/.
The plugin's .mo files are committed so that the wheel carries them; compiling them here
too keeps them current when a translator edits a .po (a test fails on a stale one).

`make run` and `make test` call it so a fresh machine needs only Python;
`make messages` (which refreshes the catalogues) does need GNU gettext's xgettext.
"""

import sys
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent
SITE_LOCALE_DIR = BASE_DIR / "locale"
PLUGIN_LOCALE_DIR = BASE_DIR / "twinning" / "locale"
LOCALE_DIRS = (SITE_LOCALE_DIR, PLUGIN_LOCALE_DIR)


def compile_catalogue(po_path: Path) -> Path:
    mo_path = po_path.with_suffix(".mo")
    polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
    return mo_path


def compile_all(locale_dirs: tuple[Path, ...] = LOCALE_DIRS) -> int:
    compiled = 0
    for locale_dir in locale_dirs:
        for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            compile_catalogue(po_path)
            compiled += 1
    return compiled


if __name__ == "__main__":
    count = compile_all()
    if count:
        print(f"Compiled {count} message catalogue(s).", file=sys.stderr)
