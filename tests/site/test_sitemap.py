"""sitemap.xml: every live, public, real page of every locale, with its hreflang alternates."""

import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

import pytest

from tests import factories
from tests.twinning.translation_helpers import alias, clear_site_cache, restrict, translate

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
BASE = "http://localhost"


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


def read_sitemap(client) -> dict[str, dict[str, str]]:
    """Each <loc> with its alternates, as {hreflang: href}."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.find("sm:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("sm:url", NS)
    }


def test_sitemap_lists_each_language_version_with_all_its_alternates(client_fr, tubingen):
    german = translate(tubingen, "de", title="Tübingen")
    arabic = translate(tubingen, "ar", title="توبينغن")
    english = translate(tubingen, "en")

    sitemap = read_sitemap(client_fr)

    alternates = {
        "fr": BASE + tubingen.url,
        "de": BASE + german.url,
        "ar": BASE + arabic.url,
        "en": BASE + english.url,
        "x-default": BASE + tubingen.url,
    }
    for page in (tubingen, german, arabic, english):
        assert sitemap[BASE + page.url] == alternates
    assert BASE + "/fr/" in sitemap


def test_sitemap_leaves_out_drafts_aliases_and_restricted_pages(client_fr, home, tubingen, story):
    draft = translate(tubingen, "de", publish=False)
    story_alias = alias(story, "en")
    private = factories.ContentPageFactory(parent=home)
    hidden_child = factories.ContentPageFactory(parent=private)
    restrict(private)

    sitemap = read_sitemap(client_fr)

    assert BASE + tubingen.url in sitemap
    assert BASE + story.url in sitemap
    for page in (draft, story_alias, private, hidden_child):
        assert page.url not in {loc.removeprefix(BASE) for loc in sitemap}
    assert sitemap[BASE + tubingen.url] == {
        "fr": BASE + tubingen.url,
        "x-default": BASE + tubingen.url,
    }
    # The alias's parents are aliases too: the English tree adds nothing.
    assert not [loc for loc in sitemap if loc.startswith(BASE + "/en/")]


def test_translation_without_public_source_has_no_x_default(client_fr, tubingen):
    german = translate(tubingen, "de")
    restrict(tubingen)  # the French page only, behind a login

    sitemap = read_sitemap(client_fr)

    assert BASE + tubingen.url not in sitemap
    assert sitemap[BASE + german.url] == {"de": BASE + german.url}


def test_unpublished_source_takes_its_translation_out_of_the_sitemap(client_fr, tubingen):
    german = translate(tubingen, "de")
    tubingen.unpublish()

    sitemap = read_sitemap(client_fr)

    assert BASE + tubingen.url not in sitemap
    assert BASE + german.url not in sitemap


@override_settings(TWINNING={"PUBLIC_BASE_URL": "https://partenaires.example.org"})
def test_sitemap_urls_use_the_public_base_url_when_set(client_fr, tubingen):
    sitemap = read_sitemap(client_fr)

    assert "https://partenaires.example.org" + tubingen.url in sitemap


def test_sitemap_query_count_does_not_grow_with_pages(client_fr, cities_index, stories_index):
    translate(factories.PartnerCityPageFactory(parent=cities_index), "de")
    client_fr.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as few:
        client_fr.get("/sitemap.xml")

    for _ in range(5):
        city = factories.PartnerCityPageFactory(parent=cities_index)
        translate(city, "de")
        translate(city, "en")
        factories.ExchangeStoryPageFactory(parent=stories_index, partner_cities=[city])
    client_fr.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as many:
        sitemap = read_sitemap(client_fr)

    assert len(sitemap) > 20
    assert len(many) == len(few) <= 3
