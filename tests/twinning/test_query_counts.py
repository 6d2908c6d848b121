"""SQL queries per HTML page: a city page and a story page stay within a fixed budget.

The budget does not depend on how many milestones, stories, events or actors a city has:
a partner's page grows for decades, its cost per request must not.
"""

import datetime
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests import factories
from tests.cms.translation_helpers import clear_site_cache, restrict, translate

NOW = datetime.datetime(2026, 5, 9, 12, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)

#: Queries for a city page, whatever the city holds. Issue 7 aims at 15; nine of these are
#: Wagtail's own serving (site, locale, routing through three levels, the page's view
#: restrictions) and three the JSON-LD block's image (see docs/benchmarks.md).
CITY_PAGE_BUDGET = 24
#: A story page: the JSON-LD block's partner-city summaries cost nine of these.
STORY_PAGE_BUDGET = 29


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


def test_city_page_with_history_stories_agenda_and_translations_stays_in_budget(
    client_fr, home, tubingen, stories_index, frozen_now, django_assert_max_num_queries
):
    enrich(tubingen, home, stories_index, 4)
    translate(tubingen, "de", title="Tübingen")
    client_fr.get(tubingen.url)
    with django_assert_max_num_queries(CITY_PAGE_BUDGET):
        html = client_fr.get(tubingen.url).content.decode()
    assert html.count('class="timeline__item') == 6
    assert html.count('<article class="card story-card') == 4
    assert html.count('<article class="card event-card') == 4
    assert html.count('<article class="card call-card') == 4
    assert html.count('<article class="card actor-card') == 4


def test_city_page_queries_do_not_grow_with_what_the_city_holds(
    client_fr, home, tubingen, stories_index, frozen_now
):
    enrich(tubingen, home, stories_index, 1)
    few = count_queries(client_fr, tubingen.url)
    enrich(tubingen, home, stories_index, 5)
    many = count_queries(client_fr, tubingen.url)
    assert many == few


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
    with django_assert_max_num_queries(STORY_PAGE_BUDGET):
        html = client_fr.get(story.url).content.decode()
    assert f'href="{story.event.url}"' in html
    assert f'href="{story.funded_by_call.url}"' in html
    assert f'href="{perugia.url}"' in html


def test_story_page_hides_its_event_once_it_is_made_private(
    client_fr, home, tubingen, perugia, stories_index, frozen_now
):
    story = story_with_everything(home, tubingen, perugia, stories_index)
    assert f'href="{story.event.url}"' in render_twice(client_fr, story.url)
    restrict(story.event)
    html = render_twice(client_fr, story.url)
    assert f'href="{story.event.url}"' not in html
    assert f'href="{story.funded_by_call.url}"' in html
