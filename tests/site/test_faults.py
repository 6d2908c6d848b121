"""Faults degrade, never hang: Redis and PostgreSQL of the test's own, stopped and frozen.

The site runs in gunicorn (``tests/servers.py``) against a redis-server and, for the
database faults, a PostgreSQL cluster started for the purpose, never the shared ones. Time
bounds are generous for a busy machine; each says what it stands for. libpq cannot give up
connecting sooner than 2 s (``connect_timeout``'s minimum), so a database fault answers
within 3 s.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from django.db import OperationalError
from django.test import Client

from wagtail.models import Site

import pytest
import redis as redis_py
import requests

from tests import factories
from tests.servers import Gunicorn, OwnPostgres, OwnRedis, database_url_for_servers
from twinning.api.views import PartnerPagesAPIViewSet

#: Socket timeout of the servers' Redis client in these tests, in seconds, and how long the
#: breaker keeps a failed Redis out of the way.
SOCKET_TIMEOUT = 1.0
BREAKER_SECONDS = 5
#: What one answer may take while a dependency fails: a Redis timeout plus the work itself.
REDIS_FAULT_BOUND = 3.0
#: libpq's minimum connect timeout (2 s) plus the work itself.
DATABASE_FAULT_BOUND = 3.0


def redis_env(redis: OwnRedis) -> dict[str, str]:
    return {
        "REDIS_URL": redis.url,
        "REDIS_SOCKET_TIMEOUT": str(SOCKET_TIMEOUT),
        "REDIS_CONNECT_TIMEOUT": str(SOCKET_TIMEOUT),
        "REDIS_BREAKER_SECONDS": str(BREAKER_SECONDS),
    }


def timed_get(url: str, **kwargs) -> tuple[requests.Response, float]:
    started = time.monotonic()
    response = requests.get(url, timeout=30, allow_redirects=False, **kwargs)
    return response, time.monotonic() - started


def keys_in(redis: OwnRedis) -> int:
    return redis_py.Redis.from_url(redis.url, socket_timeout=5).dbsize()


@pytest.fixture
def city(home):
    index = factories.PartnerCityIndexPageFactory(parent=home)
    return factories.tubingen_page(index)


def site_urls(server: Gunicorn, city) -> dict[str, str]:
    return {
        "city page": server.url + city.url,
        "API list": server.url + "/api/v2/pages/",
        "API detail": server.url + f"/api/v2/pages/{city.pk}/",
    }


# --- Redis ---------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_redis_stopped_frozen_and_back_the_site_answers_uncached_then_cached(city, tmp_path):
    log = tmp_path / "server.log"
    with (
        OwnRedis() as redis,
        Gunicorn(database_url_for_servers(tmp_path), env=redis_env(redis), log_file=log) as server,
    ):
        urls = site_urls(server, city)
        for name, url in urls.items():
            assert timed_get(url)[0].status_code == 200, name
        assert keys_in(redis) > 0, "Redis up: responses are cached"

        redis.stop()
        started = time.monotonic()
        for _run in range(4):
            for name, url in urls.items():
                response, took = timed_get(url)
                assert response.status_code == 200, name
                assert took < REDIS_FAULT_BOUND, f"{name} with Redis stopped took {took:.1f}s"
        uncached = time.monotonic() - started  # Redis refused at once: the work alone

        redis.start()  # empty, on the same port
        time.sleep(BREAKER_SECONDS + 0.5)
        for name, url in urls.items():
            assert timed_get(url)[0].status_code == 200, name
        assert keys_in(redis) > 0, "Redis back: responses are cached again"

        redis.freeze()
        try:
            started = time.monotonic()
            for _run in range(4):
                for name, url in urls.items():
                    response, took = timed_get(url)
                    assert response.status_code == 200, name
                    assert took < REDIS_FAULT_BOUND, f"{name} with Redis frozen took {took:.1f}s"
            frozen = time.monotonic() - started
        finally:
            redis.thaw()

    # Twelve requests, each with several cache reads: without the breaker each request
    # would wait at least one socket timeout; with it, one per interval.
    assert frozen - uncached < 12 * SOCKET_TIMEOUT / 2, (frozen, uncached)
    logged = log.read_text()
    assert logged.count("Cache unavailable") == 2, logged  # once per outage
    assert logged.count("Cache available again") == 1, logged


# --- PostgreSQL ----------------------------------------------------------------------------


def copy_test_database(postgres: OwnPostgres, tmp_path: Path) -> str:
    """The test database, committed content included, restored into ``postgres``."""
    dump = tmp_path / "site.dump"
    source = database_url_for_servers(tmp_path)
    pg_dump = postgres.bin / "pg_dump"
    subprocess.run([str(pg_dump), "-Fc", "-f", str(dump), source], check=True, timeout=120)
    target = postgres.createdb("site")
    subprocess.run(
        [str(postgres.bin / "pg_restore"), "--no-owner", "-d", target, str(dump)],
        check=True,
        timeout=300,
    )
    return target


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":")[0] not in ("postgres", "postgresql"),
    reason="the server's database is copied from the PostgreSQL test database (pg_dump); "
    "migrating a fresh cluster instead takes minutes: the PostgreSQL run covers this",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgresql_stopped_and_frozen_answers_503_fast_and_serves_the_cache(city, tmp_path):
    with OwnPostgres() as postgres, OwnRedis() as redis:
        database_url = copy_test_database(postgres, tmp_path)
        with Gunicorn(database_url, env=redis_env(redis)) as server:
            urls = site_urls(server, city)
            for name, url in urls.items():
                assert timed_get(url)[0].status_code == 200, name
            assert timed_get(server.url + "/readyz")[0].status_code == 200

            postgres.stop()
            cached, took = timed_get(urls["API detail"])
            assert cached.status_code == 200, "the API cache still answers"
            assert cached.json()["id"] == city.pk

            page, took = timed_get(urls["city page"], headers={"Accept-Language": "de"})
            assert page.status_code == 503
            assert took < DATABASE_FAULT_BOUND, f"HTML with PostgreSQL stopped took {took:.1f}s"
            assert page.headers["Retry-After"] == "30"
            assert page.headers["Cache-Control"] == "no-store"
            assert page.headers["Content-Type"].startswith("text/html")
            assert '<html lang="fr"' in page.text  # the URL's language prefix decides
            assert "css/site.css" in page.text

            api, took = timed_get(urls["API list"] + "?limit=7", headers={"Accept-Language": "de"})
            assert api.status_code == 503
            assert took < DATABASE_FAULT_BOUND, f"API with PostgreSQL stopped took {took:.1f}s"
            assert api.headers["Retry-After"] == "30"
            assert api.headers["Content-Language"] == "de"
            assert set(api.json()) == {"message"}

            assert timed_get(server.url + "/healthz")[0].status_code == 200
            ready, took = timed_get(server.url + "/readyz")
            assert ready.status_code == 503
            assert ready.json()["checks"]["database"] == {
                "ok": False,
                "error": "OperationalError",
                "ms": ready.json()["checks"]["database"]["ms"],
            }
            assert str(postgres.port) not in ready.text

            postgres.start()
            assert timed_get(urls["API list"] + "?type=twinning.PartnerCityPage")[0].ok
            assert timed_get(urls["city page"])[0].status_code == 200, "back without restart"

            postgres.freeze()
            try:
                api, took = timed_get(urls["API list"] + "?limit=5")
                assert api.status_code == 503
                assert took < DATABASE_FAULT_BOUND, f"PostgreSQL frozen: {took:.1f}s"
                page, took = timed_get(urls["city page"] + "?frozen=1")
                assert page.status_code == 503
                assert took < DATABASE_FAULT_BOUND, f"PostgreSQL frozen: {took:.1f}s"
            finally:
                postgres.thaw()
            assert timed_get(urls["city page"])[0].status_code == 200


# --- Server errors, in process -------------------------------------------------------------


@pytest.fixture
def failing_client(client):
    client.raise_request_exception = False
    client.defaults["HTTP_HOST"] = "localhost"
    return client


def raising(error: Exception):
    def fail(*args, **kwargs):
        raise error

    return fail


@pytest.mark.django_db
def test_an_api_error_is_a_json_500_not_the_html_page(failing_client: Client, monkeypatch):
    monkeypatch.setattr(PartnerPagesAPIViewSet, "listing_view", raising(RuntimeError("a bug")))
    response = failing_client.get("/api/v2/pages/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"message"}
    assert "a bug" not in response.json()["message"]
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_an_api_request_without_its_database_is_a_json_503_to_retry(
    failing_client: Client, monkeypatch
):
    monkeypatch.setattr(
        PartnerPagesAPIViewSet, "listing_view", raising(OperationalError("server closed"))
    )
    response = failing_client.get("/api/v2/pages/?locale=de")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Language"] == "de"
    assert "server closed" not in response.json()["message"]


@pytest.mark.django_db
def test_a_page_error_is_the_html_500_page(failing_client: Client, monkeypatch):
    monkeypatch.setattr(Site, "find_for_request", raising(RuntimeError("a bug")))
    response = failing_client.get("/fr/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert "Something went wrong" in response.content.decode()


@pytest.mark.django_db
def test_a_page_without_its_database_is_a_503_page_in_the_readers_language(
    failing_client: Client, monkeypatch
):
    monkeypatch.setattr(Site, "find_for_request", raising(OperationalError("server closed")))
    response = failing_client.get("/de/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "server closed" not in html


def test_the_503_page_renders_without_the_database():
    """No django_db mark: a query while rendering it would raise."""
    from django.template import loader

    html = loader.get_template("503.html").render({"stylesheet_url": "/static/css/site.css"})
    assert "site.css" in html
    assert "<h1>" in html


# --- The cache backend, in process ---------------------------------------------------------

recovered: list[str] = []


def note_recovery() -> None:
    """An ON_RECOVERY callable: what the site does there is retire the API cache."""
    recovered.append("recovered")


def fail_open_cache(redis: OwnRedis, breaker_seconds: float):
    from cms.cache import FailOpenRedisCache

    return FailOpenRedisCache(
        redis.url,
        {
            "KEY_PREFIX": f"faults-{time.monotonic_ns()}",
            "OPTIONS": {
                "socket_timeout": 0.5,
                "BREAKER_SECONDS": breaker_seconds,
                "ON_RECOVERY": [f"{__name__}.note_recovery"],
            },
        },
    )


def test_a_dead_redis_is_a_miss_and_invalidations_dropped_meanwhile_are_made_up(caplog):
    recovered.clear()
    with OwnRedis() as redis:
        cache = fail_open_cache(redis, breaker_seconds=1)
        cache.set("generation", 1)
        assert cache.get("generation") == 1

        redis.stop()
        with caplog.at_level("WARNING", logger="cms.cache"):
            assert cache.get("generation", "missing") == "missing"
            assert cache.get_many(["generation"]) == {}
            assert cache.add("other", 1) is False
            with pytest.raises(ValueError):
                cache.incr("generation")  # so callers fall back to set(), a no-op here
            cache.set("generation", 2)  # a dropped write: maybe an invalidation
        assert [r.message for r in caplog.records].count(caplog.records[0].message) == 1
        assert "Cache unavailable" in caplog.records[0].message
        assert recovered == []

        redis.start()  # empty here; a Redis back from a freeze or a network cut is not
        time.sleep(1.2)
        assert cache.get("generation") is None
        assert recovered == ["recovered"], "run once, before the first read after recovery"
        cache.get("generation")
        assert recovered == ["recovered"]


# --- Settings ------------------------------------------------------------------------------


def settings_in_subprocess(env: dict[str, str], expression: str) -> str:
    environ = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", **env}
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    done = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_postgresql_gives_up_connecting_after_2_s_and_cancels_statements_after_30_s():
    options = settings_in_subprocess(
        {"DATABASE_URL": "postgres://site@db.example:5432/site?sslmode=require"},
        'settings.DATABASES["default"]["OPTIONS"]',
    )
    assert options == (
        "{'sslmode': 'require', 'connect_timeout': 2, 'options': '-c statement_timeout=30000'}"
    )


def test_redis_fails_open_with_short_timeouts_from_the_environment():
    cache = settings_in_subprocess(
        {"REDIS_URL": "redis://cache.example:6379/0", "REDIS_SOCKET_TIMEOUT": "0.1"},
        '(settings.CACHES["default"]["BACKEND"], settings.CACHES["default"]["OPTIONS"])',
    )
    assert cache.startswith("('cms.cache.FailOpenRedisCache', {'socket_timeout': 0.1,")
