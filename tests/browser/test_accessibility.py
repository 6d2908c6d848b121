"""WCAG checks in the browser: axe-core on the main pages, and small and large screens.

axe-core comes from the axe-playwright-python wheel (its bundled axe.min.js is injected
into the page): nothing is fetched from the network.
"""

import pytest

from tests.browser.conftest import WIDTHS, browser_db

sync_api = pytest.importorskip("playwright.sync_api")
axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")
expect = sync_api.expect

pytestmark = [pytest.mark.browser, browser_db]

PAGES = ["home", "partner_cities", "map", "timeline", "city", "story", "stories", "search"]
LANGUAGES = ["fr", "de", "ar"]
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe():
    return axe_playwright.Axe()


def open_page(page, public_site, name, language):
    response = page.goto(public_site.url(name, language))
    assert response.status == 200
    if name == "map":
        expect(page.locator(".leaflet-marker-icon")).to_have_count(4)
    page.wait_for_load_state("networkidle")


def describe(violations) -> str:
    return "\n".join(
        f"{v['impact']}: {v['id']} ({v['help']}) at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violation(request, page, axe, name, language):
    # German and Arabic need their locale trees; French alone is quicker to build.
    site = request.getfixturevalue("public_site" if language == "fr" else "multilingual_site")
    open_page(page, site, name, language)

    results = axe.run(page)

    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)


@pytest.mark.parametrize("language", ["fr"])
@pytest.mark.parametrize("name", PAGES)
def test_page_fits_phone_and_desktop_screens_without_sideways_scrolling(
    page, public_site, screenshot, name, language
):
    for device, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        open_page(page, public_site, name, language)

        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"
        screenshot(page, f"{name}-{language}-{device}")
