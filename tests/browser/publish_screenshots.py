"""Copy the current screenshots of the key pages into docs/screenshots/ for the README.

Run the browser tests first, then::

    .venv/bin/python -m tests.browser.publish_screenshots

Only the key pages at desktop width are published (``KEY_PAGES``); the phone-width
shots and the rest stay in test-artifacts/.
"""

import shutil
import sys
from pathlib import Path

from tests.browser.artifacts import DOCS_SCREENSHOTS, SCREENSHOTS

KEY_PAGES = [
    "home-fr-desktop",
    "map-fr-desktop",
    "timeline-fr-desktop",
    "city-fr-desktop",
    "story-fr-desktop",
    "stories-fr-desktop",
    "search-fr-desktop",
    "map-fr-phone",
    "home-de-desktop",
    "map-de-desktop",
    "city-de-desktop",
    "story-de-desktop",
    "home-ar-desktop",
    "map-ar-desktop",
    "city-ar-desktop",
    "story-ar-desktop",
    "dashboard-coverage-desktop",
]


def publish(names: list[str], source: Path = SCREENSHOTS, destination: Path = DOCS_SCREENSHOTS):
    """Copy ``names`` (without .png) from ``source``; return the copies and the missing."""
    destination.mkdir(parents=True, exist_ok=True)
    copied, missing = [], []
    for name in names:
        path = source / f"{name}.png"
        if path.exists():
            copied.append(Path(shutil.copy2(path, destination / path.name)))
        else:
            missing.append(name)
    return copied, missing


def main() -> int:
    copied, missing = publish(KEY_PAGES)
    for path in copied:
        print(f"copied {path.relative_to(DOCS_SCREENSHOTS.parent.parent)}")
    for name in missing:
        print(f"missing {name}.png: run the browser tests first", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
