"""The timeline of all partnerships: milestones by year, filters, and the bars."""

import datetime

from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.twinning.translation_helpers import alias, clear_site_cache, translate
from twinning.public.timelines import partnership_chart


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


@pytest.fixture
def perugia_history(perugia):
    factories.PartnershipMilestoneFactory(
        page=perugia, date="1970-05", kind="signing", title="Signature avec Pérouse"
    )
    factories.PartnershipMilestoneFactory(
        page=perugia, date="1965-03-01", kind="visit", title="Première visite à Pérouse"
    )
    return perugia


def timeline_url(index) -> str:
    return index.url + index.reverse_subpage("partnership_timeline")


def get_timeline(client, index, **params) -> BeautifulSoup:
    response = client.get(timeline_url(index), params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def years_and_titles(html: BeautifulSoup) -> list[tuple[str, list[str]]]:
    return [
        (
            section.h2.get_text(),
            [h3.span.get_text() for h3 in section.find_all("h3", class_="timeline__title")],
        )
        for section in html.find_all("section", class_="timeline-year")
    ]


def test_timeline_groups_every_partner_milestone_by_year_oldest_first(
    client_fr, cities_index, tubingen, perugia_history
):
    html = get_timeline(client_fr, cities_index)

    assert years_and_titles(html) == [
        ("1960", ["Signature du jumelage"]),
        # Known to the year only, the prize sorts before the dated visit of that year.
        ("1965", ["Prix de l'Europe", "Première visite à Pérouse"]),
        ("1970", ["Signature avec Pérouse"]),
    ]
    # Each milestone says which partnership it belongs to, with a link to the city.
    first = html.find("section", class_="timeline-year").find("a")
    assert (first.get_text(), first["href"]) == ("Tübingen", tubingen.url)


def test_timeline_filters_by_partner_and_kind_without_javascript(
    client_fr, cities_index, tubingen, perugia_history
):
    by_partner = get_timeline(client_fr, cities_index, partner=perugia_history.pk)
    assert years_and_titles(by_partner) == [
        ("1965", ["Première visite à Pérouse"]),
        ("1970", ["Signature avec Pérouse"]),
    ]
    assert by_partner.find("select", attrs={"name": "partner"}).find(selected=True)["value"] == str(
        perugia_history.pk
    )

    by_kind = get_timeline(client_fr, cities_index, kind="signing")
    assert years_and_titles(by_kind) == [
        ("1960", ["Signature du jumelage"]),
        ("1970", ["Signature avec Pérouse"]),
    ]

    both = get_timeline(client_fr, cities_index, partner=tubingen.pk, kind="visit")
    assert years_and_titles(both) == []
    with translation.override("fr"):
        assert translation.gettext("No milestone matches these filters.") in both.get_text()


@pytest.mark.parametrize(
    "params", [{"partner": "abc"}, {"partner": "999999"}, {"kind": "coronation"}]
)
def test_unknown_filter_values_get_a_message_and_the_whole_timeline(
    client_fr, cities_index, tubingen, params
):
    html = get_timeline(client_fr, cities_index, **params)

    ((field_name, value),) = params.items()
    field = html.find("select", attrs={"name": field_name})
    assert field["aria-invalid"] == "true"
    error = html.find(id=field["aria-describedby"].split()[-1])
    with translation.override("fr"):
        message = forms.ChoiceField.default_error_messages["invalid_choice"]
        assert error.get_text() == str(message) % {"value": value}
    assert years_and_titles(html) == [
        ("1960", ["Signature du jumelage"]),
        ("1965", ["Prix de l'Europe"]),
    ]


def test_unpublished_cities_and_their_milestones_stay_off_the_timeline(
    client_fr, cities_index, tubingen, perugia_history
):
    perugia_history.unpublish()

    html = get_timeline(client_fr, cities_index)

    assert "Pérouse" not in html.get_text()
    options = [
        o.get_text() for o in html.find("select", attrs={"name": "partner"}).find_all("option")
    ]
    assert "Pérouse" not in options


def test_german_timeline_shows_french_milestones_of_untranslated_partners_as_french(
    client_fr, cities_index, tubingen, perugia_history
):
    translate(tubingen, "de", title="Tübingen (de)")
    alias(perugia_history, "de")
    index_de = cities_index.get_translation(Locale.objects.get(language_code="de"))
    clear_site_cache()

    html = get_timeline(client_fr, index_de)

    cities = {a.get_text(): a for a in html.select(".timeline__city a")}
    assert cities["Pérouse"]["href"] == perugia_history.url
    assert cities["Pérouse"]["lang"] == "fr"
    assert cities["Tübingen (de)"]["href"].startswith("/de/")
    assert not cities["Tübingen (de)"].has_attr("lang")


def test_bars_run_from_each_signing_year_to_this_year(cities_index, tubingen, perugia):
    chart = partnership_chart([tubingen, perugia], today=datetime.date(2019, 6, 1))

    assert (chart.first_year, chart.last_year) == (1960, 2019)
    assert [(bar.city.title, bar.since) for bar in chart.bars] == [
        ("Tübingen", 1960),
        ("Pérouse", 1970),
    ]
    tubingen_bar, perugia_bar = chart.bars
    assert (tubingen_bar.offset, tubingen_bar.length) == (0, 100)
    assert perugia_bar.offset + perugia_bar.length == pytest.approx(100)
    assert [year for year, _offset in chart.ticks] == [1960, 1970, 1980, 1990, 2000, 2010]


def test_timeline_page_draws_the_bars_with_readable_text(
    client_fr, cities_index, tubingen, perugia
):
    html = get_timeline(client_fr, cities_index)

    rows = html.select(".partnership-chart__row")
    assert [row.a.get_text() for row in rows] == ["Tübingen", "Pérouse"]
    assert "1970" in rows[1].select_one(".partnership-chart__since").get_text()
    # Offsets are CSS numbers whatever the language's decimal separator.
    assert "," not in rows[1].select_one(".partnership-chart__bar")["style"]


def test_timeline_queries_do_not_grow_with_cities_and_milestones(
    client_fr, cities_index, tubingen, perugia_history, django_assert_max_num_queries
):
    url = timeline_url(cities_index)
    client_fr.get(url)  # warm the site-root cache
    with CaptureQueriesContext(connection) as two_cities:
        client_fr.get(url)
    for n in range(4):
        city = factories.PartnerCityPageFactory(parent=cities_index, title=f"Ville {n}")
        factories.PartnershipMilestoneFactory(page=city, date=f"198{n}", title=f"Étape {n}")

    with django_assert_max_num_queries(len(two_cities)):
        html = BeautifulSoup(client_fr.get(url).content, "html.parser")
    assert len(html.select(".timeline__item")) == 8
