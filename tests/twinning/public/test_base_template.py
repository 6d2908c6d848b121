"""The plugin's pages in a host's own base template, and the drop-ins a host base can place.

A site made by ``wagtail start`` has the blocks title, extra_css, body_class, content and
extra_js: through such a base, a partner city page keeps its stylesheet, Open Graph,
JSON-LD, canonical and hreflang links, and an untranslated page its notice.
"""

import copy
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.twinning.translation_helpers import alias, clear_site_cache, translate
from twinning.public import base_template

HOST_TEMPLATES = Path(__file__).resolve().parent / "host_templates"
STYLESHEET = "/static/twinning/css/twinning.css"
TUBINGEN_FR = "/fr/villes-partenaires/tubingen/"


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


@pytest.fixture
def host_base(settings):
    """Makes the host templates findable; returns a function that picks the base."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [HOST_TEMPLATES, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates

    def use(name: str) -> None:
        settings.TWINNING = {**getattr(settings, "TWINNING", {}), "BASE_TEMPLATE": name}

    return use


def soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def stylesheets(element) -> list[str]:
    return [link["href"] for link in element.find_all("link", rel="stylesheet")]


# --- A wagtail start base ----------------------------------------------------------------


def test_partner_city_in_a_wagtail_start_base_keeps_its_head_material(
    client_fr, host_base, tubingen
):
    translate(tubingen, "de")
    host_base("host/wagtail_start_base.html")

    html = soup(client_fr, TUBINGEN_FR)

    assert html.find(id="host-header") is not None
    assert html.body["class"] == ["page-partner-city"]
    assert html.body.find("h1").get_text() == "Tübingen"
    head = html.head
    assert stylesheets(head) == ["/static/css/host.css", STYLESHEET]
    assert head.find("meta", property="og:title")["content"] == "Tübingen"
    assert head.find("script", type="application/ld+json") is not None
    assert head.find("link", rel="canonical")["href"] == "http://localhost" + TUBINGEN_FR
    alternates = {link["hreflang"] for link in head.find_all("link", rel="alternate")}
    assert alternates == {"fr", "de", "x-default"}
    assert len(html.find_all("link", rel="canonical")) == 1
    assert len(html.find_all("link", rel="alternate")) == 3


def test_map_in_a_wagtail_start_base_loads_leaflet_in_its_blocks(
    client_fr, host_base, cities_index, tubingen
):
    host_base("host/wagtail_start_base.html")

    html = soup(client_fr, cities_index.url + "map/")

    assert stylesheets(html.head)[-2:] == [
        "/static/js_lib_leaflet/leaflet.css",
        "/static/twinning/css/map.css",
    ]
    scripts = [script["src"] for script in html.body.find_all("script", src=True)]
    assert scripts == [
        "/static/js/host.js",
        "/static/js_lib_leaflet/leaflet.js",
        "/static/twinning/js/partner-map.js",
    ]


def test_untranslated_page_in_a_wagtail_start_base_says_so_once(client_fr, host_base, story):
    host_base("host/wagtail_start_base.html")
    german = alias(story, "de")

    html = soup(client_fr, german.url)

    notices = html.find_all(class_="notice--translation")
    assert len(notices) == 1
    assert notices[0]["lang"] == "de"


def test_search_in_a_wagtail_start_base(client_fr, host_base, tubingen):
    host_base("host/wagtail_start_base.html")

    html = soup(client_fr, "/fr/search/?q=Tübingen")

    assert html.find(id="host-header") is not None
    assert stylesheets(html.head)[-2:] == [STYLESHEET, "/static/twinning/css/search.css"]
    assert html.head.find("meta", attrs={"name": "robots"})["content"] == "noindex"


# --- A base without the head block -------------------------------------------------------


def test_base_without_extra_css_still_loads_the_plugin_stylesheet_once(
    client_fr, host_base, tubingen
):
    host_base("host/bare_base.html")

    html = soup(client_fr, TUBINGEN_FR)

    assert html.find(id="host-header") is not None
    assert stylesheets(html) == [STYLESHEET]
    assert stylesheets(html.main) == [STYLESHEET]
    assert html.main.find("h1").get_text() == "Tübingen"


# --- Drop-ins placed by the host's base ---------------------------------------------------


def test_drop_ins_render_where_the_host_base_places_them_and_only_once(client_fr, host_base, story):
    translate(story, "en")
    german = alias(story, "de")
    host_base("host/drop_ins_base.html")

    html = soup(client_fr, german.url)

    assert stylesheets(html) == [STYLESHEET]
    canonicals = html.find_all("link", rel="canonical")
    assert [link["href"] for link in canonicals] == [
        "http://localhost/fr/recits/etudiants-tubingen/"
    ]
    assert {link["hreflang"] for link in html.find_all("link", rel="alternate")} == {
        "fr",
        "en",
        "x-default",
    }
    assert len(html.find_all("link", rel="alternate")) == 3
    notices = html.find_all(class_="notice--translation")
    assert len(notices) == 1
    assert notices[0].find_parent(id="host-notices") is not None
    for region in ("host-header", "host-footer"):
        switcher = html.find(id=region).find("nav", class_="language-switcher")
        links = {link["lang"]: link["href"] for link in switcher.find_all("a")}
        assert links["en"] == "/en/recits/etudiants-tubingen/"
        assert links["fr"] == "/fr/recits/etudiants-tubingen/"


def test_the_reference_site_gets_each_drop_in_once(client_fr, story):
    html = soup(client_fr, alias(story, "de").url)

    assert stylesheets(html).count(STYLESHEET) == 1
    assert len(html.find_all(class_="notice--translation")) == 1
    assert len(html.find_all("nav", class_="language-switcher")) == 1


# --- The blocks a base lacks ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "missing"),
    [
        ("host/wagtail_start_base.html", []),
        ("base.html", []),
        ("host/bare_base.html", ["extra_css", "extra_js", "body_class", "title"]),
        # A block counts where rendering reaches it: inside an overridden block, yes;
        # inside a block the parent does not have, no.
        ("host/extends_bare_base.html", ["extra_js", "body_class", "title"]),
    ],
)
def test_missing_blocks_names_what_the_plugin_cannot_fill(host_base, template, missing):
    assert base_template.missing_blocks(template) == missing
