"""Bad input gets a 400 naming the parameter to fix, an unknown id a 404, never a 500."""

import pytest

PAGES = "/api/v2/pages/"
BAD_REQUESTS = [
    # The list.
    (f"{PAGES}?type=twinning.NoSuchPage", "type"),
    (f"{PAGES}?type=wagtailimages.Image", "type"),
    (f"{PAGES}abc/", "id"),
    (f"{PAGES}?limit=1000", "limit"),
    (f"{PAGES}?type=twinning.ExchangeStoryPage&date_from=2016-13", "date_from"),
    (f"{PAGES}?date_to=16/05/2016", "date_to"),
    (f"{PAGES}?date_from=2016-02-30", "date_from"),
    (f"{PAGES}?locale=xx", "locale"),
    (f"{PAGES}?partner=Q999999", "partner"),
    (f"{PAGES}?partner=999999", "partner"),
    (f"{PAGES}?partner=Tübingen", "partner"),
    (f"{PAGES}?colour=blue", "colour"),
    # And the rest of the parameters.
    (f"{PAGES}?limit=ten", "limit"),
    (f"{PAGES}?offset=-1", "offset"),
    (f"{PAGES}?fallback=perhaps&locale=fr", "fallback"),
    (f"{PAGES}?fallback=true", "fallback"),
    (f"{PAGES}?theme=no-such-theme", "theme"),
    (f"{PAGES}?kind=alliance", "kind"),
    (f"{PAGES}?status=gone", "status"),
    (f"{PAGES}?type=twinning.PartnerCityPage&date_from=2016", "date_from"),
    (f"{PAGES}?type=twinning.ExchangeStoryPage&kind=twinning", "kind"),
    (f"{PAGES}?date_from=2017&date_to=2016", "date_to"),
    (f"{PAGES}?fields=title((", "fields"),
    (f"{PAGES}?fields=no_such_field", "fields"),
    (f"{PAGES}?order=no_such_field", "order"),
    (f"{PAGES}?order=random&offset=10", "order"),
    (f"{PAGES}?child_of=x", "child_of"),
    (f"{PAGES}?child_of=999999", "child_of"),
    (f"{PAGES}?child_of=root&descendant_of=root", "descendant_of"),
    (f"{PAGES}?ancestor_of=root", "ancestor_of"),
    (f"{PAGES}?translation_of=999999", "translation_of"),
    (f"{PAGES}?search=", "search"),
    (f"{PAGES}?search=aix&search_operator=xor", "search_operator"),
    (f"{PAGES}?type=twinning.PartnerCityPage&population=many", "population"),
    (f"{PAGES}?type=twinning.ExchangeStoryPage&date=yesterday", "date"),
    (f"{PAGES}?format=api", "format"),
    (f"{PAGES}1/?locale=de", "locale"),
    ("/api/v2/images/?limit=1000", "limit"),
    ("/api/v2/images/abc/", "id"),
    ("/api/v2/documents/?order=nonsense", "order"),
    ("/api/v2/partners.geojson?locale=xx", "locale"),
    ("/api/v2/partners.geojson?kind=alliance", "kind"),
    ("/api/v2/partners.geojson?colour=blue", "colour"),
    ("/api/v2/feeds/stories.atom?partner=Q999999", "partner"),
    ("/api/v2/feeds/stories.atom?locale=xx", "locale"),
    ("/api/v2/partners/abc/calendar.ics", "id"),
    ("/api/v2/partners/1/calendar.ics?locale=xx", "locale"),
]


@pytest.mark.parametrize(("url", "parameter"), BAD_REQUESTS)
def test_bad_input_is_a_400_naming_the_parameter(api, tubingen, url, parameter):
    response = api.get(url)
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["parameter"] == parameter
    assert body["message"]


@pytest.mark.parametrize(
    "url",
    [
        f"{PAGES}999999/",
        "/api/v2/images/999999/",
        "/api/v2/documents/999999/",
        "/api/v2/partners/999999/calendar.ics",
        "/api/v2/no-such-endpoint/",
        f"{PAGES}find/?html_path=/fr/no/such/page/",
    ],
)
def test_unknown_id_is_a_json_404_not_a_redirect_to_a_language(api, home, url):
    response = api.get(url)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


def test_calendar_of_a_page_that_is_not_a_city_is_a_404(api, tubingen):
    response = api.get(f"/api/v2/partners/{tubingen.get_parent().pk}/calendar.ics")
    assert response.status_code == 404


def test_missing_slash_redirects_within_the_api(api, home):
    response = api.get("/api/v2/pages?locale=fr")
    assert response.status_code == 301
    assert response["Location"] == "/api/v2/pages/?locale=fr"


ODD_INPUTS = [
    "?limit=-5",
    "?limit=99999999999999999999999",
    "?offset=1e3",
    "?fields=*,-title",
    "?fields=_,title",
    "?fields=-",
    "?order=-",
    "?order=title,-title",
    "?search=%00",
    "?search=' OR 1=1 --",
    "?locale=",
    "?locale=de&fallback=",
    "?partner=",
    "?partner=Q",
    "?partner=Q0",
    "?theme=",
    "?theme=%00",
    "?type=",
    "?type=.",
    "?type=twinning.PartnerCityPage&latitude=north",
    "?type=twinning.PartnerCityPage&country=%00",
    "?type=twinning.PartnerCityPage&themes=1",
    "?type=twinning.PartnerCityPage&hero_image=abc",
    "?date_from=&date_to=",
    "?date_from=0000",
    "?date_from=99999",
    "?translation_of=-1",
    "?translation_of=root",
    "?child_of=root",
    "?descendant_of=-3",
    "?site=nowhere.example",
    "?site=%00",
    "?_=123",
    "?kind=,",
    "?status=active,",
    "find/",
    "find/?id=abc",
    "find/?html_path=",
    "find/?html_path=/de/%00",
    "-1/",
    "0/",
    "99999999999999999999999/",
    "%00/",
]


@pytest.mark.parametrize("query", ODD_INPUTS)
def test_odd_input_never_breaks_the_api(api, tubingen, query):
    response = api.get(PAGES + query)
    assert response.status_code < 500
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["message"]
