"""Pages not translated yet are listed in other languages with their French text marked.

wagtail-localize fills each language's tree with aliases of the French pages: a German
listing shows them with French titles and summaries. The element holding that text says
``lang="fr"`` (screen readers switch voice, browsers hyphenate and translate it right),
and links to them say ``hreflang="fr"``: the page behind is in French too.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.twinning.translation_helpers import alias, clear_site_cache, translate


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


def soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def link_to(html: BeautifulSoup, title: str):
    link = html.find("a", string=title)
    assert link is not None, f"no link {title!r}"
    return link


def card_of(html: BeautifulSoup, title: str):
    return link_to(html, title).find_parent("article")


def french_story(stories_index, title: str, tubingen, days: int = 0):
    return factories.ExchangeStoryPageFactory(
        parent=stories_index,
        title=title,
        date=datetime.date(2016, 5, 9) + datetime.timedelta(days=days),
        partner_cities=[tubingen],
    )


@pytest.fixture
def german_stories(home, stories_index, tubingen):
    """A German tree as after a sync: one story translated, one still an alias."""
    translated = french_story(stories_index, "Étudiants à Tübingen", tubingen, days=1)
    untranslated = french_story(stories_index, "La chorale à Tübingen", tubingen)
    german_index = translate(stories_index, "de", title="Austauschgeschichten")
    german = translate(translated, "de", title="Studierende in Tübingen")
    german.summary = "Zwanzig Studierende in Tübingen."
    german.save_revision().publish()
    return german_index, german, alias(untranslated, "de")


def test_untranslated_story_in_a_german_listing_is_marked_french(client_fr, german_stories):
    german_index, _german, _alias = german_stories
    html = soup(client_fr, german_index.url)

    link = link_to(html, "La chorale à Tübingen")
    assert link["lang"] == "fr"
    assert link["hreflang"] == "fr"
    summary = card_of(html, "La chorale à Tübingen").find_all("p")[-1]
    assert summary["lang"] == "fr"
    assert "chorale" in summary.get_text()
    # The date and the audience are the site's words, in German: not marked.
    assert not card_of(html, "La chorale à Tübingen").find("p", class_="card__meta").get("lang")


def test_translated_story_in_its_own_language_is_not_marked(client_fr, german_stories):
    german_index, _german, _alias = german_stories
    card = card_of(soup(client_fr, german_index.url), "Studierende in Tübingen")
    assert not card.find_all(attrs={"lang": True})
    assert not card.find_all(attrs={"hreflang": True})


def test_nothing_is_marked_in_the_french_listing(client_fr, german_stories, stories_index):
    html = soup(client_fr, stories_index.url)
    for card in html.find_all("article", class_="story-card"):
        assert not card.find_all(attrs={"lang": True})


def test_untranslated_stories_on_a_german_city_page_are_marked(client_fr, german_stories, tubingen):
    german_city = translate(tubingen, "de", title="Tübingen")
    html = soup(client_fr, german_city.url)
    assert link_to(html, "La chorale à Tübingen")["lang"] == "fr"
    assert not link_to(html, "Studierende in Tübingen").get("lang")


def test_untranslated_cities_on_the_german_index_are_marked(
    client_fr, home, cities_index, tubingen, perugia
):
    translate(home, "de", title="Startseite")
    german_index = translate(cities_index, "de", title="Partnerstädte")
    translate(tubingen, "de", title="Tübingen (de)")
    alias(perugia, "de")

    html = soup(client_fr, german_index.url)
    assert link_to(html, "Pérouse")["hreflang"] == "fr"
    assert link_to(html, "Pérouse")["lang"] == "fr"
    assert not link_to(html, "Tübingen (de)").get("lang")


def test_a_translated_story_listed_on_an_untranslated_listing_is_marked_german(
    client_fr, stories_index, tubingen
):
    """The listing's own text is French (``<main lang="fr">``): German items say so."""
    story = french_story(stories_index, "Étudiants à Tübingen", tubingen)
    german = translate(story, "de", title="Studierende in Tübingen")
    html = soup(client_fr, german.get_parent().url)
    assert html.find("main")["lang"] == "fr"
    link = link_to(html, "Studierende in Tübingen")
    assert link["lang"] == "de"
    assert link["hreflang"] == "de"


def test_french_text_in_an_arabic_listing_is_set_left_to_right(client_fr, stories_index, tubingen):
    translate(stories_index, "ar", title="قصص التبادل")
    untranslated = alias(french_story(stories_index, "La chorale à Tübingen", tubingen), "ar")
    link = link_to(soup(client_fr, untranslated.get_parent().url), "La chorale à Tübingen")
    assert (link["lang"], link["dir"]) == ("fr", "ltr")


def queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_marking_costs_no_query_per_listed_page(client_fr, german_stories, stories_index, tubingen):
    german_index, _german, _alias = german_stories
    few = queries(client_fr, german_index.url)
    for n in range(5):
        alias(french_story(stories_index, f"Récit {n}", tubingen, days=n + 2), "de")
    html = soup(client_fr, german_index.url)
    assert len(html.select('article.story-card a[lang="fr"]')) == 6
    assert queries(client_fr, german_index.url) == few
