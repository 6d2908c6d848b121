"""A reader's walks through the public site, in a real browser.

Elements are found by role, by address or by the content the test made, not by UI
wording, so the walks still hold when the interface is translated.
"""

import re

import pytest

from tests.browser.conftest import browser_db

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [pytest.mark.browser, browser_db]


def heading(page):
    return page.get_by_role("heading", level=1)


def test_reader_goes_from_home_to_a_story_through_the_map(page, public_site, screenshot):
    page.goto(public_site.url("home"))
    expect(heading(page)).to_have_text(public_site.home.title)
    screenshot(page, "home-fr-desktop")

    page.locator(".home-hero").get_by_role("link", name=re.compile(r"\b4\b")).click()
    expect(heading(page)).to_have_text(public_site.cities_index.title)

    page.locator(".partner-views a[href$='/map/']").click()
    expect(page).to_have_url(re.compile(r"/map/$"))
    expect(page.locator(".leaflet-marker-icon")).to_have_count(4)
    screenshot(page, "map-fr-desktop")

    page.get_by_role("button", name="Tübingen").click()
    popup = page.locator(".leaflet-popup")
    expect(popup).to_contain_text("Allemagne")  # the country, in the reader's language
    popup.get_by_role("link", name="Tübingen").click()

    expect(heading(page)).to_have_text("Tübingen")
    expect(page.get_by_text("Signature du jumelage")).to_be_visible()
    screenshot(page, "city-fr-desktop")

    page.get_by_role("link", name="Étudiants à Tübingen").click()
    expect(heading(page)).to_have_text("Étudiants à Tübingen")
    expect(page).to_have_url(re.compile(re.escape(public_site.stories["students"].url) + "$"))
    screenshot(page, "story-fr-desktop")


def test_markers_and_list_keep_working_when_tiles_cannot_load(page, public_site):
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))

    page.goto(public_site.url("map"))

    status = page.locator("#partner-map-status")
    expect(status).to_be_visible()
    expect(status).not_to_be_empty()
    assert any(url.startswith("http://127.0.0.1:9/") for url in failed)
    expect(page.locator(".leaflet-marker-icon")).to_have_count(4)
    expect(page.locator("#partner-city-list a")).to_have_count(4)

    page.get_by_role("button", name="Kumamoto").click()
    page.locator(".leaflet-popup").get_by_role("link", name="Kumamoto").click()
    expect(heading(page)).to_have_text("Kumamoto")


def focused_text(page) -> str:
    return page.evaluate("() => document.activeElement.textContent")


def test_keyboard_alone_reaches_every_city_in_the_list_and_opens_one(page, public_site):
    page.goto(public_site.url("map"))
    expect(page.locator(".leaflet-marker-icon")).to_have_count(4)
    expected = set(page.locator("#partner-city-list a").all_inner_texts())

    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('#partner-city-list')"):
            reached.add(focused_text(page))
        if reached == expected:
            break
    assert reached == expected

    name = focused_text(page)
    page.keyboard.press("Enter")
    expect(heading(page)).to_have_text(name)


def test_keyboard_skips_the_map_to_reach_the_list(page, public_site):
    page.goto(public_site.url("map"))
    skip = page.locator(".partner-map__skip")

    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('partner-map__skip')"):
            break
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator("#partner-city-list a").first).to_be_focused()


def test_keyboard_opens_a_marker_popup_and_follows_its_link(page, public_site):
    page.goto(public_site.url("map"))
    marker = page.get_by_role("button", name="Pérouse")
    expect(marker).to_be_visible()

    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('alt')") == "Pérouse":
            break
    expect(marker).to_be_focused()
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup").get_by_role("link", name="Pérouse")
    expect(link).to_be_focused()

    page.keyboard.press("Escape")
    expect(page.locator(".leaflet-popup")).to_have_count(0)
    expect(marker).to_be_focused()

    page.keyboard.press("Enter")
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(heading(page)).to_have_text("Pérouse")


def test_story_filters_narrow_the_listing(page, public_site):
    page.goto(public_site.url("stories"))
    cards = page.locator(".story-card .card__title")
    submit = page.locator("form.filters [type=submit]")
    expect(cards).to_have_count(3)

    page.locator("#filter-partner").select_option(label="Pérouse")
    submit.click()
    expect(cards).to_have_text(["Une chorale à Pérouse"])

    page.locator("#filter-partner").select_option("")
    page.locator("#filter-theme").select_option(label="Jeunesse")
    submit.click()
    expect(cards).to_have_text(["Apprentis à Bath", "Étudiants à Tübingen"])

    page.locator("#filter-year").select_option("2016")
    submit.click()
    expect(cards).to_have_text(["Étudiants à Tübingen"])
    expect(page).to_have_url(re.compile(r"theme=jeunesse.*year=2016|year=2016.*theme=jeunesse"))
