"""Events and calls for projects in the partners' calendars and the site-wide events.ics."""

import datetime
from xml.etree import ElementTree

from django.utils import timezone

import pytest
from icalendar import Calendar

from tests import factories
from tests.twinning.api.conftest import DAY, build_agenda, publish, shared

pytestmark = pytest.mark.django_db
world = shared(build_agenda)
ATOM = "{http://www.w3.org/2005/Atom}"
PARIS = datetime.timezone(datetime.timedelta(hours=1))


def calendar(api, url):
    response = api.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/calendar")
    parsed = Calendar.from_ical(response.content)
    assert str(parsed["VERSION"]) == "2.0"
    return parsed, response


def by_uid(parsed):
    return {str(event["UID"]): event for event in parsed.walk("VEVENT")}


def summaries(parsed):
    return sorted(str(event["SUMMARY"]) for event in parsed.walk("VEVENT"))


def partner_calendar(api, city, query=""):
    return calendar(api, f"/api/v2/partners/{city.pk}/calendar.ics{query}")


def uids(world, *names):
    """The calendar UIDs of the events (``event-``) and calls (opening and closing) named."""
    found = set()
    for name in names:
        page = getattr(world, name)
        if name.endswith("_call"):
            found |= {f"call-{day}-{page.translation_key}@localhost" for day in ("opens", "closes")}
        else:
            found.add(f"event-{page.translation_key}@localhost")
    return found


def test_partner_calendar_has_its_events_and_the_calls_open_to_it(api, world):
    parsed, _response = partner_calendar(api, world.tubingen)
    events = by_uid(parsed)
    signing = {uid for uid in events if uid.startswith("milestone-")}
    assert len(signing) == 1
    assert set(events) - signing == uids(world, "europe_day", "open_call", "upcoming_call")
    call_days = [events[uid] for uid in uids(world, "open_call")]
    assert all("Appel ouvert" in str(event["SUMMARY"]) for event in call_days)


def test_other_partner_gets_its_own_events_and_calls_open_to_all_but_no_closed_call(api, world):
    parsed, _response = partner_calendar(api, world.perugia)
    assert set(by_uid(parsed)) == uids(world, "market", "upcoming_call")


def test_call_days_are_the_opening_day_and_the_last_day_to_apply(api, world):
    index = world.open_call.get_parent()
    call = publish(
        factories.ProjectCallPageFactory(
            parent=index,
            title="Appel de printemps",
            # Midnight in Aix opens the call on the 2nd and closes it after the 30th.
            opens_at=datetime.datetime(2027, 3, 2, 0, 0, tzinfo=PARIS),
            closes_at=datetime.datetime(
                2027, 4, 1, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
            ),
        )
    )
    events = by_uid(partner_calendar(api, world.perugia)[0])
    host = "localhost"
    opens = events[f"call-opens-{call.translation_key}@{host}"]
    closes = events[f"call-closes-{call.translation_key}@{host}"]
    assert opens.decoded("DTSTART") == datetime.date(2027, 3, 2)
    assert closes.decoded("DTSTART") == datetime.date(2027, 3, 31)
    assert closes.decoded("DTEND") == datetime.date(2027, 4, 1)


def test_partner_calendar_expires_when_a_call_opens(api, world):
    _parsed, response = partner_calendar(api, world.tubingen)
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age <= (world.upcoming_call.opens_at - timezone.now()).total_seconds()


def test_closed_call_leaves_the_calendar_when_the_clock_passes_its_deadline(
    api, world, monkeypatch
):
    after = world.open_call.closes_at + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: after)
    assert set(by_uid(partner_calendar(api, world.tubingen)[0])).isdisjoint(
        uids(world, "open_call")
    )


def test_timed_events_are_in_utc(api, world):
    events = by_uid(calendar(api, "/api/v2/events.ics")[0])
    market = events[f"event-{world.market.translation_key}@localhost"]
    start = market.decoded("DTSTART")
    assert start == world.market.start
    assert start.utcoffset() == datetime.timedelta(0)
    assert "DTSTART:20261204T090000Z" in market.to_ical().decode()


def test_site_calendar_has_upcoming_and_past_year_events_but_not_older(api, world):
    index = world.market.get_parent()
    old = publish(
        factories.EventPageFactory(
            parent=index,
            title="Marché de 2020",
            start=timezone.now() - 400 * DAY,
            end=timezone.now() - 399 * DAY,
        )
    )
    parsed, response = calendar(api, "/api/v2/events.ics?locale=fr")
    assert summaries(parsed) == ["Fête de l'Europe", "Marché international"]
    assert old.title.encode() not in response.content


def test_site_calendar_keeps_uids_across_languages_and_falls_back(api, world):
    french = set(by_uid(calendar(api, "/api/v2/events.ics?locale=fr")[0]))
    german = set(by_uid(calendar(api, "/api/v2/events.ics?locale=de")[0]))
    assert german == french
    empty, _response = calendar(api, "/api/v2/events.ics?locale=de&fallback=false")
    assert summaries(empty) == []


def test_site_calendar_never_shows_a_draft(api, world):
    index = world.market.get_parent()
    draft = factories.EventPageFactory(parent=index, title="Projet secret", live=False)
    _parsed, response = calendar(api, "/api/v2/events.ics")
    assert draft.title.encode() not in response.content


@pytest.mark.parametrize(("query", "parameter"), [("locale=xx", "locale"), ("from=2026", "from")])
def test_site_calendar_rejects_bad_parameters(api, world, query, parameter):
    response = api.get(f"/api/v2/events.ics?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def feed_titles(api, query):
    response = api.get(f"/api/v2/feeds/stories.atom?{query}")
    assert response.status_code == 200, response.content
    root = ElementTree.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def test_feed_carries_stories_by_default(api, world):
    assert feed_titles(api, "locale=fr") == ["Étudiants à Tübingen"]


def test_feed_type_adds_events_and_calls(api, world):
    titles = feed_titles(api, "locale=fr&type=events,calls")
    assert sorted(titles) == sorted(
        ["Fête de l'Europe", "Marché international", "Appel ouvert", "Appel à venir", "Appel clos"]
    )
    assert "Étudiants à Tübingen" in feed_titles(api, "locale=fr&type=stories,events")


def test_feed_of_a_partner_keeps_its_events_and_the_calls_open_to_it(api, world):
    titles = feed_titles(api, "locale=fr&type=events,calls&partner=Q3437")
    assert sorted(titles) == sorted(["Marché international", "Appel à venir", "Appel clos"])


@pytest.mark.parametrize("value", ["news", "stories,news", ""])
def test_feed_rejects_an_unknown_type(api, world, value):
    response = api.get(f"/api/v2/feeds/stories.atom?type={value}")
    assert response.status_code == 400
    assert response.json()["parameter"] == "type"
