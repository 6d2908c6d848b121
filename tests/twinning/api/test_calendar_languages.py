"""Calendars say in which language each text is when it is not the calendar's, and give
timed events' instants unambiguously."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests import factories
from tests.twinning.api.conftest import build_agenda, publish, shared
from tests.twinning.api.helpers import translate

pytestmark = pytest.mark.django_db
world = shared(build_agenda)
PARIS = ZoneInfo("Europe/Paris")


def calendar(api, url):
    response = api.get(url)
    assert response.status_code == 200, response.content
    parsed = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in parsed.walk("VEVENT")}, response


def uid(page, kind="event"):
    return f"{kind}-{page.translation_key}@localhost"


def language(event, name):
    return event[name].params.get("LANGUAGE")


def test_an_untranslated_event_in_a_german_calendar_is_marked_french(api, world):
    market = type(world.market).objects.get(pk=world.market.pk)
    market.place_name = "Cours Mirabeau"
    publish(market)
    translate(world.europe_day, "de", title="Europatag", summary="Der Europatag in Aix.")
    events, response = calendar(api, "/api/v2/events.ics?locale=de")
    assert response["Content-Language"] == "de"
    french = events[uid(world.market)]
    assert str(french["SUMMARY"]) == "Marché international"
    assert [language(french, name) for name in ("SUMMARY", "DESCRIPTION", "LOCATION")] == [
        "fr",
        "fr",
        "fr",
    ]
    german = events[uid(world.europe_day)]
    assert str(german["SUMMARY"]) == "Europatag"
    assert language(german, "SUMMARY") is None and language(german, "DESCRIPTION") is None


def test_a_french_calendar_needs_no_language_parameter(api, world):
    events, response = calendar(api, "/api/v2/events.ics?locale=fr")
    assert response["Content-Language"] == "fr"
    assert all(language(event, "SUMMARY") is None for event in events.values())


def test_an_untranslated_call_in_a_partner_calendar_is_wholly_french_and_says_so(api, world):
    events, response = calendar(api, f"/api/v2/partners/{world.tubingen.pk}/calendar.ics?locale=de")
    assert response["Content-Language"] == "de"
    opens = events[uid(world.open_call, "call-opens")]
    # Its label too: "Beginn des Aufrufs: Appel ouvert" would be half German, half French.
    summary = str(opens["SUMMARY"])
    assert summary.startswith("Ouverture de l’appel") and summary.endswith(": Appel ouvert")
    assert language(opens, "SUMMARY") == language(opens, "DESCRIPTION") == "fr"


def test_a_translated_call_in_a_partner_calendar_has_no_language_parameter(api, world):
    translate(world.open_call, "de", title="Offener Aufruf", summary="Ein Aufruf.")
    events, _response = calendar(
        api, f"/api/v2/partners/{world.tubingen.pk}/calendar.ics?locale=de"
    )
    opens = events[uid(world.open_call, "call-opens")]
    assert str(opens["SUMMARY"]) == "Beginn des Aufrufs: Offener Aufruf"
    assert language(opens, "SUMMARY") is None


def test_an_untranslated_city_brings_its_milestones_in_french_and_its_events_in_german(api, world):
    # Pérouse has no German page: its milestones come in French; the market has one.
    factories.PartnershipMilestoneFactory(
        page=world.perugia, date="1970-05-09", title="Signature du jumelage avec Pérouse"
    )
    translate(world.market, "de", title="Internationaler Markt", summary="Ein Markt.")
    events, response = calendar(api, f"/api/v2/partners/{world.perugia.pk}/calendar.ics?locale=de")
    assert response["Content-Language"] == "de"
    market = events[uid(world.market)]
    assert str(market["SUMMARY"]) == "Internationaler Markt"
    assert language(market, "SUMMARY") is None
    [signing] = [event for key, event in events.items() if key.startswith("milestone-")]
    assert str(signing["SUMMARY"]) == "Signature du jumelage avec Pérouse"
    assert language(signing, "SUMMARY") == language(signing, "CATEGORIES") == "fr"
    assert str(signing["CATEGORIES"].cats[0]) == "Signature"


def test_a_calendar_without_locale_is_in_the_language_of_the_page_named(api, world):
    _events, response = calendar(api, f"/api/v2/partners/{world.tubingen_de.pk}/calendar.ics")
    assert response["Content-Language"] == "de"


def test_a_timed_event_gives_its_instant_in_utc(api, world):
    index = world.market.get_parent()
    meeting = publish(
        factories.EventPageFactory(
            parent=index,
            title="Réunion d'information",
            start=datetime.datetime(2026, 9, 17, 18, 30, tzinfo=PARIS),
            end=datetime.datetime(2026, 9, 17, 20, 0, tzinfo=PARIS),
        )
    )
    events, _response = calendar(api, "/api/v2/events.ics?locale=de")
    event = events[uid(meeting)]
    assert event.decoded("DTSTART") == meeting.start
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)
    assert "DTSTART:20260917T163000Z" in event.to_ical().decode()
    assert "DTEND:20260917T180000Z" in event.to_ical().decode()
