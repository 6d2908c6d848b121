"""/api/v2/changes/: what a partner syncing from the API learns, change after change.

Transactional: the feed serves only changes whose transaction has ended, as partners
reading from another connection see them (see twinning/api/changes.py).
"""

import datetime
import threading
from collections.abc import Iterator

from django.core.cache import cache
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest

from tests import factories
from tests.twinning.api.conftest import build_cities, publish, translate_snippet
from tests.twinning.api.helpers import sync, translate
from twinning.api.models import Change, ChangeLogStart
from twinning.models import Actor

FEED = "/api/v2/changes/"

# Committed changes, and the migrated data (site, home page, log start) back before each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module", autouse=True)
def database_left_as_migrated(django_db_blocker) -> Iterator[None]:
    """Put the migrated data back after the module: transactional tests end with a flush."""
    yield
    with django_db_blocker.unblock():
        for alias in connections:
            snapshot = getattr(connections[alias], "_test_serialized_contents", None)
            if snapshot and not Page.objects.using(alias).exists():
                connections[alias].creation.deserialize_db_from_string(snapshot)


@pytest.fixture
def world():
    tubingen, perugia, stories_index = build_cities()
    return tubingen, perugia, stories_index


def log_start() -> str:
    return ChangeLogStart.objects.get().started_at.isoformat()


def get(api, url: str, **params):
    response = api.get(url, params)
    assert response.status_code == 200, response.json()
    return response.json()


def read_all(api, url: str) -> tuple[list[dict], str]:
    """Every item from ``url`` on, following ``meta.next`` while it has more, and where
    to poll next."""
    items = []
    while True:
        data = get(api, url)
        items += data["items"]
        url = data["meta"]["next"]
        if not data["meta"]["has_more"]:
            return items, url


def synced(api, **params) -> str:
    """A partner's first sync: every change logged so far read; where to poll next."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return read_all(api, f"{FEED}?since={log_start()}&{query}")[1]


def summary(items: list[dict]) -> list[tuple]:
    return [(item["id"], item["locale"], item["action"]) for item in items]


def story(parent, **fields):
    return factories.ExchangeStoryPageFactory(parent=parent, **fields)


def new_actor(name: str, cities=()) -> Actor:
    """An actor saved as the admin's form saves it: its partner cities with it."""
    actor = Actor(name=name, kind="association", locale=factories.french())
    actor.partner_cities.set(cities)
    actor.save()
    return actor


def test_publish_update_unpublish_and_delete_are_told_in_order(api, world):
    tubingen, _perugia, stories_index = world
    poll = synced(api)
    page = story(stories_index, title="Chorale", partner_cities=[tubingen])
    page.summary = "Un concert."
    publish(page)
    page.unpublish()
    page.refresh_from_db()
    publish(page)
    page.delete()

    items, _next = read_all(api, poll)

    assert summary(items) == [
        (page.pk, "fr", "published"),
        (page.pk, "fr", "updated"),
        (page.pk, "fr", "unpublished"),
        (page.pk, "fr", "published"),
        (page.pk, "fr", "deleted"),
    ]
    assert {item["type"] for item in items} == {"twinning.ExchangeStoryPage"}
    # The page is gone: no URL, even for the rows of when it was there.
    assert all(item["api_url"] is None and item["html_url"] is None for item in items)
    assert items[0]["at"] <= items[-1]["at"]


def test_published_pages_come_with_their_current_urls(api, world):
    tubingen, _perugia, stories_index = world
    poll = synced(api)
    page = story(stories_index, title="Marché", slug="marche", partner_cities=[tubingen])

    [item] = get(api, poll)["items"]

    assert item["action"] == "published"
    assert item["api_url"] == f"http://localhost/api/v2/pages/{page.pk}/"
    assert item["html_url"] == "http://localhost/fr/recits/marche/"
    assert get(api, item["api_url"])["title"] == "Marché"


def test_a_move_is_told_for_the_page_and_the_pages_below_it(api, world):
    tubingen, _perugia, stories_index = world
    archives = factories.ContentPageFactory(parent=factories.home_page(), title="Archives")
    page = story(stories_index, title="Jumelage", slug="jumelage", partner_cities=[tubingen])
    poll = synced(api)

    stories_index.move(archives, pos="last-child")
    page.refresh_from_db()
    stories_index.refresh_from_db()
    page.move(stories_index, pos="first-child")  # reordered: its URL stays

    items, _next = read_all(api, poll)
    assert summary(items) == [(stories_index.pk, "fr", "moved"), (page.pk, "fr", "moved")]
    assert items[1]["html_url"] == "http://localhost/fr/archives/recits/jumelage/"


def test_a_german_translation_published_is_a_german_change(api, world):
    tubingen, _perugia, stories_index = world
    sync("de")  # German aliases of the French pages: not translations yet
    poll_de = synced(api, locale="de")
    poll = synced(api)

    tubingen_de = translate(tubingen, "de", title="Tübingen", intro="Erste Partnerstadt.")
    publish(tubingen)  # its German alias copies... nothing: a real translation now
    tubingen.unpublish()  # and its translation with it

    assert summary(read_all(api, poll_de)[0]) == [
        (tubingen_de.pk, "de", "published"),
        (tubingen_de.pk, "de", "unpublished"),
    ]
    assert summary(read_all(api, poll)[0]) == [
        (tubingen_de.pk, "de", "published"),
        (tubingen.pk, "fr", "updated"),
        (tubingen.pk, "fr", "unpublished"),
        (tubingen_de.pk, "de", "unpublished"),
    ]


def test_an_unknown_locale_is_a_400(api, world):
    response = api.get(FEED, {"since": log_start(), "locale": "xx"})
    assert response.status_code == 400
    assert response.json()["parameter"] == "locale"


def test_french_aliases_are_not_german_changes(api, world):
    tubingen, _perugia, stories_index = world
    sync("de")
    poll_de = synced(api, locale="de")

    tubingen.intro = "Nouvelle introduction."
    publish(tubingen)  # updates its German alias

    assert get(api, poll_de)["items"] == []


def test_a_restriction_hides_pages_and_its_removal_shows_them(api, world, admin_client):
    tubingen, perugia, stories_index = world
    page = story(stories_index, title="Échange", partner_cities=[perugia])
    poll = synced(api)
    privacy = reverse("wagtailadmin_pages:set_privacy", args=[stories_index.pk])

    assert admin_client.post(privacy, {"restriction_type": "login"}).status_code == 200
    publish(page)  # private now: never in the feed
    assert admin_client.post(privacy, {"restriction_type": "none"}).status_code == 200

    items, _next = read_all(api, poll)
    assert summary(items) == [
        (stories_index.pk, "fr", "unpublished"),
        (page.pk, "fr", "unpublished"),
        (stories_index.pk, "fr", "published"),
        (page.pk, "fr", "published"),
    ]
    assert items[1]["api_url"] is None
    assert items[3]["api_url"] == f"http://localhost/api/v2/pages/{page.pk}/"


def test_a_private_page_never_appears(api, world):
    _tubingen, _perugia, stories_index = world
    PageViewRestriction.objects.create(page=stories_index, restriction_type="login")
    poll = synced(api)
    secret = story(stories_index, title="Secret")
    publish(secret)
    secret.unpublish()
    publish(secret)
    Page.objects.get(pk=secret.pk).delete()

    assert read_all(api, poll)[0] == []


def test_a_page_appears_only_while_public(api, world):
    tubingen, _perugia, stories_index = world
    restriction = PageViewRestriction.objects.create(
        page=stories_index, restriction_type=PageViewRestriction.LOGIN
    )
    poll = synced(api)
    secret = story(stories_index, title="Secret", partner_cities=[tubingen])
    publish(secret)
    secret.unpublish()
    publish(secret)
    archives = factories.ContentPageFactory(parent=factories.home_page(), title="Archives")
    secret.move(archives, pos="last-child")  # out of the private section: public now
    secret.refresh_from_db()
    stories_index.refresh_from_db()
    secret.move(stories_index, pos="last-child")  # back in it
    restriction.delete()
    Page.objects.get(pk=secret.pk).delete()

    items, _next = read_all(api, poll)
    assert summary(items) == [
        (archives.pk, "fr", "published"),
        (secret.pk, "fr", "published"),  # moved out of the private section
        (secret.pk, "fr", "unpublished"),  # moved back in
        (stories_index.pk, "fr", "published"),  # the restriction removed
        (secret.pk, "fr", "published"),
        (secret.pk, "fr", "deleted"),
    ]


def test_partner_keeps_the_city_and_what_concerns_it_even_deleted(api, world):
    tubingen, perugia, stories_index = world
    poll = synced(api, partner="Q3806")
    about_tubingen = story(stories_index, title="Tübingen", partner_cities=[tubingen])
    about_perugia = story(stories_index, title="Pérouse", partner_cities=[perugia])
    publish(tubingen)
    publish(perugia)
    about_tubingen.partner_cities.set([perugia])  # no longer about Tübingen: it hears so
    publish(about_tubingen)
    Page.objects.get(pk=about_tubingen.pk).delete()
    about_perugia.delete()
    actor = new_actor("Chorale", [tubingen])
    factories.CooperationThemeFactory(name="Sport")  # concerns no city in particular

    items, _next = read_all(api, poll)
    assert summary(items) == [
        (about_tubingen.pk, "fr", "published"),
        (tubingen.pk, "fr", "updated"),
        (about_tubingen.pk, "fr", "updated"),
        (about_tubingen.pk, "fr", "deleted"),
        (actor.pk, "fr", "published"),
    ]
    assert items[-1]["type"] == "twinning.Actor"
    assert items[-1]["api_url"] == f"http://localhost/api/v2/actors/{actor.pk}/"
    response = api.get(FEED, {"since": log_start(), "partner": "Q1"})
    assert response.status_code == 400
    assert response.json()["parameter"] == "partner"


def test_actors_and_themes_and_their_translations(api, world):
    tubingen, _perugia, _stories = world
    poll = synced(api, type="twinning.Actor,twinning.CooperationTheme")
    theme = factories.CooperationThemeFactory(name="Sport")
    theme_id = theme.pk
    theme_de = translate_snippet(theme, "de", name="Sport")  # created, then saved again
    actor = new_actor("Chorale", [tubingen])
    actor.description = "Elle chante."
    actor.save()
    theme.delete()
    story(_stories, title="Hors sujet", partner_cities=[tubingen])  # another type

    items, _next = read_all(api, poll)
    assert [(i["type"], i["id"], i["locale"], i["action"]) for i in items] == [
        ("twinning.CooperationTheme", theme_id, "fr", "published"),
        ("twinning.CooperationTheme", theme_de.pk, "de", "published"),
        ("twinning.CooperationTheme", theme_de.pk, "de", "updated"),
        ("twinning.Actor", actor.pk, "fr", "published"),
        ("twinning.Actor", actor.pk, "fr", "updated"),
        ("twinning.CooperationTheme", theme_id, "fr", "deleted"),
    ]


def test_a_page_type_includes_the_types_derived_from_it(api, world):
    _tubingen, _perugia, stories_index = world
    poll = synced(api, type="wagtailcore.Page")
    page = story(stories_index, title="Récit")
    new_actor("Chorale")

    assert summary(get(api, poll)["items"]) == [(page.pk, "fr", "published")]


def test_paging_while_changes_arrive_skips_and_repeats_nothing(api, world):
    tubingen, perugia, stories_index = world
    poll = synced(api, limit=2)
    pages = [story(stories_index, title=f"Récit {n}") for n in range(5)]

    seen, url, step = [], poll, 0
    while True:
        data = get(api, url)
        seen += data["items"]
        url = data["meta"]["next"]
        if step < 4:  # a change arrives between two pages of the feed
            publish(pages[step])
            step += 1
        elif not data["meta"]["has_more"]:
            break

    everything, _next = read_all(api, f"{FEED}?since={log_start()}")
    after_sync = [item for item in everything if item["id"] in {page.pk for page in pages}]
    assert summary(seen) == summary(after_sync)
    assert len(seen) == 9
    assert get(api, url)["items"] == []


def test_a_change_shows_at_once_in_a_feed_already_cached(api, world):
    _tubingen, _perugia, stories_index = world
    poll = synced(api)
    first = api.get(poll)
    assert first.json()["items"] == []
    assert api.get(poll, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    page = story(stories_index, title="Nouveau")

    assert summary(api.get(poll).json()["items"]) == [(page.pk, "fr", "published")]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite writes one at a time")
def test_a_change_committed_late_is_not_skipped(api, world):
    """A change whose transaction is still running when later ones are read comes next."""
    tubingen, perugia, stories_index = world
    poll = synced(api)
    started, release = threading.Event(), threading.Event()

    def slow_editor():
        try:
            with transaction.atomic():
                publish(tubingen)  # logged first, committed last
                started.set()
                release.wait(30)
        finally:
            connection.close()

    editor = threading.Thread(target=slow_editor)
    editor.start()
    started.wait(30)
    try:
        publish(perugia)  # committed while Tübingen's transaction runs
        early = get(api, poll)
        assert early["items"] == []  # Pérouse waits behind the running transaction
        max_age = api.get(poll)["Cache-Control"].split("max-age=")[1].split(",")[0]
        assert int(max_age) <= 5
    finally:
        release.set()
        editor.join()
    cache.clear()

    items, _next = read_all(api, early["meta"]["next"])
    assert sorted(summary(items)) == sorted(
        [(tubingen.pk, "fr", "updated"), (perugia.pk, "fr", "updated")]
    )


def test_query_count_does_not_grow_with_the_page_size(api, world, django_assert_num_queries):
    tubingen, perugia, stories_index = world
    poll = synced(api)
    pages = [story(stories_index, title=f"Récit {n}", partner_cities=[tubingen]) for n in range(6)]
    for _round in range(9):
        for page in pages:
            publish(page)
    new_actor("Chorale")
    pages[0].unpublish()
    cache.clear()

    with CaptureQueriesContext(connection) as small:
        assert len(get(api, f"{poll}&limit=5")["items"]) == 5
    cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        assert len(get(api, f"{poll}&limit=50")["items"]) == 50


def test_since_is_checked(api, world):
    def error(**params):
        response = api.get(FEED, params)
        return response.status_code, response.json()["parameter"]

    assert error() == (400, "since")
    assert error(since="yesterday") == (400, "since")
    assert error(since="2026-05-01T08:00:00") == (400, "since")  # no time zone
    assert error(since="2026-05-01") == (400, "since")
    assert error(since=log_start(), cursor="abc") == (400, "cursor")
    assert error(cursor="not-a-cursor") == (400, "cursor")
    assert error(since=log_start(), limit="501") == (400, "limit")
    assert error(since=log_start(), type="twinning.Nope") == (400, "type")
    assert error(since=log_start(), page="2") == (400, "page")
    # A "+" of the offset that the query string turned into a space is still understood.
    assert api.get(f"{FEED}?since=2999-01-01T00:00:00+02:00").status_code == 200


def test_since_before_the_log_began_is_gone(api, world):
    response = api.get(FEED, {"since": "2020-01-01T00:00:00Z"})
    assert response.status_code == 410
    assert response.json()["parameter"] == "since"


def test_changes_older_than_the_retention_are_pruned_and_gone(api, world, settings):
    _tubingen, _perugia, stories_index = world
    long_ago = timezone.now() - datetime.timedelta(days=60)
    ChangeLogStart.objects.update(started_at=long_ago)
    Change.objects.update(at=long_ago)
    away = get(api, FEED, since=log_start(), limit="1")["meta"]["next"]  # then away 60 days
    settings.TWINNING = {**getattr(settings, "TWINNING", {}), "CHANGES_RETENTION_DAYS": 30}
    cache.clear()  # the once-an-hour pruning is due

    page = story(stories_index, title="Récit")

    assert not Change.objects.filter(at__lt=timezone.now() - datetime.timedelta(days=30))
    since = (timezone.now() - datetime.timedelta(days=40)).isoformat()
    assert api.get(FEED, {"since": since}).status_code == 410
    gone = api.get(away)
    assert (gone.status_code, gone.json()["parameter"]) == (410, "cursor")
    data = get(api, FEED, since=(timezone.now() - datetime.timedelta(days=20)).isoformat())
    assert summary(data["items"]) == [(page.pk, "fr", "published")]
    retained_from = datetime.datetime.fromisoformat(data["meta"]["retained_from"])
    assert retained_from > long_ago


def test_an_admin_unpublish_and_its_row_commit_together(api, world, admin_client):
    _tubingen, perugia, stories_index = world
    page = story(stories_index, title="Échange", partner_cities=[perugia])
    poll = synced(api)

    unpublish = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    assert admin_client.post(unpublish).status_code == 302

    items, _next = read_all(api, poll)
    assert summary(items) == [(page.pk, "fr", "unpublished")]


def test_an_admin_change_whose_row_cannot_be_written_is_not_made(world, admin_user, monkeypatch):
    """The log and the change are one transaction: a change partners would never hear of
    is rolled back, and the editor sees an error."""
    from django.test import Client

    from twinning.api import change_log

    _tubingen, perugia, stories_index = world
    page = story(stories_index, title="Échange", partner_cities=[perugia])

    def log_unavailable(rows):
        raise RuntimeError("the changes log cannot be written")

    monkeypatch.setattr(change_log, "record", log_unavailable)
    editor = Client(raise_request_exception=False)
    editor.force_login(admin_user)
    response = editor.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))

    assert response.status_code == 500
    page.refresh_from_db()
    assert page.live
    assert not Change.objects.filter(object_id=page.pk, action="unpublished").exists()
