"""Screenshots of the demo site for the README, taken from a running ``make run``.

With the demo server up (``make run``, in another terminal)::

    .venv/bin/python -m tests.browser.demo_screenshots [--base http://127.0.0.1:8000]

The pages are looked up in the demo database (home, map, timeline, Tübingen, a story,
the story listing, search; in French, German and Arabic) and the coverage dashboard is
shot after logging in as ``admin`` with ``DEMO_PASSWORD``. The files replace those in
docs/screenshots/ (same names as the browser tests' artefacts).
"""

import argparse
import os
import sys

import django

from tests.browser.artifacts import DOCS_SCREENSHOTS

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


def demo_pages() -> dict[str, str]:
    """Screenshot name -> path on the demo site."""
    from wagtail.models import Locale

    from home.models import HomePage
    from twinning.models import (
        ExchangeStoryIndexPage,
        ExchangeStoryPage,
        PartnerCityIndexPage,
        PartnerCityPage,
    )

    def in_locale(page, code):
        locale = Locale.objects.get(language_code=code)
        return page.get_translation_or_none(locale) or page

    french = Locale.objects.get(language_code="fr")
    home = HomePage.objects.get(locale=french)
    cities = PartnerCityIndexPage.objects.get(locale=french)
    stories = ExchangeStoryIndexPage.objects.get(locale=french)
    tubingen = PartnerCityPage.objects.get(locale=french, slug="tubingen")
    story = (
        ExchangeStoryPage.objects.live()
        .filter(locale=french, partner_cities=tubingen)
        .order_by("-date")
        .first()
    )
    pages = {"search-fr-desktop": "/fr/search/?q=Tübingen"}
    for code in ("fr", "de", "ar"):
        pages[f"home-{code}-desktop"] = in_locale(home, code).url
        pages[f"map-{code}-desktop"] = in_locale(cities, code).url + "map/"
        pages[f"city-{code}-desktop"] = in_locale(tubingen, code).url
        pages[f"story-{code}-desktop"] = in_locale(story, code).url
    pages["timeline-fr-desktop"] = cities.url + "timeline/"
    pages["stories-fr-desktop"] = stories.url
    pages["map-fr-phone"] = pages["map-fr-desktop"]
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    django.setup()
    from django.urls import reverse

    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

    pages = demo_pages()
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        for name, path in pages.items():
            page = browser.new_page(viewport=PHONE if name.endswith("-phone") else DESKTOP)
            response = page.goto(args.base + path, wait_until="networkidle")
            if response is None or response.status != 200:
                print(f"{name}: {path} answered {response and response.status}", file=sys.stderr)
                return 1
            page.screenshot(path=DOCS_SCREENSHOTS / f"{name}.png", full_page=False)
            page.close()
            print(f"{name}: {path}")
        page = browser.new_page(viewport=DESKTOP)
        page.goto(args.base + reverse("wagtailadmin_login"))
        page.fill("input[name=username]", "admin")
        page.fill("input[name=password]", os.environ.get("DEMO_PASSWORD", "aix-twinning-demo"))
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=DOCS_SCREENSHOTS / "dashboard-coverage-desktop.png")
        print("dashboard-coverage-desktop: admin dashboard")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
