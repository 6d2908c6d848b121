"""Refresh the interface catalogues (`make messages`), then compile them.

makemessages sends the strings of twinning/ to the plugin's catalogue (twinning/locale/) and
those of cms/ and home/ to the site's (locale/). A string that moves from one to the other,
as a template moving into the plugin does, would arrive untranslated; each new entry gets
the translation it had in either catalogue before the run.

Takes makemessages' own options. Needs GNU gettext (xgettext, msgmerge, msgcat).
"""

import subprocess
import sys
from pathlib import Path

import polib

from cms.compilemessages import BASE_DIR, LOCALE_DIRS, compile_all

Key = tuple[str, str, str]


def key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def catalogues(locale_dirs: tuple[Path, ...]) -> list[tuple[str, Path]]:
    return [
        (po_path.parent.parent.name, po_path)
        for locale_dir in locale_dirs
        for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))
    ]


def known_translations(locale_dirs: tuple[Path, ...]) -> dict[str, dict[Key, polib.POEntry]]:
    """language -> the translated entries of every catalogue, by key."""
    known: dict[str, dict[Key, polib.POEntry]] = {}
    for language, po_path in catalogues(locale_dirs):
        for entry in polib.pofile(str(po_path)).translated_entries():
            known.setdefault(language, {}).setdefault(key(entry), entry)
    return known


def carry_over(known: dict[str, dict[Key, polib.POEntry]], locale_dirs: tuple[Path, ...]) -> int:
    """Give untranslated or fuzzy entries the translation ``known`` has for them."""
    filled = 0
    for language, po_path in catalogues(locale_dirs):
        catalogue = polib.pofile(str(po_path))
        changed = False
        for entry in catalogue:
            previous = known.get(language, {}).get(key(entry))
            if entry.obsolete or entry.translated() or previous is None:
                continue
            entry.msgstr = previous.msgstr
            entry.msgstr_plural = dict(previous.msgstr_plural)
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgctxt = entry.previous_msgid = entry.previous_msgid_plural = None
            changed = True
            filled += 1
        if changed:
            catalogue.save()
            # Back to gettext's own line wrapping, so the next makemessages changes nothing.
            subprocess.run(["msgcat", "-o", str(po_path), str(po_path)], check=True)
    return filled


def main(makemessages_options: list[str], locale_dirs: tuple[Path, ...] = LOCALE_DIRS) -> None:
    known = known_translations(locale_dirs)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *makemessages_options],
        cwd=BASE_DIR,
        check=True,
    )
    filled = carry_over(known, locale_dirs)
    if filled:
        print(f"Carried {filled} translation(s) over between catalogues.", file=sys.stderr)
    compile_all(locale_dirs)


if __name__ == "__main__":
    main(sys.argv[1:])
