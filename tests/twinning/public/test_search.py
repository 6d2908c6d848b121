"""Search of stories and partner cities in the reader's language."""

from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.twinning.translation_helpers import alias, clear_site_cache, restrict, translate


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


def search_url(language: str = "fr") -> str:
    with translation.override(language):
        return reverse("twinning:search")


def search(client, q=None, language="fr", **params) -> BeautifulSoup:
    if q is not None:
        params["q"] = q
    response = client.get(search_url(language), params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_titles(html: BeautifulSoup) -> list[str]:
    return [h2.get_text() for h2 in html.select(".search-result__title")]


def test_search_finds_stories_and_cities_of_the_current_language(
    client_fr, home, stories_index, tubingen, story
):
    factories.ContentPageFactory(parent=home, title="Tübingen, mode d'emploi")
    other = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Chorale à Pérouse", partner_cities=[tubingen]
    )

    html = search(client_fr, "Tübingen")

    assert sorted(result_titles(html)) == ["Tübingen", "Étudiants à Tübingen"]
    link = html.find("a", string="Étudiants à Tübingen")
    assert link["href"] == story.url
    assert other.title not in result_titles(html)
    assert html.find(role="status").get_text().startswith("2 ")


def test_search_reads_the_summary_and_shows_it(client_fr, stories_index, tubingen):
    factories.ExchangeStoryPageFactory(
        parent=stories_index,
        title="Un été en Allemagne",
        summary="Douze apprentis boulangers découvrent le fournil d'un partenaire.",
        partner_cities=[tubingen],
    )

    html = search(client_fr, "boulangers")

    assert result_titles(html) == ["Un été en Allemagne"]
    assert "apprentis boulangers" in html.select_one(".search-result").get_text()


def test_drafts_and_private_pages_are_never_found(client_fr, stories_index, tubingen):
    draft = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Brouillon secret", partner_cities=[tubingen], live=False
    )
    private = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Réunion secret", partner_cities=[tubingen]
    )
    restrict(private)

    html = search(client_fr, "secret")

    assert result_titles(html) == []
    assert draft.title not in html.get_text()
    assert private.title not in html.get_text()


def test_german_search_finds_german_pages_only_and_offers_the_french_search(
    client_fr, tubingen, perugia, story
):
    translate(story, "de", title="Studierende in Tübingen")
    alias(perugia, "de")
    clear_site_cache()

    html = search(client_fr, "Tübingen", language="de")
    assert result_titles(html) == ["Studierende in Tübingen"]
    assert html.select_one(".search-result__title a")["href"].startswith("/de/")

    # Perugia exists in German only as an alias of the French page: not a German result.
    nothing = search(client_fr, "Pérouse", language="de")
    assert result_titles(nothing) == []
    assert "Pérouse" in nothing.select_one(".search-empty").get_text()
    french = nothing.select_one(".search-empty a[hreflang=fr]")
    assert french["href"] == f"{search_url('fr')}?q=P%C3%A9rouse"


def test_no_results_says_so_clearly(client_fr, tubingen):
    html = search(client_fr, "zeppelin")

    assert result_titles(html) == []
    assert "zeppelin" in html.select_one(".search-empty").get_text()
    # French readers are already searching the original language.
    assert html.select_one(".search-empty a[hreflang]") is None


def test_results_are_paginated_and_pages_keep_the_query(
    client_fr, stories_index, tubingen, django_assert_max_num_queries
):
    for n in range(12):
        factories.ExchangeStoryPageFactory(
            parent=stories_index, title=f"Chorale {n}", partner_cities=[tubingen]
        )

    first = search(client_fr, "chorale")
    assert len(result_titles(first)) == 10
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?q=chorale&page=2"

    second = search(client_fr, "chorale", page=2)
    assert len(result_titles(second)) == 2
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert second.select_one(".search-results")["start"] == "11"

    # A page number out of range or not a number shows a page, never an error.
    assert result_titles(search(client_fr, "chorale", page=99)) == result_titles(second)
    assert result_titles(search(client_fr, "chorale", page="x")) == result_titles(first)


def test_search_queries_do_not_grow_with_the_number_of_results(
    client_fr, stories_index, tubingen, django_assert_max_num_queries
):
    factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Chorale 0", partner_cities=[tubingen]
    )
    search(client_fr, "chorale")
    with CaptureQueriesContext(connection) as one_result:
        search(client_fr, "chorale")
    for n in range(1, 9):
        factories.ExchangeStoryPageFactory(
            parent=stories_index, title=f"Chorale {n}", partner_cities=[tubingen]
        )

    with django_assert_max_num_queries(len(one_result)):
        html = search(client_fr, "chorale")
    assert len(result_titles(html)) == 9


def test_empty_or_overlong_queries_get_a_message(client_fr, tubingen):
    assert search(client_fr).select_one(".errorlist") is None  # the bare search page

    empty = search(client_fr, "  ")
    with translation.override("fr"):
        required = str(forms.Field.default_error_messages["required"])
    assert empty.select_one(".errorlist").get_text() == required
    assert result_titles(empty) == []

    overlong = search(client_fr, "Tübingen " * 40)
    assert "200" in overlong.select_one(".errorlist").get_text()
    assert overlong.select_one("main input[name=q]")["aria-invalid"] == "true"
