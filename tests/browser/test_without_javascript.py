"""With JavaScript off, the map page is a list of cities and the timeline still filters."""

import pytest

from tests.browser.conftest import browser_db

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [pytest.mark.browser, browser_db]


@pytest.fixture
def browser_context_options():
    return {"viewport": {"width": 1280, "height": 900}, "java_script_enabled": False}


def test_map_page_without_javascript_is_a_plain_list_of_links(page, public_site):
    page.goto(public_site.url("map"))

    expect(page.locator(".partner-map")).to_be_hidden()
    expect(page.locator("#partner-city-list a")).to_have_text(
        ["Bath", "Kumamoto", "Pérouse", "Tübingen"]
    )
    page.locator("#partner-city-list").get_by_role("link", name="Bath").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bath")


def test_timeline_filters_without_javascript(page, public_site):
    page.goto(public_site.url("timeline"))
    titles = page.locator(".timeline__title > span:first-child")
    expect(titles).to_have_count(3)

    page.locator("select[name=partner]").select_option(label="Tübingen")
    page.locator("form.filters [type=submit]").click()

    expect(titles).to_have_text(["Signature du jumelage", "Prix de l'Europe"])
