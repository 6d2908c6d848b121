"""/api/v2/actors/: the territory's actors, in the partner's language, e-mail only with consent."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests import factories
from tests.twinning.api.conftest import build_world, shared, translate_snippet

pytestmark = pytest.mark.django_db

ACTORS = "/api/v2/actors/"


def build_actors():
    world = build_world()
    world.choir = factories.ActorFactory(
        name="Chorale du Pays d'Aix",
        kind="association",
        email="chorale@example.org",
        contact_consent=True,
        partner_cities=[world.tubingen],
        themes=[world.culture],
    )
    world.school = factories.ActorFactory(
        name="Lycée Zola",
        kind="school",
        email="secret@example.org",
        contact_consent=False,
        partner_cities=[world.perugia],
        themes=[world.mobility],
    )
    world.choir_de = translate_snippet(world.choir, "de", name="Chor des Pays d'Aix")
    return world


world = shared(build_actors)


def names(response):
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]


def test_locale_gives_the_actors_written_in_that_language(api, world):
    assert names(api.get(f"{ACTORS}?locale=de")) == ["Chor des Pays d'Aix"]
    assert names(api.get(f"{ACTORS}?locale=fr")) == ["Chorale du Pays d'Aix", "Lycée Zola"]


def test_fallback_adds_untranslated_actors_in_the_source_language(api, world):
    items = api.get(f"{ACTORS}?locale=de&fallback=true").json()["items"]
    assert {item["name"]: item["meta"]["fallback_from"] for item in items} == {
        "Chor des Pays d'Aix": None,
        "Lycée Zola": "fr",
    }


def test_email_is_published_only_with_the_actors_consent(api, world):
    items = {item["name"]: item for item in api.get(f"{ACTORS}?locale=fr").json()["items"]}
    assert items["Chorale du Pays d'Aix"]["email"] == "chorale@example.org"
    assert items["Lycée Zola"]["email"] is None
    assert b"secret@example.org" not in api.get(f"{ACTORS}{world.school.pk}/").content


def test_partner_cities_and_themes_come_in_the_actors_language(api, world):
    data = api.get(f"{ACTORS}{world.choir_de.pk}/").json()
    assert data["meta"]["locale"] == "de"
    assert [city["id"] for city in data["partner_cities"]] == [world.tubingen_de.pk]
    assert data["partner_cities"][0]["html_url"].startswith("http://localhost/de/")
    assert [theme["slug"] for theme in data["themes"]] == ["culture"]
    assert data["kind_label"] == "Verein"


@pytest.mark.parametrize("partner", ["Q3806", "tubingen", "tubingen_de"])
def test_partner_filter_accepts_any_identifier(api, world, partner):
    value = partner if partner.startswith("Q") else getattr(world, partner).pk
    assert names(api.get(f"{ACTORS}?locale=fr&partner={value}")) == ["Chorale du Pays d'Aix"]


def test_kind_and_theme_filters(api, world):
    assert names(api.get(f"{ACTORS}?locale=fr&kind=school")) == ["Lycée Zola"]
    assert names(api.get(f"{ACTORS}?locale=fr&kind=school,association")) == [
        "Chorale du Pays d'Aix",
        "Lycée Zola",
    ]
    assert names(api.get(f"{ACTORS}?locale=fr&theme=mobility")) == ["Lycée Zola"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("kind=band", "kind"),
        ("theme=nothing", "theme"),
        ("partner=Q1", "partner"),
        ("partner=Paris", "partner"),
        ("locale=xx", "locale"),
        ("fallback=true", "fallback"),
        ("limit=many", "limit"),
        ("colour=red", "colour"),
    ],
)
def test_bad_filters_are_a_400_naming_the_parameter(api, world, query, parameter):
    response = api.get(f"{ACTORS}?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def test_unknown_actor_is_a_json_404(api, world):
    response = api.get(f"{ACTORS}999999/")
    assert response.status_code == 404
    assert "999999" in response.json()["message"]


def test_actor_list_is_cached_with_an_etag_and_refreshed_when_an_actor_changes(api, world):
    first = api.get(f"{ACTORS}?locale=fr")
    assert api.get(f"{ACTORS}?locale=fr", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    world.school.name = "Lycée Émile-Zola"
    world.school.save()
    assert "Lycée Émile-Zola" in names(api.get(f"{ACTORS}?locale=fr"))
    world.school.delete()
    assert names(api.get(f"{ACTORS}?locale=fr")) == ["Chorale du Pays d'Aix"]


def test_actor_list_costs_the_same_queries_whatever_its_length(api, world):
    for _n in range(5):
        factories.ActorFactory(partner_cities=[world.tubingen], themes=[world.culture])
    api.get(f"{ACTORS}?limit=1")
    counts = []
    for limit in (1, 6):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert len(api.get(f"{ACTORS}?locale=fr&limit={limit}").json()["items"]) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1]
