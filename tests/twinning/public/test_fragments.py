"""A city page's stories, agenda, timeline and facts come from the cache until content
changes: readers see every change at once, in every language, and nothing else."""

import datetime
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.twinning.localize_helpers import admin_user
from tests.twinning.test_previews import city_edit_data, preview_url, show_preview
from tests.twinning.test_query_counts import NOW, enrich, german_tree
from tests.twinning.translation_helpers import clear_site_cache, translate
from twinning import cache_tags
from twinning.models import ExchangeStoryPage, PartnerCityPage, ProjectCallPage

HOUR = datetime.timedelta(hours=1)


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


@pytest.fixture
def clock():
    """The site's clock, set by the test (``clock.now = ...``)."""
    with mock.patch("django.utils.timezone.now", return_value=NOW) as now:
        yield now


def cards(client, url: str, kind: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [card.find(class_="card__title").get_text(strip=True) for card in soup.select(kind)]


def published_story(stories_index, title: str, cities: list) -> ExchangeStoryPage:
    """A story written in the admin's way: a draft, then its revision published."""
    story = stories_index.add_child(
        instance=ExchangeStoryPage(
            title=title, date=datetime.date(2026, 5, 1), summary="Un échange.", live=False
        )
    )
    story.partner_cities = cities
    story.save_revision().publish()
    story.refresh_from_db()
    return story


def test_a_city_page_from_the_cache_still_says_what_it_shows(
    client_fr, home, tubingen, stories_index, clock
):
    enrich(tubingen, home, stories_index, 2)
    first = client_fr.get(tubingen.url)
    with CaptureQueriesContext(connection) as warm:
        second = client_fr.get(tubingen.url)
    read = " ".join(query["sql"] for query in warm.captured_queries)
    for table in ("exchangestorypage", "eventpage", "projectcallpage", "actor", "milestone"):
        assert f"twinning_{table}" not in read  # the fragments came from the cache
    assert second.content == first.content
    tags = cache_tags.tags_of(second.wsgi_request)
    assert tags == cache_tags.tags_of(first.wsgi_request)
    story = ExchangeStoryPage.objects.live().first()
    call = ProjectCallPage.objects.live().first()
    actor = factories.ActorFactory._meta.model.objects.first()
    assert {
        cache_tags.about_tag(tubingen),
        cache_tags.page_tag(story),
        cache_tags.page_tag(call),
        cache_tags.object_tag(actor),
    } <= tags
    # Not every story: a story published elsewhere must not purge every city page.
    assert cache_tags.type_tag(ExchangeStoryPage) not in tags


def test_a_story_published_about_the_city_is_on_its_page_at_once_in_every_language(
    client_fr, home, tubingen, perugia, stories_index, clock
):
    german_city = translate(tubingen, "de", title="Tübingen")
    german_tree(home)
    assert cards(client_fr, tubingen.url, ".story-card") == []
    assert cards(client_fr, german_city.url, ".story-card") == []

    story = published_story(stories_index, "Chorale à Tübingen", [tubingen])
    assert cards(client_fr, tubingen.url, ".story-card") == ["Chorale à Tübingen"]
    assert cards(client_fr, perugia.url, ".story-card") == []
    # Its German translation names the French city (synchronised): the German page lists it.
    translate(story, "de", title="Chor in Tübingen")
    assert cards(client_fr, german_city.url, ".story-card") == ["Chor in Tübingen"]
    assert cards(client_fr, tubingen.url, ".story-card") == ["Chorale à Tübingen"]

    story.unpublish()
    assert cards(client_fr, tubingen.url, ".story-card") == []


def test_a_story_moved_to_another_city_leaves_the_first_citys_page(
    client_fr, tubingen, perugia, stories_index, clock
):
    story = published_story(stories_index, "Jumelage des écoles", [tubingen])
    assert cards(client_fr, tubingen.url, ".story-card") == ["Jumelage des écoles"]
    story.partner_cities = [perugia]
    story.save_revision().publish()
    assert cards(client_fr, tubingen.url, ".story-card") == []
    assert cards(client_fr, perugia.url, ".story-card") == ["Jumelage des écoles"]


def test_the_agenda_follows_the_clock_without_any_publish(client_fr, home, tubingen, clock):
    calls_index = factories.ProjectCallIndexPageFactory(parent=home)
    events_index = factories.EventIndexPageFactory(parent=home)
    factories.ProjectCallPageFactory(
        parent=calls_index,
        title="Appel d'été",
        opens_at=NOW + HOUR,
        closes_at=NOW + 5 * HOUR,
        partner_cities=[tubingen],
    )
    factories.EventPageFactory(
        parent=events_index,
        title="Marché de Noël",
        start=NOW - HOUR,
        end=NOW + 2 * HOUR,
        partner_cities=[tubingen],
    )
    assert cards(client_fr, tubingen.url, ".call-card") == []
    assert cards(client_fr, tubingen.url, ".event-card") == ["Marché de Noël"]
    clock.return_value = NOW + 90 * datetime.timedelta(minutes=1)
    assert cards(client_fr, tubingen.url, ".call-card") == ["Appel d'été"]
    assert cards(client_fr, tubingen.url, ".event-card") == ["Marché de Noël"]
    clock.return_value = NOW + 3 * HOUR
    assert cards(client_fr, tubingen.url, ".event-card") == []
    clock.return_value = NOW + 6 * HOUR
    assert cards(client_fr, tubingen.url, ".call-card") == []


def test_a_preview_shows_the_edited_facts_and_leaves_the_readers_page_alone(
    client, tubingen, clock
):
    admin_user(client)
    editor = client
    editor.defaults["HTTP_HOST"] = "localhost"
    assert "Souabe du Nord" not in editor.get(tubingen.url).content.decode()
    data = city_edit_data(tubingen, title=tubingen.title, region="Souabe du Nord")
    preview = show_preview(editor, preview_url(tubingen), data).content.decode()
    assert "Souabe du Nord" in preview
    assert "Souabe du Nord" not in editor.get(tubingen.url).content.decode()
    assert PartnerCityPage.objects.get(pk=tubingen.pk).region != "Souabe du Nord"


def test_the_partner_map_from_the_cache_still_lists_and_tags_every_city(
    client_fr, tubingen, perugia, clock
):
    url = tubingen.get_parent().url + "map/"
    first = client_fr.get(url)
    second = client_fr.get(url)
    assert second.content.decode().count('"lat"') == 2
    for response in (first, second):
        tags = cache_tags.tags_of(response.wsgi_request)
        assert {cache_tags.page_tag(tubingen), cache_tags.page_tag(perugia)} <= tags
    perugia.unpublish()
    assert client_fr.get(url).content.decode().count('"lat"') == 1
