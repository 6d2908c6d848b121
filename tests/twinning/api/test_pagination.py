"""Paging through a listing: the same items as plain slicing at every offset, in order; a
count that follows publishing; the same cost at any depth."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from tests import factories
from tests.twinning.api.conftest import build_world, publish, shared
from twinning.api.pagination import cached_count, page_of

pytestmark = pytest.mark.django_db
world = shared(build_world)


@pytest.fixture
def many_stories(world):
    for number in range(12):
        factories.ExchangeStoryPageFactory(
            parent=world.stories_index,
            title=f"Récit {number:02d}",
            partner_cities=[world.tubingen],
        )


def listed(api, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    body = api.get(f"/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=fr&{query}").json()
    return body["meta"]["total_count"], [item["id"] for item in body["items"]]


def test_every_page_of_the_listing_matches_slicing(api, many_stories):
    total, everything = listed(api, limit=100)
    assert total == len(everything) >= 12
    for offset in (0, 1, 5, total - 3, total, total + 5):
        count, ids = listed(api, limit=4, offset=offset)
        assert count == total
        assert ids == everything[offset : offset + 4]


def test_page_of_keeps_the_queryset_order():
    queryset = Page.objects.order_by("-path")
    assert [p.pk for p in page_of(queryset, 1, 3)] == [p.pk for p in queryset[1:4]]
    assert page_of(queryset, 10_000, 3) == []


def test_a_deep_page_costs_what_the_first_costs(api, many_stories):
    url = "/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=fr&limit=2&offset={}"
    api.get(url.format(2))  # counted and cached
    with CaptureQueriesContext(connection) as near:
        api.get(url.format(2) + "&_=1")
    with CaptureQueriesContext(connection) as deep:
        api.get(url.format(10) + "&_=1")
    assert len(deep) == len(near)


def test_the_count_follows_publishing(api, world, many_stories):
    total, _ids = listed(api, limit=1)
    story = factories.ExchangeStoryPageFactory(
        parent=world.stories_index, title="Un de plus", partner_cities=[world.tubingen]
    )
    publish(story)
    assert listed(api, limit=1)[0] == total + 1
    story.unpublish()
    assert listed(api, limit=1)[0] == total


def test_the_count_is_read_once_per_content_change(world, many_stories):
    queryset = Page.objects.live().filter(depth__gte=2)
    expected = queryset.count()
    assert cached_count(queryset) == expected
    with CaptureQueriesContext(connection) as queries:
        assert cached_count(queryset) == expected
    assert len(queries) == 0
    assert cached_count(Page.objects.none()) == 0
