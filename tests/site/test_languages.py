"""Languages and URLs: prefixes, <html lang>, hreflang, the language switcher, the notice."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from tests.twinning.translation_helpers import alias, clear_site_cache, restrict, translate
from twinning.public import languages as public_languages

BASE = "http://localhost"
TUBINGEN_FR = "/fr/villes-partenaires/tubingen/"
STORY_FR = "/fr/recits/etudiants-tubingen/"

STORY_MSGID = "This story is not yet available in %(requested)s — here is the %(shown)s original."


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def switcher(html: BeautifulSoup) -> dict:
    """The switcher's links by language code, in the order shown."""
    nav = html.find("nav", class_="language-switcher")
    return {link["lang"]: link for link in nav.find_all("a")}


def hreflangs(html: BeautifulSoup) -> dict:
    return {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate")}


def notice(html: BeautifulSoup):
    return html.find(class_="notice--translation")


def in_german(msgid: str) -> bool:
    with translation.override("de"):
        return translation.gettext(msgid) != msgid


# --- Prefixes and the root redirect ---------------------------------------------------------


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("de", "/de/"),
        ("de-CH,de;q=0.9,en;q=0.5", "/de/"),
        ("pt-BR,pt;q=0.8", "/pt/"),
        ("ar", "/ar/"),
        ("en-US,en;q=0.9", "/en/"),
        ("zz", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_root_redirects_by_accept_language_falling_back_to_french(
    client_fr, home, accept_language, expected
):
    response = client_fr.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected
    assert client_fr.get(expected).status_code == 200


def test_language_without_any_translation_shows_the_french_home_and_says_so(client_fr, home):
    html = soup(client_fr.get("/pt/"))

    assert html.html["lang"] == "pt"
    assert html.main["lang"] == "fr"
    assert notice(html)["lang"] == "pt"
    assert "Português" in notice(html).get_text()


# --- <html lang> and direction --------------------------------------------------------------


def test_french_page_is_french_and_left_to_right(client_fr, tubingen):
    html = soup(client_fr.get(TUBINGEN_FR))

    assert (html.html["lang"], html.html["dir"]) == ("fr", "ltr")
    assert not html.main.has_attr("lang")
    assert notice(html) is None


@pytest.mark.parametrize(("code", "direction"), [("en", "ltr"), ("de", "ltr"), ("ar", "rtl")])
def test_translation_is_served_in_its_language_and_direction(client_fr, tubingen, code, direction):
    translated = translate(tubingen, code)

    html = soup(client_fr.get(translated.url))

    assert translated.url == f"/{code}/villes-partenaires/tubingen/"
    assert (html.html["lang"], html.html["dir"]) == (code, direction)
    assert not html.main.has_attr("lang")
    assert notice(html) is None


def test_alias_under_german_prefix_labels_its_content_french_and_says_so_in_german(
    client_fr, story
):
    alias_page = alias(story, "de")

    html = soup(client_fr.get(alias_page.url))

    assert alias_page.url == "/de/recits/etudiants-tubingen/"
    assert html.html["lang"] == "de"
    assert (html.main["lang"], html.main["dir"]) == ("fr", "ltr")
    # The content region is French through and through, dates included.
    assert "mai 2016" in html.main.find("time").get_text()
    text = notice(html).get_text()
    assert notice(html)["lang"] == "de"
    assert "Deutsch" in text and "Französisch" in text


@pytest.mark.skipif(not in_german(STORY_MSGID), reason="German catalogue not compiled yet")
def test_notice_reads_as_german_sentence(client_fr, story):
    html = soup(client_fr.get(STORY_FR + "?requested=de"))

    with translation.override("de"):
        expected = translation.gettext(STORY_MSGID) % {
            "requested": "Deutsch",
            "shown": "Französisch",
        }
    assert " ".join(notice(html).get_text().split()) == expected


def test_arabic_notice_is_right_to_left_on_a_french_page(client_fr, story):
    html = soup(client_fr.get(STORY_FR + "?requested=ar"))

    assert html.html["dir"] == "ltr"
    assert (notice(html)["lang"], notice(html)["dir"]) == ("ar", "rtl")
    assert "العربيّة" in notice(html).get_text()


@pytest.mark.django_db  # its page fixture is asked for by name
@pytest.mark.parametrize(
    ("page_fixture", "url", "expected"),
    [
        (
            "story",
            STORY_FR,
            "This story is not yet available in English — here is the French original.",
        ),
        (
            "tubingen",
            TUBINGEN_FR,
            "This page is not yet available in English — here is the French original.",
        ),
    ],
)
def test_notice_has_one_wording_for_stories_and_one_for_pages(
    request, client_fr, page_fixture, url, expected
):
    request.getfixturevalue(page_fixture)

    html = soup(client_fr.get(url + "?requested=en"))

    assert notice(html)["lang"] == "en"
    assert " ".join(notice(html).get_text().split()) == expected


@pytest.mark.parametrize("requested", ["zz", "<script>", "fr", ""])
def test_unknown_or_same_requested_language_shows_no_notice(client_fr, story, requested):
    response = client_fr.get(STORY_FR, {"requested": requested})

    assert notice(soup(response)) is None
    assert b"<script>" not in response.content


def test_no_not_translated_notice_once_the_translation_exists(client_fr, story):
    translate(story, "de")

    html = soup(client_fr.get(STORY_FR + "?requested=de"))

    assert notice(html) is None


# --- hreflang and canonical -----------------------------------------------------------------


def test_hreflang_lists_live_public_real_translations_and_french_as_x_default(client_fr, tubingen):
    translate(tubingen, "en")
    translate(tubingen, "de", publish=False)
    restrict(translate(tubingen, "ar"))
    alias(tubingen, "it")

    html = soup(client_fr.get(TUBINGEN_FR))

    assert hreflangs(html) == {
        "fr": BASE + TUBINGEN_FR,
        "en": BASE + "/en/villes-partenaires/tubingen/",
        "x-default": BASE + TUBINGEN_FR,
    }
    assert html.find("link", rel="canonical")["href"] == BASE + TUBINGEN_FR


def test_translation_links_back_to_every_language_and_is_its_own_canonical(client_fr, tubingen):
    german = translate(tubingen, "de")

    html = soup(client_fr.get(german.url))

    assert hreflangs(html) == {
        "fr": BASE + TUBINGEN_FR,
        "de": BASE + german.url,
        "x-default": BASE + TUBINGEN_FR,
    }
    assert html.find("link", rel="canonical")["href"] == BASE + german.url


def test_alias_points_search_engines_to_the_french_original(client_fr, story):
    alias_page = alias(story, "de")

    html = soup(client_fr.get(alias_page.url))

    assert html.find("link", rel="canonical")["href"] == BASE + STORY_FR
    assert hreflangs(html) == {"fr": BASE + STORY_FR, "x-default": BASE + STORY_FR}


def test_fallback_page_canonical_drops_the_requested_marker(client_fr, story):
    html = soup(client_fr.get(STORY_FR + "?requested=de"))

    assert html.find("link", rel="canonical")["href"] == BASE + STORY_FR


# --- The language switcher ------------------------------------------------------------------


def test_switcher_names_every_language_in_itself_and_marks_the_current_one(client_fr, tubingen):
    html = soup(client_fr.get(TUBINGEN_FR))

    nav = html.find("nav", class_="language-switcher")
    label = html.find(id=nav["aria-labelledby"])
    assert label.get_text().strip()
    assert nav.find("ul")["aria-labelledby"] == label["id"]
    links = switcher(html)
    assert list(links) == [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    assert links["fr"].get_text() == "Français"
    assert links["de"].get_text() == "Deutsch"
    assert links["ar"].get_text() == "العربيّة"
    assert links["ar"]["dir"] == "rtl"
    assert [code for code, link in links.items() if link.has_attr("aria-current")] == ["fr"]
    assert links["fr"]["aria-current"] == "page"


def test_switcher_leads_to_translations_or_to_the_marked_french_source(client_fr, tubingen):
    german = translate(tubingen, "de")
    translate(tubingen, "en", publish=False)
    alias(tubingen, "it")

    links = switcher(soup(client_fr.get(german.url)))

    assert links["de"]["aria-current"] == "page"
    assert (links["fr"]["href"], links["fr"]["hreflang"]) == (TUBINGEN_FR, "fr")
    # A draft and an alias are no translation: the reader gets the source, told so.
    assert (links["en"]["href"], links["en"]["hreflang"]) == (TUBINGEN_FR + "?requested=en", "fr")
    assert links["it"]["href"] == TUBINGEN_FR + "?requested=it"
    for link in links.values():
        response = client_fr.get(link["href"])
        assert response.status_code == 200, link["href"]


def test_switcher_on_an_alias_offers_the_real_translations(client_fr, story):
    english = translate(story, "en")
    alias_page = alias(story, "de")

    links = switcher(soup(client_fr.get(alias_page.url)))

    assert links["de"]["aria-current"] == "page"
    assert links["en"]["href"] == english.url
    assert links["ar"]["href"] == STORY_FR + "?requested=ar"


def test_restricted_translation_is_offered_only_to_readers_allowed_to_see_it(client_fr, tubingen):
    arabic = translate(tubingen, "ar")
    restrict(arabic)

    assert switcher(soup(client_fr.get(TUBINGEN_FR)))["ar"]["href"] == (
        TUBINGEN_FR + "?requested=ar"
    )
    client_fr.force_login(get_user_model().objects.create_user("reader", password="x"))
    assert switcher(soup(client_fr.get(TUBINGEN_FR)))["ar"]["href"] == arabic.url


def test_switcher_on_a_missing_page_leads_to_each_home_page(client_fr, home):
    response = client_fr.get("/de/nichts-hier/")

    assert response.status_code == 404
    links = switcher(BeautifulSoup(response.content, "html.parser"))
    assert links["ar"]["href"] == "/ar/"
    assert links["de"]["aria-current"] == "true"
    for link in links.values():
        assert client_fr.get(link["href"]).status_code == 200


def test_switcher_keeps_a_routable_pages_sub_route(cities_index):
    """``…/map/`` in one language leads to ``…/map/`` of the translation (routable pages)."""
    german_index = translate(cities_index, "de")
    request = RequestFactory().get("/fr/villes-partenaires/map/", HTTP_HOST="localhost")
    request.user = get_user_model()()
    request.session = {}

    with translation.override("fr"):
        languages = public_languages.page_languages(cities_index, request)

    links = {entry.language.code: entry.url for entry in languages.switcher}
    assert links["de"] == german_index.url + "map/"
    assert links["en"] == "/fr/villes-partenaires/map/?requested=en"


# --- Cost ------------------------------------------------------------------------------------


def test_languages_of_a_page_cost_two_queries_whatever_the_number_of_translations(
    tubingen, django_assert_num_queries
):
    for code in ("en", "de", "ar"):
        translate(tubingen, code)
    request = RequestFactory().get(TUBINGEN_FR, HTTP_HOST="localhost")
    request.user = get_user_model()()
    request.session = {}
    with translation.override("fr"):
        public_languages.page_languages(tubingen, request)  # warms Wagtail's site-root cache

        with django_assert_num_queries(2):
            languages = public_languages.page_languages(tubingen, request)

    assert len(languages.alternates) == 5


def test_page_render_query_count_does_not_grow_with_translations(client_fr, tubingen):
    translate(tubingen, "de")
    client_fr.get(TUBINGEN_FR)
    with CaptureQueriesContext(connection) as one_translation:
        client_fr.get(TUBINGEN_FR)

    for code in ("en", "ar", "it", "es"):
        translate(tubingen, code)
    client_fr.get(TUBINGEN_FR)
    with CaptureQueriesContext(connection) as five_translations:
        html = soup(client_fr.get(TUBINGEN_FR))

    assert len(hreflangs(html)) == 7
    assert len(five_translations) == len(one_translation)


# --- Right-to-left layout --------------------------------------------------------------------

PHYSICAL = re.compile(
    r"(?:margin|padding|border)-(?:left|right)\s*:|(?<![-\w])(?:left|right)\s*:"
    r"|(?:float|text-align|clear)\s*:\s*(?:left|right)"
)
FOUR_SIDES = re.compile(r"(?:^|[;{\s])(margin|padding)\s*:\s*([^;}]+)")


PROJECT = Path(__file__).resolve().parents[2]
LAYOUT_STYLESHEETS = [
    PROJECT / "cms" / "static" / "css" / "site.css",
    PROJECT / "twinning" / "static" / "twinning" / "css" / "twinning.css",
]


@pytest.mark.parametrize("stylesheet", LAYOUT_STYLESHEETS, ids=lambda path: path.name)
def test_stylesheets_use_logical_properties_so_arabic_pages_mirror(stylesheet):
    css = re.sub(r"/\*.*?\*/", "", stylesheet.read_text(), flags=re.S)

    assert not PHYSICAL.findall(css)
    for _property, value in FOUR_SIDES.findall(css):
        sides = value.split()
        assert len(sides) < 4 or sides[1] == sides[3], f"{_property}: {value}"
