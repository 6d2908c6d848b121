"""Every filter of /api/v2/pages/, as partners combine them."""

import datetime

import pytest

from tests import factories
from tests.twinning.api.conftest import build_world, shared

pytestmark = pytest.mark.django_db
world = shared(build_world)

CITIES = "/api/v2/pages/?type=twinning.PartnerCityPage"
STORIES = "/api/v2/pages/?type=twinning.ExchangeStoryPage"


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_locale_keeps_the_items_of_that_language(api, world):
    assert ids(api.get(f"{STORIES}&locale=de")) == [world.story_de.pk]
    assert ids(api.get(f"{STORIES}&locale=fr")) == [world.story.pk]
    assert ids(api.get(f"{STORIES}&locale=ar")) == []


def test_fallback_fills_in_untranslated_stories(api, world):
    response = api.get(f"{STORIES}&locale=ar&fallback=true")
    assert ids(response) == [world.story.pk]
    assert response.json()["items"][0]["meta"]["fallback_from"] == "fr"


def test_translation_of_lists_the_other_real_translations(api, world):
    found = set(ids(api.get(f"/api/v2/pages/?translation_of={world.tubingen.pk}")))
    assert found == {world.tubingen_de.pk, world.tubingen_ar.pk}


def test_type_restricts_to_one_page_type(api, world):
    response = api.get(f"{CITIES}&locale=fr")
    assert {item["meta"]["type"] for item in response.json()["items"]} == {
        "twinning.PartnerCityPage"
    }
    assert set(ids(response)) == {world.tubingen.pk, world.perugia.pk}


@pytest.mark.parametrize("identifier", ["wikidata", "french id", "german id"])
def test_partner_accepts_any_identifier_a_partner_knows(api, world, identifier):
    value = {
        "wikidata": "Q3806",
        "french id": world.tubingen.pk,
        "german id": world.tubingen_de.pk,
    }[identifier]
    assert ids(api.get(f"{STORIES}&locale=de&partner={value}")) == [world.story_de.pk]
    assert ids(api.get(f"{CITIES}&locale=de&partner={value}")) == [world.tubingen_de.pk]


def test_partner_keeps_only_the_stories_about_that_city(api, world):
    other = factories.ExchangeStoryPageFactory(
        parent=world.stories_index, partner_cities=[world.perugia]
    )
    assert ids(api.get(f"{STORIES}&locale=fr&partner=Q3437")) == [world.story.pk, other.pk]
    assert ids(api.get(f"{STORIES}&locale=fr&partner=Q3806")) == [world.story.pk]


@pytest.mark.parametrize("how", ["identifier", "french id", "german id"])
def test_theme_by_identifier_or_id_in_any_language(api, world, how):
    value = {
        "identifier": "mobility",
        "french id": world.mobility.pk,
        "german id": world.mobility_de.pk,
    }[how]
    assert ids(api.get(f"{CITIES}&locale=fr&theme={value}")) == [world.tubingen.pk]
    assert ids(api.get(f"{STORIES}&locale=de&theme={value}")) == [world.story_de.pk]
    assert ids(api.get(f"{CITIES}&locale=fr&theme=culture")) == [world.perugia.pk]


def test_dates_bound_stories_inclusively_at_every_precision(api, world):
    later = factories.ExchangeStoryPageFactory(
        parent=world.stories_index, partner_cities=[world.tubingen], date=datetime.date(2019, 3, 1)
    )
    story = world.story.pk  # 2016-05-09
    assert ids(api.get(f"{STORIES}&locale=fr&date_from=2016-05-09&date_to=2016-05-09")) == [story]
    assert ids(api.get(f"{STORIES}&locale=fr&date_from=2016-06")) == [later.pk]
    assert ids(api.get(f"{STORIES}&locale=fr&date_to=2016")) == [story]
    assert ids(api.get(f"{STORIES}&locale=fr&date_from=2016&date_to=2019-03")) == [story, later.pk]
    # Without a type, a date keeps stories only.
    assert ids(api.get("/api/v2/pages/?locale=fr&date_to=2016-12-31")) == [story]


def test_kind_and_status_keep_matching_cities(api, world):
    perugia = type(world.perugia).objects.get(pk=world.perugia.pk)
    perugia.kind = "cooperation"
    perugia.status = "dormant"
    perugia.save_revision().publish()
    assert ids(api.get(f"{CITIES}&locale=fr&kind=cooperation")) == [world.perugia.pk]
    assert ids(api.get(f"{CITIES}&locale=fr&status=active")) == [world.tubingen.pk]
    assert set(ids(api.get(f"{CITIES}&locale=fr&kind=twinning,cooperation"))) == {
        world.tubingen.pk,
        world.perugia.pk,
    }
    # Without a type, kind keeps partner cities only.
    assert ids(api.get("/api/v2/pages/?locale=fr&kind=cooperation")) == [world.perugia.pk]


def test_search_combines_with_locale(api, world):
    assert ids(api.get("/api/v2/pages/?locale=de&search=Studierende")) == [world.story_de.pk]
    assert ids(api.get("/api/v2/pages/?locale=fr&search=Studierende")) == []
    assert world.perugia.pk in ids(api.get(f"{CITIES}&locale=de&fallback=true&search=Pérouse"))


def test_filters_combine(api, world):
    url = f"{STORIES}&locale=de&fallback=true&partner=Q3806&theme=mobility&date_from=2016"
    assert ids(api.get(url)) == [world.story_de.pk]
    assert ids(api.get(f"{url}&date_to=2016-04")) == []
