"""Cache hits answered early by APICacheMiddleware: one cache round trip, no query (one,
reading the generation, with a process-local cache), and a response a partner cannot tell
from the first (uncached) one."""

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

import pytest

from tests.twinning.api.conftest import build_world, publish, shared
from tests.twinning.api.test_query_counts import generation_reads
from twinning.api import caching

pytestmark = pytest.mark.django_db
world = shared(build_world)

URL = "/api/v2/pages/?type=twinning.PartnerCityPage&locale=fr&fields=*"
MIDDLEWARE = "twinning.api.caching.APICacheMiddleware"


class CountingCache(LocMemCache):
    """Django's local-memory cache, counting reads as a network cache sees round trips
    (its ``get_many`` is a loop of ``get``: one read all the same)."""

    reads: list[list[str]] = []
    _in_many = False

    def get(self, key, default=None, version=None):
        if not self._in_many:
            type(self).reads.append([key])
        return super().get(key, default, version)

    def get_many(self, keys, version=None):
        type(self).reads.append(list(keys))
        self._in_many = True
        try:
            return super().get_many(keys, version)
        finally:
            self._in_many = False


COUNTING = {"default": {"BACKEND": f"{__name__}.CountingCache", "LOCATION": "counting"}}


@pytest.fixture
def counting_as_shared(monkeypatch):
    """``CountingCache`` standing for a network cache (Redis), seen by every process."""
    monkeypatch.setattr(caching, "PROCESS_LOCAL_CACHES", ())


class SeenByTheRestOfTheStack:
    """A middleware placed after APICacheMiddleware: records the requests that reach it."""

    paths: list[str] = []

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        type(self).paths.append(request.get_full_path())
        return self.get_response(request)


def with_recorder_after_the_cache() -> list[str]:
    stack = list(settings.MIDDLEWARE)
    stack.insert(stack.index(MIDDLEWARE) + 1, f"{__name__}.SeenByTheRestOfTheStack")
    return stack


def headers(response) -> dict:
    return {name: value for name, value in response.items() if name != "Date"}


def test_the_middleware_sits_after_the_language_is_chosen():
    stack = settings.MIDDLEWARE
    assert stack.index(MIDDLEWARE) == stack.index("django.middleware.locale.LocaleMiddleware") + 1


def test_a_hit_has_the_same_body_and_headers_as_the_miss(api, world):
    miss = api.get(URL, HTTP_ORIGIN="https://example.org")
    with CaptureQueriesContext(connection) as queries:
        hit = api.get(URL, HTTP_ORIGIN="https://example.org")
    assert len(queries) == generation_reads()
    assert hit.status_code == miss.status_code == 200
    assert hit.content == miss.content
    assert headers(hit) == headers(miss)
    assert hit["X-Frame-Options"] and hit["Content-Length"] == str(len(miss.content))


def reads_of_a_hit(api) -> tuple[list[list[str]], list[str]]:
    """The API's reads of the cache, and the queries, of a cache hit."""
    api.get(URL)
    CountingCache.reads.clear()
    with CaptureQueriesContext(connection) as queries:
        assert api.get(URL).status_code == 200
    api_reads = [keys for keys in CountingCache.reads if any("twinning-api" in k for k in keys)]
    return api_reads, [query["sql"] for query in queries]


@override_settings(CACHES=COUNTING)
def test_a_hit_is_one_read_of_a_shared_cache_and_no_query(api, world, counting_as_shared):
    api_reads, queries = reads_of_a_hit(api)
    assert len(api_reads) == 1
    assert len(api_reads[0]) == 3  # generation, time of the last change, the entry
    assert queries == []


@override_settings(CACHES=COUNTING)
def test_with_a_process_local_cache_a_hit_reads_the_generation_from_the_database(api, world):
    api_reads, queries = reads_of_a_hit(api)
    assert len(api_reads) == 1
    assert len(api_reads[0]) == 1  # the entry
    assert len(queries) == 1
    assert "contentgeneration" in queries[0]


def test_a_hit_never_reaches_the_rest_of_the_stack(api, world):
    SeenByTheRestOfTheStack.paths.clear()
    with override_settings(MIDDLEWARE=with_recorder_after_the_cache()):
        miss = api.get(URL)
        hit = api.get(URL)
        revalidated = api.get(URL, HTTP_IF_NONE_MATCH=miss["ETag"])
    assert (miss.status_code, hit.status_code, revalidated.status_code) == (200, 200, 304)
    assert SeenByTheRestOfTheStack.paths == [URL]  # the miss only


def test_a_revalidation_is_answered_early_too(api, world):
    etag = api.get(URL)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = api.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert len(queries) == generation_reads()


def test_an_entry_of_an_older_generation_is_never_served(api, world):
    assert "Tübingen" in api.get(URL).content.decode()
    city = type(world.tubingen).objects.get(pk=world.tubingen.pk)
    city.title = "Tübingen am Neckar"
    publish(city)
    assert "Tübingen am Neckar" in api.get(URL).content.decode()


def test_each_language_has_its_own_entry(api, world):
    url = "/api/v2/pages/?type=twinning.PartnerCityPage&fields=kind"
    french = api.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    german = api.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert french.json()["items"][0]["kind"]["label"] == "Jumelage"
    assert german.json()["items"][0]["kind"]["label"] == "Städtepartnerschaft"


def test_without_the_middleware_the_views_still_serve_hits(api, world):
    with override_settings(MIDDLEWARE=[m for m in settings.MIDDLEWARE if m != MIDDLEWARE]):
        miss = api.get(URL)
        with CaptureQueriesContext(connection) as queries:
            hit = api.get(URL)
    assert len(queries) == generation_reads()
    assert hit.content == miss.content
    assert hit["ETag"] == miss["ETag"]


def test_errors_and_site_pages_are_left_alone(api, world):
    assert api.get("/api/v2/pages/?locale=xx").status_code == 400
    assert api.get("/api/v2/pages/?locale=xx").status_code == 400  # never stored
    assert api.get("/fr/").status_code == 200
