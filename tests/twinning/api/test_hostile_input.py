"""Hostile input, as a probe of the production configuration sent it, gets a JSON 4xx
naming what to fix: never a 500, never Django's HTML CSRF page, never a request that
runs for seconds.

Each row is one of the probe's findings (unicode digits that ``str.isdigit()`` accepts
and ``int()`` refuses, numbers past a 64-bit integer, search syntax of SQLite FTS5,
paths of thousands of segments, methods other than GET).
"""

import base64

import pytest

PAGES = "/api/v2/pages/"
#: One past the largest 64-bit signed integer: PostgreSQL's bigint and SQLite's INTEGER.
TOO_BIG = str(2**63)
HUGE = "99999999999999999999"
SUPERSCRIPT_TWO = "²"
ARABIC_INDIC_ONE = "١"


def cursor(text: str) -> str:
    """A ``changes/`` cursor as the API encodes one (see changes.Position)."""
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


BAD_REQUESTS = [
    # Unicode digits.
    ("GET", f"{PAGES}?partner={SUPERSCRIPT_TWO}", "partner"),
    ("GET", f"{PAGES}?partner={ARABIC_INDIC_ONE}", "partner"),
    ("GET", f"/api/v2/actors/?partner={SUPERSCRIPT_TWO}", "partner"),
    ("GET", f"/api/v2/feeds/stories.atom?partner={SUPERSCRIPT_TWO}", "partner"),
    ("GET", f"/api/v2/changes/?partner={SUPERSCRIPT_TWO}", "partner"),
    ("GET", f"{PAGES}?theme={SUPERSCRIPT_TWO}", "theme"),
    ("GET", f"/api/v2/actors/?theme={SUPERSCRIPT_TWO}", "theme"),
    ("GET", f"{PAGES}?child_of={SUPERSCRIPT_TWO}", "child_of"),
    ("GET", f"{PAGES}?offset={SUPERSCRIPT_TWO}", "offset"),
    ("GET", f"{PAGES}{SUPERSCRIPT_TWO}/", "id"),
    ("GET", f"/api/v2/actors/{SUPERSCRIPT_TWO}/", "id"),
    ("GET", f"/api/v2/partners/{SUPERSCRIPT_TWO}/calendar.ics", "id"),
    ("GET", f"{PAGES}find/?id={SUPERSCRIPT_TWO}", "id"),
    # Numbers past a 64-bit integer.
    ("GET", f"{PAGES}?offset={TOO_BIG}", "offset"),
    ("GET", f"{PAGES}?limit={TOO_BIG}", "limit"),
    ("GET", f"/api/v2/images/?offset={TOO_BIG}", "offset"),
    ("GET", f"/api/v2/documents/?offset={TOO_BIG}", "offset"),
    ("GET", f"/api/v2/actors/?offset={TOO_BIG}", "offset"),
    ("GET", f"/api/v2/changes/?limit={TOO_BIG}", "limit"),
    ("GET", f"{PAGES}{HUGE}/", "id"),
    ("GET", f"/api/v2/images/{HUGE}/", "id"),
    ("GET", f"/api/v2/documents/{HUGE}/", "id"),
    ("GET", f"/api/v2/actors/{HUGE}/", "id"),
    ("GET", f"/api/v2/partners/{HUGE}/calendar.ics", "id"),
    ("GET", f"{PAGES}?child_of={HUGE}", "child_of"),
    ("GET", f"{PAGES}?descendant_of={HUGE}", "descendant_of"),
    ("GET", f"{PAGES}?ancestor_of={HUGE}", "ancestor_of"),
    ("GET", f"{PAGES}?translation_of={HUGE}", "translation_of"),
    ("GET", f"{PAGES}?partner={HUGE}", "partner"),
    ("GET", f"{PAGES}?theme={HUGE}", "theme"),
    ("GET", f"/api/v2/actors/?partner={HUGE}", "partner"),
    ("GET", f"{PAGES}find/?id={HUGE}", "id"),
    ("GET", f"{PAGES}?type=twinning.ExchangeStoryPage&hero_image={HUGE}", "hero_image"),
    ("GET", f"/api/v2/changes/?cursor={cursor(f'{HUGE}.1.1')}", "cursor"),
    ("GET", f"/api/v2/changes/?cursor={cursor('1_0.1.1')}", "cursor"),
    # Searches too long for any reader, and paths deeper than any page.
    ("GET", f"{PAGES}?search=" + "+".join(["aix"] * 5000), "search"),
    ("GET", f"{PAGES}?search=" + "a" * 201, "search"),
    ("GET", "/api/v2/images/?search=" + "+".join(["aix"] * 33), "search"),
    ("GET", f"{PAGES}find/?html_path=/" + "a/" * 2000, "html_path"),
    ("GET", f"{PAGES}find/?html_path=/" + "a" * 2100 + "/", "html_path"),
]


@pytest.mark.parametrize(("method", "url", "parameter"), BAD_REQUESTS)
def test_hostile_input_is_a_json_400_naming_the_parameter(api, tubingen, method, url, parameter):
    response = api.generic(method, url)
    assert response.status_code == 400, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["message"]
    assert body["parameter"] == parameter


SEARCHES = ['aix"', '"aix', "a OR", "NEAR(", "*", "tü^bingen", "a:b", "-", "(", "AND"]


@pytest.mark.parametrize("query", SEARCHES)
def test_search_syntax_of_the_database_is_searched_as_plain_words(api, tubingen, query):
    for url in (PAGES, "/api/v2/images/", "/api/v2/documents/"):
        response = api.get(url, {"search": query})
        assert response.status_code == 200, response.content[:500]
        assert response.json()["meta"]["total_count"] >= 0


def test_search_of_quotes_alone_is_an_empty_search(api, tubingen):
    response = api.get(PAGES, {"search": '" "'})
    assert response.status_code == 400
    assert response.json()["parameter"] == "search"


def test_search_with_quotes_still_finds_the_page(api, tubingen):
    response = api.get(PAGES, {"search": '"Tübingen"'})
    assert [item["title"] for item in response.json()["items"]] == [tubingen.title]


def test_search_of_the_largest_allowed_size_is_answered(api, tubingen):
    response = api.get(PAGES, {"search": " ".join(["Tübingen"] * 22)})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == [tubingen.title]


def test_largest_offset_is_an_empty_page_not_an_error(api, tubingen):
    response = api.get(PAGES, {"offset": str(2**63 - 1)})
    assert response.status_code == 200
    assert response.json()["items"] == []


#: Every URL of the API that is not a Wagtail endpoint, and one of each Wagtail endpoint.
API_URLS = [
    PAGES,
    f"{PAGES}1/",
    f"{PAGES}find/?html_path=/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/actors/",
    "/api/v2/actors/1/",
    "/api/v2/partners.geojson",
    "/api/v2/partners/1/calendar.ics",
    "/api/v2/events.ics",
    "/api/v2/feeds/stories.atom",
    "/api/v2/changes/",
    "/api/v2/openapi.json",
    "/api/v2/docs/",
]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "TRACE"])
@pytest.mark.parametrize("url", API_URLS)
def test_other_methods_get_a_json_405_with_allow_not_the_csrf_page(api, home, url, method):
    api.handler.enforce_csrf_checks = True  # as a browser or a partner's script meets it
    response = api.generic(method, url)
    assert response.status_code == 405, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
    assert response["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("url", API_URLS)
def test_options_without_cors_lists_the_allowed_methods(api, home, url):
    response = api.options(url)
    assert response.status_code == 204, response.content[:300]
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE", "OPTIONS", "TRACE"])
def test_unknown_address_is_a_json_404_whatever_the_method(api, home, method):
    api.handler.enforce_csrf_checks = True
    response = api.generic(method, "/api/v2/no-such-endpoint/")
    assert response.status_code == 404
    assert response.json()["message"]


def test_partner_routes_keep_their_own_methods(api, home):
    """Only the read-only routes are GET-only: partners send translations with PUT."""
    response = api.put("/api/v2/partner/translations/1/de.po", b"", content_type="text/x-gettext")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
