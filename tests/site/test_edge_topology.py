"""Two app servers behind one Varnish: what an editor does on one is what every reader gets.

The topology of a deployment, on loopback: two gunicorn instances (A and B) with the
production settings, sharing the database and a Redis of the test's own (their server
cache), behind varnishd running the shipped VCL (docs/deploy/varnish/twinning.vcl), which
the instances purge by tag (``EDGE_PURGE_URLS``). Editors work in A's admin; readers come
through the edge, or straight to B.

Transactional: the servers read what the test committed (on SQLite, a file copy that they
share: from then on only the servers write).
"""

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import global_settings
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

import pytest
import requests

from tests import factories
from tests.servers import (
    HOST,
    ROOT,
    Gunicorn,
    OwnRedis,
    OwnVarnish,
    database_url_for_servers,
    free_port,
    needs_varnish,
)
from tests.site.test_privacy_across_processes import PASSWORD, admin_session, set_privacy
from tests.twinning.page_form_data import city_form_data, publish
from tests.twinning.translation_helpers import alias

pytestmark = [needs_varnish, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PRODUCTION = "cms.settings.production"
#: How long a retried purge may take to come: the first retry waits 2.5 to 5 s (backoff),
#: the worker looks for due tasks every fraction of a second; generous for a busy machine.
RETRY_BOUND = 60


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    """collectstatic's output, once: production serves static files by their hashed names."""
    root = tmp_path_factory.mktemp("static")
    done = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity=0"],
        cwd=ROOT,
        env={**os.environ, **production_env(root), "DATABASE_URL": "sqlite:///:memory:"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return root


def production_env(static_root: Path, **extra: str) -> dict[str, str]:
    """The production settings as on a loopback machine: a strong throwaway key, plain HTTP."""
    return {
        "DJANGO_SETTINGS_MODULE": PRODUCTION,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOW_SQLITE_IN_PRODUCTION": "true",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_SECURE_COOKIES": "false",
        "STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


@dataclass
class Site:
    city: object
    german: object  # the city's German version: an alias, showing the French content


@dataclass
class Topology:
    a: Gunicorn
    b: Gunicorn
    edge: OwnVarnish
    env: dict[str, str]


@pytest.fixture
def site(home) -> Site:
    index = factories.PartnerCityIndexPageFactory(parent=home, title="Villes", slug="villes")
    city = factories.tubingen_page(index)
    german = alias(city, "de")
    # Hashed as production hashes it (the test settings' hasher is not among its own).
    with override_settings(PASSWORD_HASHERS=global_settings.PASSWORD_HASHERS):
        get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    return Site(city, german)


@pytest.fixture
def topology(site, static_root, tmp_path) -> Iterator[Topology]:
    database_url = database_url_for_servers(tmp_path)
    with (
        OwnRedis() as redis,
        OwnVarnish(backends=[(HOST, free_port()), (HOST, free_port())]) as edge,
    ):
        env = production_env(
            static_root,
            DATABASE_URL=database_url,
            REDIS_URL=redis.url,
            MEDIA_ROOT=str(tmp_path / "media"),  # one folder for both: shared media
            EDGE_PURGE_URLS=edge.purge_url,
        )
        (_, port_a), (_, port_b) = edge.backends
        with (
            Gunicorn(database_url, settings=PRODUCTION, port=port_a, env=env) as a,
            Gunicorn(database_url, settings=PRODUCTION, port=port_b, env=env) as b,
        ):
            wait_until_healthy(edge)
            yield Topology(a, b, edge, env)


def wait_until_healthy(edge: OwnVarnish, timeout: float = 60) -> None:
    """Until Varnish's probes find both app servers up (they were probed while booting)."""
    deadline = time.monotonic() + timeout
    answered = 0
    while answered < 4 and time.monotonic() < deadline:
        answered = answered + 1 if get(edge.url, "/healthz").status_code == 200 else 0
        time.sleep(0.25)
    assert answered == 4, "the edge does not reach the app servers"


def get(base_url: str, path: str, **kwargs) -> requests.Response:
    return requests.get(base_url + path, allow_redirects=False, timeout=30, **kwargs)


def urls_of(site: Site) -> dict[str, str]:
    """Every URL showing the city's title: its page in both languages, the API's detail and
    list."""
    return {
        "page (fr)": site.city.url,
        "page (de)": site.german.url,
        "API detail": f"/api/v2/pages/{site.city.pk}/",
        "API list": "/api/v2/pages/?type=twinning.PartnerCityPage&locale=fr&fields=title",
    }


def shows(response: requests.Response, title: str) -> bool:
    assert response.status_code == 200, (response.status_code, response.text[:300])
    return title in response.text


def titles_shown(base_url: str, site: Site, title: str) -> dict[str, bool]:
    return {name: shows(get(base_url, path), title) for name, path in urls_of(site).items()}


def warm(topology: Topology, site: Site) -> None:
    """Every URL in the edge (a hit the second time) and in B's server cache."""
    for path in urls_of(site).values():
        get(topology.edge.url, path)
        assert get(topology.edge.url, path).headers["X-Cache"] == "HIT", path
        get(topology.b.url, path)


def publish_title(editor: requests.Session, server: Gunicorn, page, title: str) -> None:
    """Publish a new title of ``page`` from the page editor of ``server``."""
    url = server.url + reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = publish(city_form_data(title=title, milestones=[]))
    data["csrfmiddlewaretoken"] = editor.cookies["csrftoken"]
    response = editor.post(
        url, data=data, headers={"Referer": url}, allow_redirects=False, timeout=30
    )
    # Published: off to the explorer (a form with errors would be shown again, a 200).
    assert response.status_code == 302, response.text[:2000]
    assert response.headers["Location"] != url


def everywhere(site: Site) -> dict[str, bool]:
    return dict.fromkeys(urls_of(site), True)


def test_a_publish_on_a_is_seen_at_once_through_the_edge_and_on_b(topology, site):
    warm(topology, site)
    assert titles_shown(topology.edge.url, site, "Tübingen") == everywhere(site)

    editor = admin_session(topology.a)
    publish_title(editor, topology.a, site.city, "Tübingen am Neckar")

    assert titles_shown(topology.edge.url, site, "Tübingen am Neckar") == everywhere(site)
    assert titles_shown(topology.b.url, site, "Tübingen am Neckar") == everywhere(site)


def test_no_stale_response_after_each_of_several_publishes(topology, site):
    editor = admin_session(topology.a)
    for number in range(1, 4):
        warm(topology, site)
        title = f"Tübingen, édition {number}"
        publish_title(editor, topology.a, site.city, title)
        for name, path in urls_of(site).items():
            response = get(topology.edge.url, path)
            assert response.headers["X-Cache"] == "MISS", name  # purged, fetched again
            assert shows(response, title), name


def test_a_failed_purge_never_fails_the_publish_and_is_tried_again(topology, site):
    warm(topology, site)
    editor = admin_session(topology.a)
    page = urls_of(site)["page (fr)"]

    topology.edge.stop()
    publish_title(editor, topology.a, site.city, "Tübingen am Neckar")  # the edge is down
    assert shows(get(topology.b.url, page), "Tübingen am Neckar")

    topology.edge.start()  # empty: what it gets now is fresh
    assert titles_shown(topology.edge.url, site, "Tübingen am Neckar") == everywhere(site)
    assert get(topology.edge.url, page).headers["X-Cache"] == "HIT"

    # The worker beside the servers, as in production, runs the purge queued when the
    # edge was down: the copy kept since goes, with no new publish.
    worker = subprocess.Popen(
        [
            sys.executable, "manage.py", "db_worker", "--queue-name", "*",
            "--interval", "0.2", "--no-startup-delay", "--verbosity", "0",
        ],
        cwd=ROOT,
        env={**os.environ, **topology.env},
    )  # fmt: skip
    try:
        deadline = time.monotonic() + RETRY_BOUND
        cache = "HIT"
        while cache == "HIT" and time.monotonic() < deadline:
            time.sleep(0.5)
            response = get(topology.edge.url, page)
            cache = response.headers["X-Cache"]
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert cache == "MISS", "the purge was not tried again"
    assert shows(response, "Tübingen am Neckar")


def test_the_admin_and_previews_are_never_cached(topology, site):
    edge = topology.edge.url
    for _ in range(2):
        response = get(edge, reverse("wagtailadmin_home"))
        assert response.status_code == 302  # to the login form
        assert response.headers["X-Cache"] in {"MISS", "PASS"}
    login = reverse("wagtailadmin_login")
    assert [get(edge, login).headers["X-Cache"] for _ in range(2)] == ["PASS", "PASS"]

    editor = admin_session(topology.edge)  # signed in through the edge
    assert [
        editor.get(edge + reverse("wagtailadmin_home"), timeout=30).headers["X-Cache"]
        for _ in range(2)
    ] == ["PASS", "PASS"]

    preview = edge + reverse("wagtailadmin_pages:preview_on_edit", args=[site.city.pk])
    data = city_form_data(title="Tübingen (brouillon)", milestones=[])
    data["csrfmiddlewaretoken"] = editor.cookies["csrftoken"]
    stored = editor.post(preview, data=data, headers={"Referer": preview}, timeout=30)
    assert stored.json()["is_valid"] is True
    shown = [editor.get(preview, timeout=30) for _ in range(2)]
    assert [r.headers["X-Cache"] for r in shown] == ["PASS", "PASS"]
    assert all("Tübingen (brouillon)" in r.text for r in shown)

    # Readers never get the draft.
    assert not shows(get(edge, site.city.url), "brouillon")


def test_a_page_restricted_in_the_admin_is_not_served_by_the_edge_to_readers(topology, site):
    warm(topology, site)
    editor = admin_session(topology.a)
    privacy = topology.a.url + reverse("wagtailadmin_pages:set_privacy", args=[site.city.pk])

    set_privacy(editor, privacy, "login")

    edge = topology.edge.url
    page = get(edge, site.city.url)
    assert page.status_code == 302 and "login" in page.headers["Location"]
    assert get(edge, f"/api/v2/pages/{site.city.pk}/").status_code == 404
    listed = get(edge, urls_of(site)["API list"]).json()["items"]
    assert site.city.pk not in {item["id"] for item in listed}
    assert get(edge, site.city.url).status_code == 302  # and not kept as a 200 since
