"""The public pages keep to their Content-Security-Policy in a real browser.

A page that broke its own policy would lose a script, a style or an image without a word
to the reader: the browser reports each violation as a ``securitypolicyviolation`` event
and a console message, and these tests listen to both.
"""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import js_lib_leaflet
import pytest

from cms.settings.base import content_security_policy
from tests.browser.conftest import browser_db

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [pytest.mark.browser, browser_db]

#: Every kind of public page; the timeline positions its bars with style attributes.
PAGES = ["home", "partner_cities", "timeline", "city", "story", "stories", "search", "map"]
#: Any PNG does for a tile.
TILE = Path(js_lib_leaflet.__file__).parent / "static/js_lib_leaflet/images/marker-icon.png"

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""


def violations_while_visiting(page, public_site, names: list[str]) -> list[str]:
    """Violations the browser reports, in events and in the console, page after page."""
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            ("Content Security Policy" in message.text or "Permissions-Policy" in message.text)
            and problems.append(f"console: {message.text}")
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)
    for name in names:
        page.goto(public_site.url(name))
        page.wait_for_load_state("networkidle")
        problems += [f"{name}: {event}" for event in page.evaluate("window.cspViolations")]
    return problems


class TileHandler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the standard library's name
        body = TILE.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture
def tile_server() -> Iterator[str]:
    """A tile server on another origin than the site's: the tile URL template it answers."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), TileHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
    server.shutdown()
    server.server_close()


def test_public_pages_break_no_rule_of_their_policy_when_tiles_cannot_load(page, public_site):
    problems = violations_while_visiting(page, public_site, PAGES)

    assert problems == []
    expect(page.locator(".leaflet-marker-icon")).to_have_count(4)
    expect(page.locator("#partner-map-status")).to_be_visible()


def test_map_draws_tiles_from_a_tile_server_the_policy_allows(
    page, public_site, tile_server, settings
):
    settings.TWINNING = {**settings.TWINNING, "MAP_TILE_URL": tile_server}
    frame_sources = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"][1:]
    settings.CONTENT_SECURITY_POLICY = content_security_policy(tile_server, frame_sources)

    problems = violations_while_visiting(page, public_site, ["map"])

    assert problems == []
    expect(page.locator(".leaflet-marker-icon")).to_have_count(4)
    expect(page.locator("img.leaflet-tile-loaded").first).to_be_visible()
    expect(page.locator("#partner-map-status")).to_be_hidden()


def test_a_tile_server_the_policy_does_not_name_is_refused(
    page, public_site, tile_server, settings
):
    settings.TWINNING = {**settings.TWINNING, "MAP_TILE_URL": tile_server}

    problems = violations_while_visiting(page, public_site, ["map"])

    # The policy works: the tiles are blocked, the markers and the list still shown.
    assert any(problem.startswith("map: img-src http://127.0.0.1:") for problem in problems)
    expect(page.locator(".leaflet-marker-icon")).to_have_count(4)
