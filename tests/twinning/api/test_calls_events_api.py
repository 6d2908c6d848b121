"""Calls for projects and events through /api/v2/pages/: fields and filters."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from tests.twinning.api.conftest import build_agenda, shared

pytestmark = pytest.mark.django_db

CALLS = "/api/v2/pages/?type=twinning.ProjectCallPage"
EVENTS = "/api/v2/pages/?type=twinning.EventPage"
DAY = datetime.timedelta(days=1)


world = shared(build_agenda)


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_call_detail_shows_its_dates_status_and_partner_cities(api, world):
    response = api.get(f"/api/v2/pages/{world.open_call.pk}/")
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "open"
    assert datetime.datetime.fromisoformat(data["closes_at"]) == world.open_call.closes_at
    assert [city["id"] for city in data["partner_cities"]] == [world.tubingen.pk]
    assert [theme["slug"] for theme in data["themes"]] == ["mobility"]
    assert data["apply_email"] == "international@example.org"


def test_event_detail_shows_when_and_where(api, world):
    data = api.get(f"/api/v2/pages/{world.market.pk}/").json()
    assert datetime.datetime.fromisoformat(data["start"]) == world.market.start
    assert datetime.datetime.fromisoformat(data["end"]) == world.market.end
    assert data["all_day"] is False
    assert [city["id"] for city in data["partner_cities"]] == [world.perugia.pk]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("open", {"open_call"}),
        ("upcoming", {"upcoming_call"}),
        ("closed", {"closed_call"}),
        ("open,upcoming", {"open_call", "upcoming_call"}),
    ],
)
def test_status_filters_calls_by_their_dates_now(api, world, status, expected):
    response = api.get(f"{CALLS}&locale=fr&status={status}")
    assert ids(response) == {getattr(world, name).pk for name in expected}
    assert {item["status"] for item in response.json()["items"]} == set(status.split(","))


def test_call_status_follows_the_clock_without_a_new_publication(api, world, monkeypatch):
    later = world.open_call.closes_at + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert ids(api.get(f"{CALLS}&status=closed")) == {world.open_call.pk, world.closed_call.pk}


def test_cached_call_list_expires_when_a_call_opens_or_closes(api, world):
    response = api.get(f"{CALLS}&status=open")
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    until_opening = (world.upcoming_call.opens_at - timezone.now()).total_seconds()
    assert max_age <= until_opening


def test_status_still_means_partnership_status_for_cities(api, world):
    response = api.get("/api/v2/pages/?type=twinning.PartnerCityPage&status=open")
    assert response.status_code == 400
    assert response.json()["parameter"] == "status"


def test_unknown_call_status_is_a_400_naming_status(api, world):
    response = api.get(f"{CALLS}&status=soon")
    assert response.status_code == 400
    assert response.json()["parameter"] == "status"
    assert "upcoming" in response.json()["message"]


def test_partner_lists_the_calls_naming_the_city_and_those_open_to_all(api, world):
    found = ids(api.get(f"{CALLS}&partner=Q3806"))
    assert found == {world.open_call.pk, world.upcoming_call.pk}


def test_theme_filters_calls_and_events(api, world):
    assert ids(api.get(f"{CALLS}&theme=mobility")) == {world.open_call.pk}
    assert ids(api.get(f"{EVENTS}&theme=culture")) == {world.europe_day.pk}


def test_partner_filters_events(api, world):
    assert ids(api.get(f"{EVENTS}&partner=Q3437")) == {world.market.pk}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("start_from=2026-12-01", {"market"}),
        ("start_to=2026-05-09", {"europe_day"}),
        ("start_from=2026-05-09&start_to=2026-05-09", {"europe_day"}),
        ("start_from=2026-05-09T09:00:00Z", {"market"}),
        ("start_from=2026-05-09T10:00:00%2B02:00", {"europe_day", "market"}),
        ("start_from=2026-05-09T10:01:00%2B02:00", {"market"}),
        ("start_from=2026-05-09T09:00:00+01:00", {"europe_day", "market"}),
        ("start_to=2026-05-09T07:59:00Z", set()),
    ],
)
def test_start_from_and_start_to_take_dates_or_date_times(api, world, query, expected):
    found = ids(api.get(f"{EVENTS}&{query}"))
    assert found == {getattr(world, name).pk for name in expected}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("start_from=2026-13-01", "start_from"),
        ("start_from=tomorrow", "start_from"),
        ("start_to=2026-05-09T25:00", "start_to"),
        ("start_from=2026-06-01&start_to=2026-05-01", "start_to"),
    ],
)
def test_malformed_event_dates_are_a_400_naming_the_parameter(api, world, query, parameter):
    response = api.get(f"{EVENTS}&{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def test_start_from_on_another_page_type_is_a_400(api, world):
    response = api.get(f"{CALLS}&start_from=2026-01-01")
    assert response.status_code == 400
    assert response.json()["parameter"] == "start_from"


def test_event_list_shows_dates_by_default(api, world):
    items = api.get(f"{EVENTS}&locale=fr").json()["items"]
    assert {item["title"]: item["all_day"] for item in items} == {
        "Fête de l'Europe": False,
        "Marché international": False,
    }
    assert all(item["start"] and item["end"] for item in items)


def test_list_of_calls_costs_the_same_queries_whatever_its_length(api, world):
    api.get(f"{CALLS}&limit=1&locale=fr")  # warm the site and locale caches
    counts = []
    for limit in (1, 3):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert len(api.get(f"{CALLS}&limit={limit}&locale=fr").json()["items"]) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_event_names_its_organiser_with_a_link_to_the_actor(api, world):
    data = api.get(f"/api/v2/pages/{world.europe_day.pk}/").json()
    assert data["organiser"]["name"] == "Chorale du Pays d'Aix"
    actor = api.get(data["organiser"]["detail_url"])
    assert actor.status_code == 200
    assert actor.json()["email"] == "chorale@example.org"
    assert api.get(f"/api/v2/pages/{world.market.pk}/").json()["organiser"] is None


def test_list_of_events_with_every_field_costs_the_same_queries_whatever_its_length(api, world):
    query = f"{EVENTS}&fields=*&locale=fr"
    api.get(f"{query}&limit=1")
    counts = []
    for limit in (1, 2):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert len(api.get(f"{query}&limit={limit}").json()["items"]) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1]
