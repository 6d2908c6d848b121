"""Paging through a listing: the same items as plain slicing at every offset, in order; a
count that follows publishing; the same cost at any depth; links to the next and previous
pages on every list."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest

from tests import factories
from tests.twinning.api.conftest import build_world, publish, shared
from tests.twinning.api.test_query_counts import generation_reads
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
    assert len(queries) == generation_reads()  # the count itself is not read again
    assert cached_count(Page.objects.none()) == 0


# Links to the pages around ------------------------------------------------------------


def walk(api, url: str) -> list[dict]:
    """Every page of a list, following ``meta.next`` from ``url``."""
    bodies = []
    while url:
        response = api.get(url)
        assert response.status_code == 200, response.content[:300]
        bodies.append(response.json())
        url = bodies[-1]["meta"]["next"]
    return bodies


def test_next_walks_a_pages_list_to_its_end_keeping_every_parameter(api, many_stories):
    query = "type=twinning.ExchangeStoryPage&locale=fr"
    total, everything = listed(api, limit=100)

    bodies = walk(api, f"/api/v2/pages/?{query}&limit=5")

    assert [item["id"] for body in bodies for item in body["items"]] == everything
    assert len(bodies) == -(-total // 5)
    assert bodies[0]["meta"]["previous"] is None
    assert bodies[-1]["meta"]["next"] is None
    assert bodies[0]["meta"]["next"] == f"http://localhost/api/v2/pages/?{query}&limit=5&offset=5"
    assert bodies[2]["meta"]["previous"] == (
        f"http://localhost/api/v2/pages/?{query}&limit=5&offset=5"
    )


def test_previous_never_goes_below_the_start(api, many_stories):
    meta = api.get("/api/v2/pages/?locale=fr&offset=3&limit=5").json()["meta"]

    assert meta["previous"] == "http://localhost/api/v2/pages/?locale=fr&offset=0&limit=5"
    assert meta["next"] == "http://localhost/api/v2/pages/?locale=fr&offset=8&limit=5"


def test_without_limit_the_links_move_by_the_default_page_size(api, many_stories):
    meta = api.get("/api/v2/pages/?type=twinning.ExchangeStoryPage").json()["meta"]

    assert meta["total_count"] <= 20
    assert meta["next"] is None and meta["previous"] is None


def test_links_start_with_the_public_base_like_every_other_url(api, many_stories, settings):
    settings.TWINNING = {**settings.TWINNING, "PUBLIC_BASE_URL": "https://jumelages.example"}

    body = api.get("/api/v2/pages/?type=twinning.ExchangeStoryPage&limit=2").json()

    assert body["meta"]["next"].startswith("https://jumelages.example/api/v2/pages/?")
    assert body["items"][0]["meta"]["detail_url"].startswith("https://jumelages.example/")


@pytest.mark.parametrize("endpoint", ["images", "documents", "actors"])
def test_images_documents_and_actors_link_their_pages_too(api, db, endpoint):
    for number in range(3):
        if endpoint == "images":
            factories.ImageFactory()
        elif endpoint == "documents":
            get_document_model().objects.create(
                title=f"Document {number}", file=factories.ImageFactory().file
            )
        else:
            factories.ActorFactory()
    url = f"/api/v2/{endpoint}/?limit=2"

    bodies = walk(api, url)

    total = bodies[0]["meta"]["total_count"]
    assert total >= 3 and len(bodies) == -(-total // 2)
    assert sum(len(body["items"]) for body in bodies) == total
    assert bodies[0]["meta"]["previous"] is None
    assert bodies[0]["meta"]["next"] == f"http://localhost{url}&offset=2"
    assert bodies[1]["meta"]["previous"] == f"http://localhost{url}&offset=0"
    assert bodies[-1]["meta"]["next"] is None
