"""Links to partner cities are kept with the linking page's language, whatever wrote them:
the city page reads its own language's links only, and must find every one of them."""

import importlib

from django.apps import apps

import pytest

from tests import factories
from tests.twinning.translation_helpers import alias, clear_site_cache, translate
from twinning.models import EventPage, ExchangeStoryPage
from twinning.models.cities import PartnerCityLink

fill_migration = importlib.import_module("twinning.migrations.0005_partner_city_links")


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


def links() -> set[tuple]:
    return set(
        PartnerCityLink.objects.values_list("story", "event", "call", "city", "city_key", "locale")
    )


def rebuilt() -> set[tuple]:
    """The rows as they follow from the pages' partner cities."""
    kept = links()
    PartnerCityLink.objects.rebuild()
    rows = links()
    assert rows == kept, "the links kept differ from the pages' partner cities"
    return rows


def stories_about(city) -> list[str]:
    return list(
        ExchangeStoryPage.objects.live()
        .concerning_in_its_language(city)
        .values_list("title", flat=True)
    )


def test_a_translated_story_is_found_from_the_city_page_of_its_language(
    home, tubingen, perugia, story
):
    german_city = translate(tubingen, "de", title="Tübingen")
    german_story = translate(story, "de", title="Studenten in Tübingen")
    assert stories_about(tubingen) == [story.title]
    assert stories_about(german_city) == ["Studenten in Tübingen"]
    assert stories_about(perugia) == []
    assert {(row[0], row[5]) for row in rebuilt()} == {
        (story.pk, tubingen.locale_id),
        (german_story.pk, german_city.locale_id),
    }


def test_links_follow_published_changes_copies_and_deletions(home, tubingen, perugia, story):
    story.partner_cities = [perugia]
    story.save_revision().publish()
    assert stories_about(tubingen) == []
    assert stories_about(perugia) == [story.title]
    rebuilt()

    copy = story.copy(update_attrs={"slug": "copie", "title": "Copie"})
    copy.save_revision().publish()
    assert sorted(stories_about(perugia)) == sorted([story.title, "Copie"])
    rebuilt()

    events_index = factories.EventIndexPageFactory(parent=home)
    event = factories.EventPageFactory(parent=events_index, partner_cities=[perugia, tubingen])
    assert list(EventPage.objects.concerning_in_its_language(tubingen)) == [event]
    tubingen.events.remove(event)  # from the city's side
    assert list(EventPage.objects.concerning_in_its_language(tubingen)) == []
    rebuilt()

    perugia.delete()
    assert PartnerCityLink.objects.filter(city_key=perugia.translation_key).count() == 0
    rebuilt()


def test_the_migration_fills_the_links_of_existing_pages(home, tubingen, perugia, story):
    translate(story, "de")
    expected = links()
    PartnerCityLink.objects.all().delete()
    fill_migration.fill_links(apps, None)
    assert links() == expected


def test_an_untranslated_story_is_found_from_the_city_page_of_each_language(
    home, tubingen, perugia, story
):
    german_city = translate(tubingen, "de", title="Tübingen")
    alias(story, "de")
    assert stories_about(german_city) == [story.title]
    story.partner_cities = [perugia]
    story.save_revision().publish()  # Wagtail updates the alias
    assert stories_about(german_city) == []
    rebuilt()
