"""SQL queries per HTML page: a city page and a story page stay within a fixed budget.

The budget does not depend on how many milestones, stories, events or actors a city has:
a partner's page grows for decades, its cost per request must not.

Serving costs six queries whatever the depth of the page: Wagtail's site, locale, the
language's home page and its specific form, then (twinning.public.routing) the pages the URL
names with the home page's children, the served page, and every view restriction. In a
language other than the source one, Wagtail looks the home page up in one more; an alias
reads its original once more (for its languages).
"""

import datetime
from unittest import mock

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests import factories
from tests.twinning.translation_helpers import alias, clear_site_cache, restrict, translate
from twinning.api.caching import bump_generation

NOW = datetime.datetime(2026, 5, 9, 12, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)

#: A city page in the source language, its fragments cached (twinning.public.fragments):
#: serving (6), the content generation (once per request: with a process-local cache it is
#: in the database) and the page's translations (its language switcher).
CITY_PAGE_QUERIES = 8
#: The same page when content has just changed: its fragments are built again, reading
#: themes, private collections, milestones, stories, events, calls, actors and when the
#: agenda next changes with the clock.
CITY_PAGE_COLD_QUERIES = 16
#: A city page in any language, translated or not: Wagtail looks a language's home page up
#: in one more query, an alias reads its original once more.
CITY_PAGE_BUDGET = 10
#: A story page, its fragment cached: serving (6), the generation, the page's translations.
STORY_PAGE_QUERIES = 8
#: Built again: partner cities, themes, the event and call it links, actors, the JSON-LD
#: block's cities and the private collections (once, for the images).
STORY_PAGE_COLD_QUERIES = 14
STORY_PAGE_BUDGET = 9


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


@pytest.fixture
def frozen_now():
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        yield


def enrich(city, home, stories_index, count: int) -> None:
    """Give ``city`` ``count`` of everything its page shows, each with an image or a link."""
    events_index = home.get_children().type(factories.EventIndexPageFactory._meta.model).first()
    if events_index is None:
        events_index = factories.EventIndexPageFactory(parent=home)
    calls_index = (
        home.get_children().type(factories.ProjectCallIndexPageFactory._meta.model).first()
    )
    if calls_index is None:
        calls_index = factories.ProjectCallIndexPageFactory(parent=home)
    theme = factories.CooperationThemeFactory()
    city.themes.add(theme)
    city.hero_image = factories.ImageFactory()
    city.save()
    for n in range(count):
        actor = factories.ActorFactory(partner_cities=[city])
        factories.PartnershipMilestoneFactory(
            page=city,
            date=f"{1970 + n}",
            kind="visit",
            title=f"Visite {n}",
            image=factories.ImageFactory(),
            link_page=stories_index,
        )
        factories.ExchangeStoryPageFactory(
            parent=stories_index,
            partner_cities=[city],
            themes=[theme],
            actors=[actor],
            hero_image=factories.ImageFactory(),
        )
        factories.EventPageFactory(
            parent=events_index,
            start=NOW + (n + 1) * DAY,
            end=NOW + (n + 2) * DAY,
            partner_cities=[city],
            hero_image=factories.ImageFactory(),
        )
        factories.ProjectCallPageFactory(
            parent=calls_index,
            opens_at=NOW - DAY,
            closes_at=NOW + (n + 10) * DAY,
            partner_cities=[city],
        )


def render_twice(client, url: str) -> str:
    """The second of two identical requests, as a warm worker serves it (caches filled)."""
    assert client.get(url).status_code == 200
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def count_queries(client, url: str) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def german_tree(home):
    """The German tree as wagtail-localize's sync leaves it: every section is there."""
    for section in home.get_children():
        if not section.get_translations().filter(locale__language_code="de").exists():
            alias(section, "de")


def test_city_page_with_history_stories_agenda_and_translations_stays_in_budget(
    client_fr, home, tubingen, stories_index, frozen_now, django_assert_max_num_queries
):
    enrich(tubingen, home, stories_index, 4)
    translate(tubingen, "de", title="Tübingen")
    client_fr.get(tubingen.url)
    with django_assert_max_num_queries(CITY_PAGE_QUERIES):
        html = client_fr.get(tubingen.url).content.decode()
    assert html.count('class="timeline__item') == 6
    assert html.count('<article class="card story-card') == 4
    assert html.count('<article class="card event-card') == 4
    assert html.count('<article class="card call-card') == 4
    assert html.count('<article class="card actor-card') == 4
    assert 'type="application/ld+json"' in html


def test_city_page_just_after_a_change_of_content_stays_in_budget(
    client_fr, home, tubingen, stories_index, frozen_now, django_assert_max_num_queries
):
    enrich(tubingen, home, stories_index, 4)
    warm = render_twice(client_fr, tubingen.url)
    bump_generation()  # what any publish does
    with django_assert_max_num_queries(CITY_PAGE_COLD_QUERIES):
        html = client_fr.get(tubingen.url).content.decode()
    assert html == warm
    assert html.count('<article class="card story-card') == 4


def test_city_page_in_a_synchronised_language_tree_stays_in_budget(
    client_fr, home, tubingen, perugia, stories_index, frozen_now, django_assert_max_num_queries
):
    enrich(tubingen, home, stories_index, 4)
    enrich(perugia, home, stories_index, 2)
    german = translate(tubingen, "de", title="Tübingen")
    untranslated = alias(perugia, "de")
    german_tree(home)
    for page in (german, untranslated):
        client_fr.get(page.url)
        with django_assert_max_num_queries(CITY_PAGE_BUDGET):
            html = client_fr.get(page.url).content.decode()
        assert 'class="timeline__item' in html
        assert '<article class="card actor-card' in html
        assert "?actor=" in html  # the German events listing, found without a query


@pytest.mark.parametrize("language", ["fr", "de"])
def test_city_page_queries_do_not_grow_with_what_the_city_holds(
    client_fr, home, tubingen, stories_index, frozen_now, language
):
    german = translate(tubingen, "de", title="Tübingen")
    german_tree(home)
    url = tubingen.url if language == "fr" else german.url
    enrich(tubingen, home, stories_index, 2)
    few = count_queries(client_fr, url)
    enrich(tubingen, home, stories_index, 10)
    html = render_twice(client_fr, url)
    assert html.count('<article class="card actor-card') == 12
    if language == "fr":  # the German translation was made before: it has its own history
        assert html.count('class="timeline__item') == 2 + 12
        assert html.count('<article class="card story-card') == 12
        assert html.count('<article class="card event-card') == 6
    assert count_queries(client_fr, url) == few


def test_milestone_links_lead_to_the_linked_page_in_the_readers_language(
    client_fr, home, tubingen, stories_index, frozen_now
):
    factories.PartnershipMilestoneFactory(
        page=tubingen, date="1990", kind="visit", title="Visite", link_page=stories_index
    )
    german_index = translate(stories_index, "de", title="Austauschgeschichten")
    german_city = translate(tubingen, "de", title="Tübingen")
    html = render_twice(client_fr, german_city.url)
    assert f'href="{german_index.url}"' in html
    assert f'href="{stories_index.url}"' not in html


def story_with_everything(home, tubingen, perugia, stories_index):
    enrich(tubingen, home, stories_index, 2)
    model = factories.ExchangeStoryPageFactory._meta.model
    story = model.objects.filter(locale_id=tubingen.locale_id).first()
    story.partner_cities.add(perugia)
    story.event = factories.EventPageFactory._meta.model.objects.first()
    story.funded_by_call = factories.ProjectCallPageFactory._meta.model.objects.first()
    story.save_revision().publish()
    translate(story, "de")
    return story


def test_story_page_with_cities_themes_links_and_translations_stays_in_budget(
    client_fr, home, tubingen, perugia, stories_index, frozen_now, django_assert_max_num_queries
):
    story = story_with_everything(home, tubingen, perugia, stories_index)
    client_fr.get(story.url)
    with django_assert_max_num_queries(STORY_PAGE_QUERIES):
        html = client_fr.get(story.url).content.decode()
    assert f'href="{story.event.url}"' in html
    assert f'href="{story.funded_by_call.url}"' in html
    assert f'href="{perugia.url}"' in html
    assert 'type="application/ld+json"' in html


def test_story_page_just_after_a_change_of_content_stays_in_budget(
    client_fr, home, tubingen, perugia, stories_index, frozen_now, django_assert_max_num_queries
):
    story = story_with_everything(home, tubingen, perugia, stories_index)
    warm = render_twice(client_fr, story.url)
    bump_generation()
    with django_assert_max_num_queries(STORY_PAGE_COLD_QUERIES):
        html = client_fr.get(story.url).content.decode()
    assert html == warm
    assert f'href="{perugia.url}"' in html


def test_story_page_in_german_stays_in_budget(
    client_fr, home, tubingen, perugia, stories_index, frozen_now, django_assert_max_num_queries
):
    story = story_with_everything(home, tubingen, perugia, stories_index)
    german = story.get_translations().get(locale__language_code="de")
    german_tree(home)
    client_fr.get(german.url)
    with django_assert_max_num_queries(STORY_PAGE_BUDGET):
        html = client_fr.get(german.url).content.decode()
    assert 'class="facts story-links"' in html


def test_story_page_queries_do_not_grow_with_its_cities_themes_and_actors(
    client_fr, home, tubingen, perugia, stories_index, frozen_now
):
    story = story_with_everything(home, tubingen, perugia, stories_index)
    few = count_queries(client_fr, story.url)
    for n in range(4):
        city = factories.PartnerCityPageFactory(parent=tubingen.get_parent(), title=f"Ville {n}")
        story.partner_cities.add(city)
        story.themes.add(factories.CooperationThemeFactory())
        story.actors.add(factories.ActorFactory(partner_cities=[city]))
    story.save_revision().publish()
    html = render_twice(client_fr, story.url)
    assert html.count('<li><a href="/fr/villes-partenaires/') == 2 + 4
    assert count_queries(client_fr, story.url) == few


def test_story_page_hides_its_event_once_it_is_made_private(
    client_fr, home, tubingen, perugia, stories_index, frozen_now
):
    story = story_with_everything(home, tubingen, perugia, stories_index)
    assert f'href="{story.event.url}"' in render_twice(client_fr, story.url)
    restrict(story.event)
    html = render_twice(client_fr, story.url)
    assert f'href="{story.event.url}"' not in html
    assert f'href="{story.funded_by_call.url}"' in html


# Serving in fewer queries keeps Wagtail's rules ---------------------------------------


def test_a_page_in_a_restricted_section_asks_readers_to_log_in(client_fr, tubingen, story):
    restrict(tubingen.get_parent())
    response = client_fr.get(tubingen.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert client_fr.get(story.url).status_code == 200
    client_fr.force_login(get_user_model().objects.create_user("reader", password="x"))
    assert client_fr.get(tubingen.url).status_code == 200


def test_an_alias_is_as_private_as_the_page_it_mirrors(client_fr, tubingen):
    untranslated = alias(tubingen, "de")
    assert client_fr.get(untranslated.url).status_code == 200
    restrict(tubingen)
    response = client_fr.get(untranslated.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_unknown_and_unpublished_addresses_are_not_found(client_fr, tubingen, cities_index):
    draft = factories.PartnerCityPageFactory(parent=cities_index, title="Ville en projet")
    draft.unpublish()
    assert client_fr.get(tubingen.url).status_code == 200
    assert client_fr.get(tubingen.url + "nothing/").status_code == 404
    assert client_fr.get("/fr/villes-partenaires/nowhere/").status_code == 404
    assert client_fr.get("/fr/villes-partenaires/ville-en-projet/").status_code == 404


def test_the_partner_views_of_the_index_are_still_routed(client_fr, tubingen):
    index = tubingen.get_parent()
    for view in ("map/", "timeline/"):
        response = client_fr.get(index.url + view)
        assert response.status_code == 200
        assert "Tübingen" in response.content.decode()
