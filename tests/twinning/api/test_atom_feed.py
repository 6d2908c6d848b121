"""The Atom feed as a feed reader parses it: the dates entries are about, the language of
each entry's text, a title in one language, plain summaries, themes and events' facts."""

import datetime
from zoneinfo import ZoneInfo

from django.test import override_settings
from django.utils import timezone

import feedparser
import pytest

from tests import factories
from tests.twinning.api.conftest import build_agenda, publish, shared
from tests.twinning.api.helpers import translate

pytestmark = pytest.mark.django_db
world = shared(build_agenda)
PARIS = ZoneInfo("Europe/Paris")
FEED = "/api/v2/feeds/stories.atom"


def read(api, query):
    response = api.get(f"{FEED}?{query}")
    assert response.status_code == 200, response.content
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed, response


def entries(api, query) -> dict:
    parsed, _response = read(api, query)
    return {entry.title: entry for entry in parsed.entries}


def instant(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text)


def test_a_story_is_published_on_the_day_it_tells_of_and_updated_when_last_published(api, world):
    [story] = entries(api, "locale=fr").values()
    # Midnight of the story's day, in the site's time zone (Aix): not the CMS's publication.
    assert instant(story.published) == datetime.datetime(2016, 5, 9, tzinfo=PARIS)
    assert instant(story.updated) == world.story.last_published_at


def test_an_event_is_published_at_its_start_and_a_call_at_its_opening(api, world):
    found = entries(api, "locale=fr&type=events,calls")
    assert instant(found["Fête de l'Europe"].published) == world.europe_day.start
    assert instant(found["Appel ouvert"].published) == world.open_call.opens_at
    assert instant(found["Appel à venir"].updated) == world.upcoming_call.last_published_at


def test_entries_come_newest_first_by_the_date_they_are_about(api, world):
    parsed, _response = read(api, "locale=fr&type=stories,events,calls")
    published = [instant(entry.published) for entry in parsed.entries]
    assert published == sorted(published, reverse=True)
    assert parsed.entries[-1].title == "Étudiants à Tübingen"  # 2016, published since


def test_the_feed_is_updated_by_its_latest_change_not_by_a_future_event(api, world):
    parsed, response = read(api, "locale=fr&type=events")
    updated = instant(parsed.feed.updated)
    assert updated == max(world.europe_day.last_published_at, world.market.last_published_at)
    assert updated <= timezone.now()


def test_a_fallback_entry_says_its_text_is_in_the_source_language(api, world):
    parsed, response = read(api, "locale=de&fallback=true&type=stories,events")
    assert response["Content-Language"] == "de"
    assert parsed.feed.title_detail.language == "de"
    found = {entry.title: entry for entry in parsed.entries}
    german = found["Studierende in Tübingen"]
    assert german.title_detail.language == german.summary_detail.language == "de"
    french = found["Fête de l'Europe"]  # not translated into German
    assert french.title_detail.language == french.summary_detail.language == "fr"


@override_settings(WAGTAIL_SITE_NAME="Aix-en-Provence — villes partenaires")
def test_the_feed_title_is_wholly_in_the_requested_language(api, world):
    home = factories.home_page()
    translate(home, "de", title="Aix-en-Provence und seine Partnerstädte")
    parsed, _response = read(api, "locale=de&partner=Q3806")
    assert (
        parsed.feed.title
        == "Austauschgeschichten mit Tübingen – Aix-en-Provence und seine Partnerstädte"
    )
    assert "villes partenaires" not in parsed.feed.title
    assert parsed.feed.subtitle == "Geschichten vom Austausch mit den Partnerstädten."
    assert parsed.feed.author == "Aix-en-Provence und seine Partnerstädte"
    # In the source language, the site's name as set.
    french, _response = read(api, "locale=fr")
    assert french.feed.title == "Récits d’échanges — Aix-en-Provence — villes partenaires"


def test_a_summary_reads_as_written(api, world):
    story = type(world.story).objects.get(pk=world.story.pk)
    story.summary = "Retour sur l'approche des échanges : <mobilité> & culture."
    publish(story)
    [entry] = read(api, "locale=fr")[0].entries
    assert entry.summary == "Retour sur l'approche des échanges : <mobilité> & culture."
    assert entry.summary_detail.type == "text/plain"


def test_themes_are_categories_named_in_the_requested_language(api, world):
    [entry] = read(api, "locale=de")[0].entries
    assert [(tag.term, tag.label) for tag in entry.tags] == [("mobility", "Mobilität")]
    [entry] = read(api, "locale=fr")[0].entries
    assert [(tag.term, tag.label) for tag in entry.tags] == [("mobility", "Mobilité")]


def test_an_event_entry_tells_when_and_where(api, world):
    event = type(world.europe_day).objects.get(pk=world.europe_day.pk)
    event.place_name = "Cours Mirabeau"
    event.start = datetime.datetime(2026, 5, 9, 10, 0, tzinfo=PARIS)
    event.end = datetime.datetime(2026, 5, 9, 18, 0, tzinfo=PARIS)
    publish(event)
    entry = entries(api, "locale=fr&type=events")["Fête de l'Europe"]
    assert instant(entry.ev_startdate) == datetime.datetime(2026, 5, 9, 8, 0, tzinfo=datetime.UTC)
    assert instant(entry.ev_enddate) == datetime.datetime(2026, 5, 9, 16, 0, tzinfo=datetime.UTC)
    assert entry.ev_location == "Cours Mirabeau"
    # Readers show the summary: it starts with the date, the times in Aix, and the place.
    assert entry.summary.startswith("9 mai 2026, 10:00 – 18:00 CEST · Cours Mirabeau\n\n")
    assert entry.summary.endswith(event.summary)


def test_an_all_day_event_entry_gives_its_days(api, world):
    event = type(world.market).objects.get(pk=world.market.pk)
    event.all_day = True
    publish(event)
    entry = entries(api, "locale=fr&type=events")["Marché international"]
    assert (entry.ev_startdate, entry.ev_enddate) == ("2026-12-04", "2026-12-06")
    assert entry.summary.startswith("4 décembre 2026 – 6 décembre 2026")
