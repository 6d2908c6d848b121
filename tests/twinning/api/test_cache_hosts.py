"""Cached API responses are kept per host: they hold absolute URLs of the host they were
made for, and a host the site does not serve is refused before the cache is read."""

from django.conf import settings
from django.test import override_settings

import pytest

from tests.twinning.api.conftest import build_world, shared

pytestmark = pytest.mark.django_db
world = shared(build_world)

HOSTS = ["a.example", "b.example"]
MIDDLEWARE = "twinning.api.caching.APICacheMiddleware"
WITHOUT_THE_MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != MIDDLEWARE]


def detail(world) -> str:
    return f"/api/v2/pages/{world.tubingen.pk}/"


@pytest.fixture(params=["middleware", "views"])
def served_by(request):
    """The cache answered by APICacheMiddleware, or by the views themselves."""
    stack = settings.MIDDLEWARE if request.param == "middleware" else WITHOUT_THE_MIDDLEWARE
    with override_settings(MIDDLEWARE=stack, ALLOWED_HOSTS=HOSTS):
        yield request.param


def test_a_response_made_for_one_host_is_never_served_to_another(client, world, served_by):
    first = client.get(detail(world), HTTP_HOST="a.example")
    client.get(detail(world), HTTP_HOST="a.example")  # cached now
    other = client.get(detail(world), HTTP_HOST="b.example")
    assert first.status_code == other.status_code == 200
    assert first.json()["meta"]["detail_url"].startswith("http://a.example/")
    assert other.json()["meta"]["detail_url"].startswith("http://b.example/")
    assert "a.example" not in other.content.decode()


def test_a_cached_response_is_never_served_to_a_disallowed_host(client, world, served_by):
    url = "/api/v2/pages/?type=twinning.PartnerCityPage"
    assert client.get(url, HTTP_HOST="a.example").status_code == 200
    assert client.get(url, HTTP_HOST="a.example").status_code == 200  # a hit
    refused = client.get(url, HTTP_HOST="attacker.example")
    assert refused.status_code == 400
    assert "Tübingen" not in refused.content.decode()


def test_a_disallowed_host_is_refused_on_a_miss_too(client, world, served_by):
    response = client.get(detail(world), HTTP_HOST="attacker.example")
    assert response.status_code == 400


def test_http_and_https_responses_are_kept_apart(client, world):
    with override_settings(ALLOWED_HOSTS=HOSTS):
        plain = client.get(detail(world), HTTP_HOST="a.example")
        secure = client.get(detail(world), HTTP_HOST="a.example", secure=True)
    assert plain.json()["meta"]["detail_url"].startswith("http://a.example/")
    assert secure.json()["meta"]["detail_url"].startswith("https://a.example/")
