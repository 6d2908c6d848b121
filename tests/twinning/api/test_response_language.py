"""One language per response: ``locale`` (a BCP 47 tag) chooses it for everything the
response says, fallback items included; without it, messages and labels follow
Accept-Language; ``Content-Language`` names the language of the content served."""

from django.utils import translation

import pytest

from tests import factories
from tests.twinning.api.conftest import build_world, publish, shared
from tests.twinning.api.helpers import locale
from twinning.choices import Audience, PartnershipKind

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"
CITIES = f"{PAGES}?type=twinning.PartnerCityPage"
STORIES = f"{PAGES}?type=twinning.ExchangeStoryPage"


def build_languages():
    """The world, with Japanese and Portuguese locales (no pages of their own yet), an
    actor and a French story never translated, about both cities and a translated theme."""
    world = build_world()
    locale("ja")
    locale("pt")
    world.untranslated_story = publish(
        factories.ExchangeStoryPageFactory(
            parent=world.stories_index,
            title="Chorale à Pérouse",
            slug="chorale-perouse",
            partner_cities=[world.tubingen, world.perugia],
            themes=[world.mobility],
            audience="students",
        )
    )
    world.choir = factories.ActorFactory(
        name="Chorale du Pays d'Aix",
        kind="association",
        partner_cities=[world.tubingen],
        themes=[world.mobility],
    )
    return world


world = shared(build_languages)


def label(choice, code: str) -> str:
    with translation.override(code):
        return str(choice.label)


def ok(response):
    assert response.status_code == 200, response.content
    return response.json()


# Content-Language --------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"{CITIES}&locale=de",
        f"{STORIES}&locale=de&fallback=true",
        "/api/v2/actors/?locale=de&fallback=true",
        "/api/v2/partners.geojson?locale=de",
    ],
)
def test_a_response_in_german_says_so_whatever_accept_language_says(api, world, url):
    response = api.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200, response.content
    assert response["Content-Language"] == "de"


def test_a_german_page_says_it_is_german(api, world):
    response = api.get(f"{PAGES}{world.tubingen_de.pk}/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Content-Language"] == "de"
    assert ok(response)["kind"]["label"] == label(PartnershipKind.TWINNING, "de")


def test_a_list_without_locale_names_every_language_it_holds(api, world):
    response = api.get(CITIES, HTTP_ACCEPT_LANGUAGE="de")
    assert {item["meta"]["locale"] for item in ok(response)["items"]} == {"fr", "de", "ar"}
    assert response["Content-Language"] == "fr, de, ar"


def test_an_error_with_locale_speaks_the_requested_language(api, world):
    response = api.get(f"{CITIES}&locale=de&limit=x", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert response.json()["parameter"] == "limit"
    with translation.override("de"):
        expected = translation.gettext("%(name)s must be a positive whole number, not %(value)r.")
    assert response.json()["message"] == expected % {"name": "limit", "value": "x"}
    assert response["Content-Language"] == "de"


def test_an_error_of_a_plain_view_with_locale_speaks_the_requested_language(api, world):
    response = api.get("/api/v2/partners.geojson?locale=de&kind=castle", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response["Content-Language"] == "de"
    assert response.json()["message"].startswith("Unbekannt")


def test_an_error_without_locale_follows_accept_language(api, world):
    response = api.get(f"{CITIES}&limit=x", HTTP_ACCEPT_LANGUAGE="de")
    assert response["Content-Language"] == "de"
    assert "positive ganze Zahl" in response.json()["message"]


# locale accepts BCP 47 tags ------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "code"), [("de-DE", "de"), ("de-at", "de"), ("DE", "de"), ("pt_BR", "pt")]
)
def test_locale_takes_the_tag_a_browser_gives(api, world, tag, code):
    response = api.get(f"{CITIES}&locale={tag}&fallback=true")
    items = ok(response)["items"]
    assert items
    assert response["Content-Language"] == code
    assert {item["meta"]["fallback_from"] or item["meta"]["locale"] for item in items} <= {
        code,
        "fr",
    }
    if code == "de":
        assert "Tübingen" in {item["title"] for item in items if item["meta"]["locale"] == "de"}


@pytest.mark.parametrize("url", [f"{CITIES}&locale=de-DE", "/api/v2/partners.geojson?locale=de-DE"])
def test_a_regional_tag_gives_the_same_content_as_the_language(api, world, url):
    plain = ok(api.get(url.replace("de-DE", "de")))
    assert ok(api.get(url)) == plain


def test_an_unknown_language_is_refused_naming_the_languages_served(api, world):
    response = api.get(f"{CITIES}&locale=zh-Hant", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    error = response.json()
    assert error["parameter"] == "locale"
    assert "zh-Hant" in error["message"]
    assert "fr, de, pt, ja, ar" in error["message"]  # the site's order
    assert response["Content-Language"] == "en"


# Labels and related items ------------------------------------------------------------


def test_a_fallback_item_points_to_the_german_versions_where_they_exist(api, world):
    url = f"{STORIES}&locale=de&fallback=true&fields=partner_cities,themes,audience"
    items = {item["id"]: item for item in ok(api.get(url))["items"]}
    story = items[world.untranslated_story.pk]
    assert story["meta"]["fallback_from"] == "fr"
    cities = {city["id"]: city["locale"] for city in story["partner_cities"]}
    assert cities == {world.tubingen_de.pk: "de", world.perugia.pk: "fr"}
    assert [theme["name"] for theme in story["themes"]] == ["Mobilität"]
    assert story["audience"]["label"] == label(Audience.STUDENTS, "de")


def test_a_fallback_actor_points_to_the_german_versions_where_they_exist(api, world):
    items = ok(api.get("/api/v2/actors/?locale=de&fallback=true"))["items"]
    choir = next(item for item in items if item["id"] == world.choir.pk)
    assert choir["meta"]["fallback_from"] == "fr"
    assert [city["id"] for city in choir["partner_cities"]] == [world.tubingen_de.pk]
    assert [theme["name"] for theme in choir["themes"]] == ["Mobilität"]
    with translation.override("de"):
        assert choir["kind_label"] == str(world.choir.get_kind_display())


def test_json_and_geojson_label_fallback_items_alike_in_japanese(api, world):
    url = f"{CITIES}&locale=ja&fallback=true&fields=kind,status,country"
    pages = {item["id"]: item for item in ok(api.get(url))["items"]}
    features = ok(api.get("/api/v2/partners.geojson?locale=ja"))["features"]
    assert set(pages) == {feature["id"] for feature in features} != set()
    for feature in features:
        props, page = feature["properties"], pages[feature["id"]]
        assert props["fallback_from"] == page["meta"]["fallback_from"] == "fr"
        assert props["kind_label"] == page["kind"]["label"] == label(PartnershipKind.TWINNING, "ja")
        assert props["status_label"] == page["status"]["label"]
        assert props["country_name"] == page["country"]["name"]
    assert "ドイツ" in {feature["properties"]["country_name"] for feature in features}


def test_without_locale_labels_follow_accept_language_each_cached_apart(api, world):
    url = f"{CITIES}&fields=kind"
    answers = {}
    for code in ("fr", "de", "fr", "de"):  # the second round is served from the cache
        response = api.get(url, HTTP_ACCEPT_LANGUAGE=code)
        assert "Accept-Language" in response["Vary"]
        labels = {item["kind"]["label"] for item in ok(response)["items"]}
        assert answers.setdefault(code, labels) == labels
    assert answers == {
        "fr": {label(PartnershipKind.TWINNING, "fr")},
        "de": {label(PartnershipKind.TWINNING, "de")},
    }


def test_with_locale_accept_language_changes_nothing(api, world):
    url = f"{CITIES}&locale=de&fallback=true&fields=kind,country"
    french = api.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    english = api.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert french.content == english.content
    assert french["ETag"] == english["ETag"]
