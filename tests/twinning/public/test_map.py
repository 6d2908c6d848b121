"""The map of partner cities: its embedded data, its list, and its languages."""

import json

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.twinning.translation_helpers import alias, clear_site_cache, translate


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


def map_url(index) -> str:
    return index.url + index.reverse_subpage("partner_map")


def get_map(client, index):
    response = client.get(map_url(index))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    script = html.find("script", id="partner-map-data")
    return html, json.loads(script.string) if script else None


def test_map_has_one_marker_per_live_city_linking_to_its_page(
    client_fr, cities_index, tubingen, perugia
):
    factories.PartnerCityPageFactory(parent=cities_index, title="Brouillon", live=False)

    _html, data = get_map(client_fr, cities_index)

    markers = {city["title"]: city for city in data["cities"]}
    assert set(markers) == {"Tübingen", "Pérouse"}
    assert markers["Tübingen"]["url"] == tubingen.url
    assert (markers["Tübingen"]["lat"], markers["Tübingen"]["lng"]) == (48.5216, 9.0576)
    # Popups are in the reader's language (country names come translated with Django).
    assert markers["Pérouse"]["details"].startswith("Italie · ")
    assert markers["Pérouse"]["details"].endswith("1970")


def test_list_of_cities_works_without_javascript_and_matches_the_markers(
    client_fr, cities_index, tubingen, perugia
):
    html, data = get_map(client_fr, cities_index)

    # The map container is hidden until the script shows it: no empty box without JS.
    assert html.find(attrs={"data-partner-map": True}).has_attr("hidden")
    links = html.select("#partner-city-list a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        (city["title"], city["url"]) for city in data["cities"]
    ]
    assert [a.get_text() for a in links] == ["Pérouse", "Tübingen"]


def test_map_serves_leaflet_from_the_site_and_reads_the_tile_server_setting(
    client_fr, cities_index, tubingen
):
    tiles = "https://tiles.example.org/{z}/{x}/{y}.png"
    with override_settings(TWINNING={"MAP_TILE_URL": tiles, "MAP_TILE_ATTRIBUTION": "© Example"}):
        html, data = get_map(client_fr, cities_index)

    assert data["tileUrl"] == tiles
    assert data["attribution"] == "© Example"
    scripts = [s["src"] for s in html.find_all("script", src=True)]
    stylesheets = [link["href"] for link in html.find_all("link", rel="stylesheet")]
    assert "/static/js_lib_leaflet/leaflet.js" in scripts
    assert "/static/js_lib_leaflet/leaflet.css" in stylesheets
    assert all(url.startswith("/static/") for url in scripts + stylesheets)
    assert data["icon"]["iconUrl"].startswith("/static/js_lib_leaflet/images/")


def test_map_without_published_cities_says_so_instead_of_an_empty_map(
    client_fr, cities_index, tubingen
):
    tubingen.unpublish()

    html, data = get_map(client_fr, cities_index)

    assert data is None
    assert html.find(attrs={"data-partner-map": True}) is None
    with translation.override("fr"):
        assert translation.gettext("No partner city has been published yet.") in html.get_text()


def test_german_map_speaks_german_and_links_untranslated_cities_to_the_french_page(
    client_fr, cities_index, tubingen, perugia
):
    tubingen_de = translate(tubingen, "de", title="Tübingen (de)")
    alias(perugia, "de")
    index_de = cities_index.get_translation(tubingen_de.locale)
    clear_site_cache()

    html, data = get_map(client_fr, index_de)

    markers = {city["title"]: city for city in data["cities"]}
    assert markers["Tübingen (de)"]["url"] == tubingen_de.url
    assert markers["Tübingen (de)"]["url"].startswith("/de/")
    assert markers["Tübingen (de)"]["details"].startswith("Deutschland · ")
    assert markers["Pérouse"]["details"].startswith("Italien · ")
    assert markers["Tübingen (de)"]["lang"] == "de"
    # Perugia has no German page yet: its French page, said to be French.
    assert markers["Pérouse"]["url"] == perugia.url
    assert markers["Pérouse"]["lang"] == "fr"
    # The index is not translated yet either; what the map says is still in German.
    assert html.select_one("#partner-city-list").find_parent(lang=True)["lang"] == "de"
    french_link = html.select_one("#partner-city-list a[lang=fr]")
    assert french_link.get_text() == "Pérouse"
    assert french_link["href"] == perugia.url


def test_map_queries_do_not_grow_with_the_number_of_cities(
    client_fr, cities_index, tubingen, perugia, django_assert_max_num_queries
):
    url = map_url(cities_index)
    client_fr.get(url)  # warm the site-root cache
    with CaptureQueriesContext(connection) as two_cities:
        client_fr.get(url)
    for n in range(5):
        factories.PartnerCityPageFactory(parent=cities_index, title=f"Ville {n}")
    with django_assert_max_num_queries(len(two_cities)):
        response = client_fr.get(url)
    data = BeautifulSoup(response.content, "html.parser").find("script", id="partner-map-data")
    assert len(json.loads(data.string)["cities"]) == 7


def test_unknown_route_under_the_index_is_a_404(client_fr, cities_index):
    response = client_fr.get(cities_index.url + "carte-inexistante/")
    assert response.status_code == 404
