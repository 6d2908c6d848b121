"""A reader changes language in the browser: translations, right-to-left, and the notice.

The switcher links are found by their ``lang`` attribute (each language is named in its
own tongue), so the walk holds whatever the interface language is.
"""

import re

import pytest

from tests.browser.conftest import browser_db

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [pytest.mark.browser, browser_db]

SCREENSHOT_PAGES = ["home", "map", "city", "story"]


def switch_to(page, language: str) -> None:
    page.locator(f".language-switcher a[lang='{language}']").click()


def test_reader_switches_a_story_to_german_then_to_arabic(page, multilingual_site):
    site = multilingual_site
    page.goto(site.url("story"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    switch_to(page, "de")

    german = site.page_in(site.stories["students"], "de")
    expect(page).to_have_url(re.compile(re.escape(german.url) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text(german.title)
    expect(page.locator(".notice--translation")).to_have_count(0)

    switch_to(page, "ar")

    arabic = site.page_in(site.stories["students"], "ar")
    expect(page).to_have_url(re.compile(re.escape(arabic.url) + "$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.get_by_role("heading", level=1)).to_have_text(arabic.title)
    # Right to left for real: the heading starts at the right edge of the page.
    box = page.get_by_role("heading", level=1).bounding_box()
    width = page.viewport_size["width"]
    assert box["x"] + box["width"] > width / 2


def test_story_not_yet_in_german_says_so_in_german(page, multilingual_site):
    choir = multilingual_site.stories["choir"]
    page.goto(multilingual_site.url("story"))
    switch_to(page, "de")
    page.goto(multilingual_site.page_in(choir, "de").url)

    notice = page.locator(".notice--translation")
    expect(notice).to_be_visible()
    expect(notice).to_have_attribute("lang", "de")
    expect(notice).to_contain_text("Deutsch")
    # The French text is shown, marked as French for screen readers.
    expect(page.get_by_role("heading", level=1)).to_have_text(choir.title)
    expect(page.locator("main")).to_have_attribute("lang", "fr")


@pytest.mark.parametrize("language", ["fr", "de", "ar"])
def test_key_pages_in_each_language_are_captured(page, multilingual_site, screenshot, language):
    for name in SCREENSHOT_PAGES:
        response = page.goto(multilingual_site.url(name, language))
        assert response.status == 200, name
        expect(page.locator("html")).to_have_attribute("lang", language)
        if name == "map":
            expect(page.locator(".leaflet-marker-icon")).to_have_count(4)
        page.wait_for_load_state("networkidle")
        screenshot(page, f"{name}-{language}-desktop")
