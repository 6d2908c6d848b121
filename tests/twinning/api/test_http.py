"""HTTP behaviour partners and CDNs rely on: validators and 304s, Cache-Control, Vary,
CORS for partner origins, and caches that never serve what was unpublished."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.test import override_settings
from django.utils.http import http_date

import pytest

from tests import factories
from tests.twinning.api.conftest import build_world, publish, shared
from tests.twinning.api.helpers import restrict, translate

pytestmark = pytest.mark.django_db
world = shared(build_world)

ENDPOINTS = [
    "/api/v2/pages/?locale=de&fallback=true",
    "/api/v2/pages/{city}/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/partners.geojson?locale=de",
    "/api/v2/feeds/stories.atom?locale=de",
    "/api/v2/partners/{city}/calendar.ics?locale=de",
    "/api/v2/openapi.json",
    "/api/v2/docs/",
]


def url_of(template, world):
    return template.format(city=world.tubingen.pk)


@pytest.mark.parametrize("template", ENDPOINTS)
def test_every_response_has_validators_and_cache_control(api, world, template):
    response = api.get(url_of(template, world))
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert response["Cache-Control"] == "public, max-age=300"
    vary = {value.strip().lower() for value in response["Vary"].split(",")}
    assert {"accept-language", "origin"} <= vary
    assert "cookie" not in vary  # one shared copy for everyone


@pytest.mark.parametrize("template", ENDPOINTS)
def test_conditional_get_with_etag_is_a_304(api, world, template):
    url = url_of(template, world)
    etag = api.get(url)["ETag"]
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


@pytest.mark.parametrize("template", ENDPOINTS)
def test_conditional_get_with_date_is_a_304(api, world, template):
    url = url_of(template, world)
    last_modified = api.get(url)["Last-Modified"]
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


def test_stale_validators_get_the_new_content(api, world):
    url = f"/api/v2/pages/{world.tubingen.pk}/"
    first = api.get(url)
    city = type(world.tubingen).objects.get(pk=world.tubingen.pk)
    city.title = "Tübingen am Neckar"
    publish(city)
    response = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response.json()["title"] == "Tübingen am Neckar"
    assert response["ETag"] != first["ETag"]
    old_date = http_date(0)
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=old_date).status_code == 200


def test_max_age_follows_the_setting(api, world, settings):
    settings.TWINNING = {**settings.TWINNING, "API_CACHE_MAX_AGE": 60}
    assert api.get("/api/v2/pages/")["Cache-Control"] == "public, max-age=60"


def test_errors_are_not_cached_as_public(api, world):
    response = api.get("/api/v2/pages/?locale=xx")
    assert response.status_code == 400
    assert "public" not in response.get("Cache-Control", "")
    assert not response.has_header("ETag")


# Server-side cache -----------------------------------------------------------------


def titles(api, url):
    return [item["title"] for item in api.get(url).json()["items"]]


def test_responses_are_served_from_the_server_cache(api, world):
    url = "/api/v2/pages/?type=twinning.PartnerCityPage&locale=fr"
    assert "Pérouse" in titles(api, url)
    # A change that bypasses Wagtail (no signal) is not seen: the response is cached...
    type(world.perugia).objects.filter(pk=world.perugia.pk).update(title="Perugia")
    assert "Pérouse" in titles(api, url)
    # ...until content is published the Wagtail way.
    publish(type(world.tubingen).objects.get(pk=world.tubingen.pk))
    assert "Perugia" in titles(api, url)


LANGUAGE_VIEWS = [
    "/api/v2/pages/?type=twinning.PartnerCityPage&locale=fr",
    "/api/v2/pages/?type=twinning.PartnerCityPage&locale=de&fallback=true",
    "/api/v2/pages/?type=twinning.PartnerCityPage&locale=ar&fallback=true",
]


def warm(api, world):
    urls = [
        *LANGUAGE_VIEWS,
        f"/api/v2/pages/{world.perugia.pk}/",
        "/api/v2/partners.geojson?locale=de",
    ]
    for url in urls:
        assert api.get(url).status_code == 200
    return urls


def test_publishing_refreshes_lists_and_details_in_every_language(api, world):
    warm(api, world)
    perugia = type(world.perugia).objects.get(pk=world.perugia.pk)
    perugia.title = "Perugia"
    publish(perugia)
    for url in LANGUAGE_VIEWS:
        assert "Perugia" in titles(api, url), url
    assert api.get(f"/api/v2/pages/{world.perugia.pk}/").json()["title"] == "Perugia"
    assert "Perugia" in api.get("/api/v2/partners.geojson?locale=de").content.decode()


def test_unpublishing_removes_the_item_everywhere(api, world):
    warm(api, world)
    type(world.perugia).objects.get(pk=world.perugia.pk).unpublish()
    for url in LANGUAGE_VIEWS:
        assert "Pérouse" not in titles(api, url), url
    assert api.get(f"/api/v2/pages/{world.perugia.pk}/").status_code == 404
    assert "Pérouse" not in api.get("/api/v2/partners.geojson?locale=de").content.decode()


def test_deleting_removes_the_item_everywhere(api, world):
    warm(api, world)
    type(world.perugia).objects.get(pk=world.perugia.pk).delete()
    for url in LANGUAGE_VIEWS:
        assert "Pérouse" not in titles(api, url), url
    assert api.get(f"/api/v2/pages/{world.perugia.pk}/").status_code == 404


def test_moving_updates_urls(api, world):
    home = factories.home_page()
    about = factories.ContentPageFactory(parent=home, title="À propos", slug="a-propos")
    page = factories.ContentPageFactory(parent=home, title="Jumelages", slug="jumelages")
    url = f"/api/v2/pages/{page.pk}/"
    assert api.get(url).json()["meta"]["html_url"] == "http://localhost/fr/jumelages/"
    page.move(about, pos="last-child")
    assert api.get(url).json()["meta"]["html_url"] == "http://localhost/fr/a-propos/jumelages/"


def test_publishing_a_translation_refreshes_every_language(api, world):
    urls = warm(api, world)
    french_detail = api.get(f"/api/v2/pages/{world.perugia.pk}/").json()
    assert [t["locale"] for t in french_detail["meta"]["translations"]] == ["fr"]
    translate(world.perugia, "de", title="Perugia")
    assert "Perugia" in titles(api, urls[1])
    assert "Perugia" not in titles(api, urls[0])
    french_detail = api.get(f"/api/v2/pages/{world.perugia.pk}/").json()
    assert [t["locale"] for t in french_detail["meta"]["translations"]] == ["fr", "de"]


def test_renaming_a_theme_refreshes_the_items_that_show_it(api, world):
    url = f"/api/v2/pages/{world.perugia.pk}/"
    assert api.get(url).json()["themes"][0]["name"] == "Culture"
    world.culture.name = "Culture et patrimoine"
    world.culture.save()
    assert api.get(url).json()["themes"][0]["name"] == "Culture et patrimoine"


def test_a_new_view_restriction_takes_effect_at_once(api, world):
    warm(api, world)
    restrict(world.perugia)
    assert api.get(f"/api/v2/pages/{world.perugia.pk}/").status_code == 404
    for url in LANGUAGE_VIEWS:
        assert "Pérouse" not in titles(api, url), url


# Frontend cache (CDN) purge ---------------------------------------------------------


class PurgeRecorder(BaseHTTPRequestHandler):
    """A stand-in for Varnish: records the PURGE requests Wagtail sends it."""

    purged: list[tuple[str, str]] = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    PurgeRecorder.purged = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def test_publishing_purges_list_and_detail_urls_from_the_cdn(
    world, purge_server, django_capture_on_commit_callbacks
):
    location, purged = purge_server
    backend = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location,
    }
    with (
        override_settings(
            WAGTAILFRONTENDCACHE={"varnish": backend},
            TWINNING={"PUBLIC_BASE_URL": "https://www.example.org"},
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        publish(type(world.tubingen).objects.get(pk=world.tubingen.pk))
        assert purged == []  # nothing before the commit: a CDN would refill with old data
    paths = {path for host, path in purged}
    assert {host for host, path in purged} == {"www.example.org"}
    assert "/api/v2/pages/" in paths
    for code in ("fr", "de", "ar"):
        assert f"/api/v2/pages/?locale={code}" in paths
        assert f"/api/v2/pages/?type=twinning.PartnerCityPage&locale={code}&fallback=true" in paths
        assert f"/api/v2/partners.geojson?locale={code}" in paths
        assert f"/api/v2/feeds/stories.atom?locale={code}" in paths
    for page in (world.tubingen, world.tubingen_de, world.tubingen_ar):
        assert f"/api/v2/pages/{page.pk}/" in paths
        assert f"/api/v2/partners/{page.pk}/calendar.ics" in paths


def test_no_purge_without_a_frontend_cache(
    world, purge_server, settings, django_capture_on_commit_callbacks
):
    _location, purged = purge_server
    assert not getattr(settings, "WAGTAILFRONTENDCACHE", None)
    with django_capture_on_commit_callbacks(execute=True):
        publish(type(world.tubingen).objects.get(pk=world.tubingen.pk))
    assert purged == []


# CORS -------------------------------------------------------------------------------

PARTNER = "https://www.tuebingen.de"
STRANGER = "https://evil.example"


@pytest.fixture
def partner_origins(settings):
    settings.CORS_ALLOWED_ORIGINS = [PARTNER]


def test_partner_origin_may_read_with_get(api, world, partner_origins):
    response = api.get("/api/v2/partners.geojson", HTTP_ORIGIN=PARTNER)
    assert response["Access-Control-Allow-Origin"] == PARTNER
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert not response.has_header("Access-Control-Allow-Credentials")


def test_other_origins_get_no_cors_header(api, world, partner_origins):
    response = api.get("/api/v2/partners.geojson", HTTP_ORIGIN=STRANGER)
    assert response.status_code == 200
    assert not response.has_header("Access-Control-Allow-Origin")


# The pages list answers every origin, for the partners' widget (tests/twinning/partners/
# test_widget.py); the other endpoints keep the host's CORS_ALLOWED_ORIGINS.


def test_preflight_allows_get_from_partner_origins_only(api, world, partner_origins):
    headers = {"HTTP_ACCESS_CONTROL_REQUEST_METHOD": "GET"}
    allowed = api.options("/api/v2/actors/", HTTP_ORIGIN=PARTNER, **headers)
    assert allowed.status_code == 200
    assert allowed["Access-Control-Allow-Origin"] == PARTNER
    methods = {m.strip() for m in allowed["Access-Control-Allow-Methods"].split(",")}
    assert "GET" in methods and not methods & {"POST", "PUT", "PATCH", "DELETE"}
    assert not allowed.has_header("Access-Control-Allow-Credentials")
    refused = api.options("/api/v2/actors/", HTTP_ORIGIN=STRANGER, **headers)
    assert not refused.has_header("Access-Control-Allow-Origin")


def test_cors_applies_to_the_api_only(api, world, partner_origins):
    response = api.get("/fr/", HTTP_ORIGIN=PARTNER)
    assert not response.has_header("Access-Control-Allow-Origin")


def test_cached_responses_answer_each_origin_correctly(api, world, partner_origins):
    url = "/api/v2/actors/?locale=fr"
    assert api.get(url, HTTP_ORIGIN=STRANGER).status_code == 200
    assert api.get(url, HTTP_ORIGIN=PARTNER)["Access-Control-Allow-Origin"] == PARTNER
    assert not api.get(url, HTTP_ORIGIN=STRANGER).has_header("Access-Control-Allow-Origin")
