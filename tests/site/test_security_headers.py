"""Security headers of the reference site: Content-Security-Policy and Permissions-Policy.

Public pages run scripts from the site only, with no nonce: their inline ``<script>``
elements are data blocks (JSON, JSON-LD), which no browser executes and a policy does not
block, and a page must be the same for every reader to be shared by the edge cache. In
every language; the admin (Wagtail's inline scripts) and the JSON API go without the
page policy; a host without django-csp still gets working pages from the plugin.
"""

import re

from django.conf import settings
from django.contrib.auth import get_user_model

import pytest
from bs4 import BeautifulSoup

from tests.twinning.translation_helpers import clear_site_cache, translate
from twinning.public.csp import map_tile_sources

LANGUAGES = ["fr", "de", "ar"]
NONCE = re.compile(r"'nonce-([^']+)'")
#: Inline ``<script>`` types a browser does not execute.
DATA_BLOCKS = {"application/json", "application/ld+json"}


def public_urls(pages: dict) -> dict[str, str]:
    index = pages["cities"]
    return {
        "home": pages["home"].url,
        "map": index.url + index.reverse_subpage("partner_map"),
        "city": pages["city"].url,
        "story": pages["story"].url,
    }


@pytest.fixture
def french_pages(home, cities_index, tubingen, story):
    """Home, the map, a city and a story, in French."""
    return public_urls({"home": home, "cities": cities_index, "city": tubingen, "story": story})


@pytest.fixture
def site_pages(home, cities_index, stories_index, tubingen, story):
    """The same pages in French, German and Arabic."""
    french = {"home": home, "cities": cities_index, "city": tubingen, "story": story}
    urls = {"fr": public_urls(french)}
    for code in LANGUAGES[1:]:
        # Parents first, so that each translation hangs under a translated parent.
        translated = {
            name: translate(page, code)
            for name, page in [
                ("home", home),
                ("cities", cities_index),
                ("stories", stories_index),
                ("city", tubingen),
                ("story", story),
            ]
        }
        urls[code] = public_urls(translated)
    clear_site_cache()
    return urls


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part.strip())
    }


def scripts(response) -> list:
    return BeautifulSoup(response.content, "html.parser").find_all("script")


@pytest.mark.parametrize("code", LANGUAGES)
def test_public_pages_have_no_inline_code_and_no_nonce(client_fr, site_pages, code):
    for name, url in site_pages[code].items():
        response = client_fr.get(url)
        assert response.status_code == 200, name
        inline = [script for script in scripts(response) if not script.get("src")]
        assert {script.get("type") for script in inline} <= DATA_BLOCKS, name
        assert not [script for script in scripts(response) if script.has_attr("nonce")], name
        assert not NONCE.search(response["Content-Security-Policy"]), name
        denied = dict(part.split("=") for part in response["Permissions-Policy"].split(", "))
        for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
            assert denied[feature] == "()", name

    map_page = client_fr.get(site_pages[code]["map"])
    city_page = client_fr.get(site_pages[code]["city"])
    map_data = BeautifulSoup(map_page.content, "html.parser").find(id="partner-map-data")
    json_ld = BeautifulSoup(city_page.content, "html.parser").find(
        "script", type="application/ld+json"
    )
    assert '"cities"' in map_data.string
    assert '"@context"' in json_ld.string


def test_two_readers_get_the_same_page(client_fr, french_pages):
    first = client_fr.get(french_pages["map"])
    second = client_fr.get(french_pages["map"])

    assert first.content == second.content
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]


def test_public_pages_allow_scripts_only_from_the_site(client_fr, french_pages):
    policy = directives(client_fr.get(french_pages["map"]))

    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["style-src-attr"] == ["'unsafe-inline'"]
    assert policy["img-src"][:2] == ["'self'", "data:"]
    assert set(map_tile_sources(settings.TWINNING["MAP_TILE_URL"])) <= set(policy["img-src"])
    assert policy["frame-ancestors"] == ["'self'"]  # the admin's preview frames pages
    assert policy["object-src"] == ["'none'"]
    for directive in ["default-src", "connect-src", "base-uri", "form-action"]:
        assert policy[directive] == ["'self'"]


def test_the_tile_servers_origin_is_allowed_for_images():
    assert map_tile_sources("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == [
        "https://tile.openstreetmap.org"
    ]
    assert map_tile_sources("https://{s}.tiles.example.org/{z}/{x}/{y}{r}.png") == [
        "https://*.tiles.example.org"
    ]
    assert map_tile_sources("/tiles/{z}/{x}/{y}.png") == []


def test_embedded_videos_may_still_go_full_screen(client_fr, french_pages):
    response = client_fr.get(french_pages["story"])

    assert "fullscreen" not in response["Permissions-Policy"]
    assert "https://www.youtube-nocookie.com" in directives(response)["frame-src"]


def test_the_admin_runs_without_the_page_policy(client_fr, home):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-12345")
    client_fr.force_login(editor)

    response = client_fr.get("/admin/")

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert "Permissions-Policy" in response


def test_the_api_answers_json_without_a_page_policy(client_fr, french_pages):
    response = client_fr.get("/api/v2/pages/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "Content-Security-Policy" not in response


def test_pages_work_in_a_host_without_a_csp_middleware(client_fr, french_pages, settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "csp.middleware.CSPMiddleware"]

    response = client_fr.get(french_pages["map"])

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    map_data = BeautifulSoup(response.content, "html.parser").find(id="partner-map-data")
    assert map_data.has_attr("nonce") is False
    assert '"cities"' in map_data.string
