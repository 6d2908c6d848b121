"""A list costs the same number of queries whatever its length; a detail, a few."""

import datetime
from types import SimpleNamespace

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests import factories
from tests.twinning.api.conftest import publish, shared
from tests.twinning.api.helpers import locale, sync
from twinning.api.caching import generation_in_database

pytestmark = pytest.mark.django_db

SIZE = 50
#: Queries of a list or a detail, once the site's state (site, language roots, view
#: restrictions, locales, private collections) is cached for the generation: the page
#: query (and the count of a list), relations, snippets, the pages mentioned with every
#: version of the items, images with their renditions, translation coverage, children.
#: (Plus ``generation_reads()``.)
MOST = 8


def generation_reads() -> int:
    """The query reading the content generation, once per API request, when the cache is
    process-local (local memory): the generation is then kept in the database, which every
    server process sees (see twinning.api.caching). None with a shared cache (Redis)."""
    return 1 if generation_in_database() else 0


def build_many() -> SimpleNamespace:
    """Fifty cities and fifty stories, each with an image, themes, partner cities, a body
    linking a page and showing an image, and half of them translated into German."""
    home = factories.home_page()
    cities_index = factories.PartnerCityIndexPageFactory(parent=home)
    stories_index = factories.ExchangeStoryIndexPageFactory(parent=home)
    themes = [factories.CooperationThemeFactory() for _ in range(3)]
    images = [factories.ImageFactory() for _ in range(5)]
    cities = []
    for n in range(SIZE):
        city = factories.PartnerCityPageFactory(parent=cities_index, hero_image=images[n % 5])
        city.themes.set(themes[: 1 + n % 3])
        factories.PartnershipMilestoneFactory(page=city, image=images[(n + 1) % 5])
        cities.append(publish(city))
    stories = []
    for n in range(SIZE):
        story = factories.ExchangeStoryPageFactory(
            parent=stories_index,
            partner_cities=[cities[n], cities[(n + 7) % SIZE]],
            themes=themes[: 1 + n % 3],
            date=datetime.date(2010, 1, 1) + datetime.timedelta(days=n),
        )
        story.hero_image = images[n % 5]
        story.body = [
            ("paragraph", f'<p><a linktype="page" id="{cities[n].pk}">ville</a></p>'),
            ("image", {"image": images[n % 5], "alt_text": "", "caption": "", "credit": ""}),
        ]
        stories.append(publish(story))
    sync("de")
    de = locale("de")
    for page in cities[::2] + stories[::2]:
        # A translator's work turns the alias into a real page (faster than the workflow).
        alias = type(page).objects.get(translation_key=page.translation_key, locale=de)
        alias.alias_of = None
        alias.title = f"{page.title} (de)"
        alias.save()
        alias.save_revision().publish()
    return SimpleNamespace(cities=cities, stories=stories)


many = shared(build_many)


def count_queries(api, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = api.get(url)
    assert response.status_code == 200, response.content[:500]
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "listing",
    [
        "/api/v2/pages/?type=twinning.PartnerCityPage&locale=de&fallback=true",
        "/api/v2/pages/?type=twinning.PartnerCityPage&locale=de&fallback=true&fields=*",
        "/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=de&fallback=true",
        "/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=de&fallback=true&fields=*",
        "/api/v2/pages/?type=twinning.ExchangeStoryPage&fields=*",
        "/api/v2/pages/?locale=fr",
    ],
)
def test_list_queries_do_not_grow_with_the_number_of_items(api, many, listing):
    # The first request creates the image renditions; the counts are about the next ones.
    api.get(f"{listing}&limit={SIZE}&offset=0")
    counts = {size: count_queries(api, f"{listing}&limit={size}") for size in (1, 10, SIZE)}
    assert counts[1] == counts[10] == counts[SIZE], counts
    assert counts[SIZE] <= MOST + generation_reads(), counts


@pytest.mark.parametrize("kind", ["cities", "stories"])
def test_detail_queries_are_few(api, many, kind, django_assert_max_num_queries):
    page = getattr(many, kind)[0]
    api.get(f"/api/v2/pages/{page.pk}/?_=warm")
    with django_assert_max_num_queries(MOST + generation_reads()):
        response = api.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    assert response.json()["meta"]["translations"]


def test_site_state_is_read_once_per_generation(api, many):
    url = "/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=de&limit=5"
    api.get(url + "&_=warm")
    warm = count_queries(api, url + "&_=1")
    factories.CooperationThemeFactory()  # a change that retires cached responses
    assert count_queries(api, url + "&_=2") > warm  # the site's state is read again...
    assert count_queries(api, url + "&_=3") == warm  # ...once


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/partners.geojson?locale=de",
        "/api/v2/feeds/stories.atom?locale=de&fallback=true",
    ],
)
def test_feeds_queries_do_not_grow_with_the_number_of_items(api, many, url):
    api.get(url + "&_=warm")
    first = count_queries(api, url)
    for city in many.cities[:5]:
        city.unpublish()
    for story in many.stories[:5]:
        story.unpublish()
    api.get(url + "&_=rewarm")  # the site's state is read again once, for the new generation
    assert count_queries(api, url + "&_=after") == first


def test_cached_list_is_served_without_queries(api, many, django_assert_num_queries):
    url = "/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=de&fallback=true&limit=50"
    api.get(url)
    with django_assert_num_queries(generation_reads()):
        assert api.get(url).status_code == 200


def test_image_list_queries_do_not_grow(api, many):
    api.get("/api/v2/images/?limit=1&_=warm")
    counts = {size: count_queries(api, f"/api/v2/images/?limit={size}") for size in (1, 5)}
    assert counts[1] == counts[5], counts
