"""Hostile input on the public pages (story index, events, timeline, search) is a page
the reader can use, never an error page: a filter that cannot be read is ignored (the
index's links may be stale) and a search that cannot be run says why in the form.

The rows are a probe's findings: unicode digits that ``str.isdigit()`` accepts and
``int()`` refuses, years ``datetime.date`` cannot hold, numbers past a 64-bit integer,
SQLite FTS5's quote, and searches of thousands of words.
"""

from django.urls import reverse
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.twinning.translation_helpers import clear_site_cache
from twinning.validators import SEARCH_MAX_TERMS

pytestmark = pytest.mark.django_db

HOSTILE_FILTERS = [
    "partner=²",
    "partner=١",
    "partner=99999999999999999999",
    f"partner={2**63}",
    "actor=²",
    "actor=99999999999999999999",
    "theme=%00",
    "year=0",
    "year=²",
    "year=" + "9" * 30,
    "year=10000",
    "audience=%00",
    "page=" + "9" * 30,
]


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


@pytest.mark.parametrize("query", HOSTILE_FILTERS)
def test_story_index_ignores_a_filter_it_cannot_read(client_fr, stories_index, story, query):
    response = client_fr.get(f"{stories_index.url}?{query}")
    assert response.status_code == 200
    assert story.title in response.content.decode()


@pytest.mark.parametrize("query", ["year=0", "year=" + "9" * 30, "partner=²"])
def test_story_index_applies_the_valid_filters_beside_a_hostile_one(
    client_fr, stories_index, story, query
):
    response = client_fr.get(f"{stories_index.url}?{query}&year=1999")
    assert response.status_code == 200
    assert story.title not in response.content.decode()


@pytest.mark.parametrize("actor", ["²", "١", "99999999999999999999", str(2**63), "0"])
def test_events_index_says_an_unreadable_actor_matches_nothing(client_fr, home, actor):
    events = factories.EventIndexPageFactory(parent=home)
    response = client_fr.get(events.url, {"actor": actor})
    assert response.status_code == 200
    with translation.override("fr"):
        notice = translation.gettext("No actor matches this address: showing every event instead.")
    assert notice in response.content.decode()


@pytest.mark.parametrize("partner", ["²", "99999999999999999999", str(2**63)])
def test_timeline_ignores_an_unreadable_partner(client_fr, cities_index, tubingen, partner):
    url = cities_index.url + cities_index.reverse_subpage("partnership_timeline")
    response = client_fr.get(url, {"partner": partner})
    assert response.status_code == 200
    assert "Signature du jumelage" in response.content.decode()


def search_page(client, q: str) -> BeautifulSoup:
    with translation.override("fr"):
        url = reverse("twinning:search")
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_titles(html: BeautifulSoup) -> list[str]:
    return [h2.get_text() for h2 in html.select(".search-result__title")]


def field_error(html: BeautifulSoup) -> str:
    field = html.find("input", attrs={"name": "q"})
    assert field["aria-invalid"] == "true"
    return html.find(id=field["aria-describedby"].split()[-1]).get_text()


@pytest.mark.parametrize("q", ['"Tübingen"', 'Tübingen"', '"Tübingen', "Tübingen*", "Tübingen:"])
def test_search_reads_database_syntax_as_plain_words(client_fr, home, tubingen, q):
    html = search_page(client_fr, q)
    assert result_titles(html) == ["Tübingen"]


@pytest.mark.parametrize("q", ['"', "NEAR(", "(", "-", "^", ":"])
def test_search_of_punctuation_alone_is_answered(client_fr, home, tubingen, q):
    html = search_page(client_fr, q)
    assert result_titles(html) == []


def test_search_of_too_many_words_says_so_in_the_form(client_fr, home, tubingen):
    html = search_page(client_fr, " ".join(["aix"] * (SEARCH_MAX_TERMS + 1)))
    with translation.override("fr"):
        expected = translation.gettext("A search has at most %(max)d words.") % {
            "max": SEARCH_MAX_TERMS
        }
    assert field_error(html) == expected
    assert result_titles(html) == []


def test_search_of_five_thousand_words_says_so_in_the_form(client_fr, home, tubingen):
    html = search_page(client_fr, " ".join(["a"] * 5000))
    assert "200" in field_error(html)  # Django's message for a field's max_length
    assert result_titles(html) == []


def test_story_index_of_an_unknown_theme_is_a_page(client_fr, stories_index, story):
    response = client_fr.get(stories_index.url, {"theme": "²"})
    assert response.status_code == 200


def test_search_of_the_largest_size_finds_the_page(client_fr, home, tubingen):
    html = search_page(client_fr, " ".join(["Tübingen"] * 22))
    assert result_titles(html) == ["Tübingen"]
