"""The gettext catalogues in locale/: complete in every configured language.

A missing, fuzzy or mis-formatted entry shows up on the site as English in the middle of a
Japanese or Hungarian page, or as a crash when a placeholder does not match; these tests
read the catalogues the way readers meet them.
"""

import ast
import gettext as gettext_module
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

import polib
import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.site.translation_helpers import clear_site_cache, translate
from twinning import choices

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
#: Every configured language but English, the language of the msgids (where an empty
#: msgstr shows the msgid itself).
COMPLETE_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]

#: Templates readers see (the admin's own templates are left out).
PUBLIC_TEMPLATE_DIRS = [
    Path(settings.BASE_DIR) / "cms" / "templates",
    Path(settings.BASE_DIR) / "home" / "templates",
    Path(settings.BASE_DIR) / "twinning" / "templates" / "twinning",
]
PUBLIC_TEMPLATE_EXCLUDED = Path(settings.BASE_DIR) / "twinning" / "templates" / "twinning" / "admin"
#: The project's own Python code (what ``make messages`` reads besides templates).
CODE_DIRS = ["cms", "home", "twinning"]
#: The keywords Django's makemessages gives xgettext for the "django" domain.
XGETTEXT_KEYWORDS = [
    "gettext_noop",
    "gettext_lazy",
    "ngettext_lazy:1,2",
    "pgettext:1c,2",
    "npgettext:1c,2,3",
    "pgettext_lazy:1c,2",
    "npgettext_lazy:1c,2,3",
]

PLACEHOLDER = re.compile(r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*\d*(?:\.\d+)?(?P<type>[sdifrxXeEgGc%])")
TEMPLATE_CALL = re.compile(
    r"\b(?P<function>n?p?gettext)\((?P<arguments>(?:\s*u?(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\s*,?)+)"
)
STRING_LITERAL = re.compile(r"u?(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")


@cache
def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def entries(language: str) -> list[polib.POEntry]:
    return [entry for entry in catalogue(language) if not entry.obsolete]


def placeholders(text: str) -> list[str]:
    """The python-format conversions in ``text``, named ones by name, ``%%`` left out."""
    found = []
    for match in PLACEHOLDER.finditer(text):
        if match["type"] == "%":
            continue
        found.append(f"{match['name'] or ''}:{match['type']}")
    return sorted(found)


def translations_of(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def plural_count(language: str) -> int:
    plural_forms = catalogue(language).metadata["Plural-Forms"]
    return int(re.search(r"nplurals\s*=\s*(\d+)", plural_forms)[1])


def plural_form(language: str, n: int) -> int:
    """Which msgstr[i] the catalogue's Plural-Forms picks for ``n``, as gettext does."""
    plural_forms = catalogue(language).metadata["Plural-Forms"]
    expression = re.search(r"plural\s*=\s*([^;]+)", plural_forms)[1]
    return gettext_module.c2py(expression)(n)


def public_template_messages() -> set[str]:
    """Every singular msgid used in the public templates, as makemessages extracts it."""
    messages = set()
    for directory in PUBLIC_TEMPLATE_DIRS:
        for path in directory.rglob("*.html"):
            if PUBLIC_TEMPLATE_EXCLUDED in path.parents:
                continue
            code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
            for call in TEMPLATE_CALL.finditer(code):
                literals = [
                    ast.literal_eval(literal)
                    for literal in STRING_LITERAL.findall(call["arguments"])
                ]
                # pgettext/npgettext start with the context; the singular msgid follows.
                messages.add(
                    literals[1]
                    if call["function"].startswith(("pgettext", "npgettext"))
                    else literals[0]
                )
    return messages


def code_messages() -> set[tuple[str, str]]:
    """(msgctxt, msgid) of every message marked in the Python code, extracted as makemessages does."""
    base = Path(settings.BASE_DIR)
    files = sorted(
        str(path.relative_to(base))
        for directory in CODE_DIRS
        for path in (base / directory).rglob("*.py")
    )
    extracted = subprocess.run(
        [
            "xgettext",
            "--language=Python",
            "--from-code=UTF-8",
            *(f"--keyword={keyword}" for keyword in XGETTEXT_KEYWORDS),
            "--output=-",
            *files,
        ],
        cwd=base,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {(entry.msgctxt or "", entry.msgid) for entry in polib.pofile(extracted) if entry.msgid}


# --- Completeness and format --------------------------------------------------------------


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    plurals = plural_count(language)
    problems = [
        entry.msgid
        for entry in entries(language)
        if "fuzzy" in entry.flags
        or not all(text.strip() for text in translations_of(entry))
        or (entry.msgid_plural and len(entry.msgstr_plural) != plurals)
    ]

    assert len(entries(language)) > 100
    assert problems == [], f"untranslated or fuzzy in {language}: {problems}"


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_translations_keep_the_placeholders_of_their_source(language):
    problems = []
    for entry in entries(language):
        expected = placeholders(entry.msgid_plural or entry.msgid)
        for text in translations_of(entry):
            if placeholders(text) != expected:
                problems.append((entry.msgid, text))

    assert problems == []


def test_arabic_translations_use_only_the_placeholders_of_their_source_and_six_plural_forms():
    """Arabic may drop the number in its zero, one and two forms ("قصتان"), never invent one."""
    assert plural_count("ar") == 6
    problems = []
    for entry in entries("ar"):
        source = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural or ""))
        texts = [text for text in translations_of(entry) if text]
        if entry.msgid_plural and texts and len(texts) != 6:
            problems.append((entry.msgid, "plural forms"))
        problems += [(entry.msgid, text) for text in texts if not set(placeholders(text)) <= source]
        if not entry.msgid_plural and texts and placeholders(texts[0]) != placeholders(entry.msgid):
            problems.append((entry.msgid, texts[0]))

    assert problems == []


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_every_string_of_the_public_templates_is_translated(language):
    """A string added to a template but not to the catalogues shows in English to everyone."""
    translated = {
        entry.msgid
        for entry in entries(language)
        if "fuzzy" not in entry.flags and any(translations_of(entry))
    }
    messages = public_template_messages()

    assert len(messages) > 50
    assert sorted(messages - translated) == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext's xgettext")
@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_every_string_of_the_code_is_in_the_catalogue_and_translated(language):
    """Labels, help texts and messages added since the last `make messages` show in English."""
    translated = {
        (entry.msgctxt or "", entry.msgid)
        for entry in entries(language)
        if "fuzzy" not in entry.flags and all(translations_of(entry))
    }
    messages = code_messages()

    assert len(messages) > 100
    assert sorted(messages - translated) == [], "run `make messages` and translate what is new"


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_choice_labels_are_translated(language):
    labels = [
        label
        for choice_class in (
            choices.PartnershipKind,
            choices.PartnershipStatus,
            choices.MilestoneKind,
            choices.Audience,
            choices.Continent,
            choices.ActorKind,
            choices.CallStatus,
        )
        for label in choice_class.labels
    ]

    with translation.override("en"):
        msgids = [str(label) for label in labels]
    translated = {
        entry.msgid: translations_of(entry)[0]
        for entry in entries(language)
        if "fuzzy" not in entry.flags and entry.msgstr
    }
    with translation.override(language):
        shown = [str(label) for label in labels]

    assert len(msgids) > 30
    assert [msgid for msgid in msgids if msgid not in translated] == []
    assert shown == [translated[msgid] for msgid in msgids]


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_the_site_speaks_the_catalogue(language):
    """What readers get at run time is what the catalogue says (the compiled file is current)."""
    stale = []
    with translation.override(language):
        for entry in entries(language):
            if entry.msgid_plural:
                counts = (0, 1, 2, 5, 11, 100)
                shown = [translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in counts]
                expected = [entry.msgstr_plural[plural_form(language, n)] for n in counts]
            elif entry.msgctxt:
                shown = [translation.pgettext(entry.msgctxt, entry.msgid)]
                expected = [entry.msgstr]
            else:
                shown = [translation.gettext(entry.msgid)]
                expected = [entry.msgstr]
            if shown != expected:
                stale.append(entry.msgid)

    assert stale == [], "run `python -m cms.compilemessages` (make test does)"


def test_english_catalogue_stays_empty_because_the_source_is_english():
    assert [entry.msgid for entry in entries("en") if any(translations_of(entry))] == []


# --- Pages ---------------------------------------------------------------------------------


@pytest.fixture
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


def page_text(response) -> str:
    assert response.status_code == 200, response.status_code
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def test_german_home_page_speaks_german(
    client_fr, fresh_site_roots, home, cities_index, tubingen, perugia
):
    german_home = translate(home, "de", title="Startseite")
    translate(cities_index, "de", title="Partnerstädte")
    translate(tubingen, "de", title="Tübingen")
    translate(perugia, "de", title="Perugia")

    text = page_text(client_fr.get(german_home.url))

    assert german_home.url == "/de/"
    assert "Zum Inhalt springen" in text
    assert "Entdecken Sie unsere 2 Partnerstädte" in text
    assert "Neueste Geschichten" in text
    assert "Noch keine Geschichte veröffentlicht." in text
    assert "Skip to content" not in text and "Latest stories" not in text


def test_german_count_uses_the_singular_for_one_city(
    client_fr, fresh_site_roots, home, cities_index, tubingen
):
    german_home = translate(home, "de", title="Startseite")
    translate(cities_index, "de", title="Partnerstädte")
    translate(tubingen, "de", title="Tübingen")

    text = page_text(client_fr.get(german_home.url))

    assert "Entdecken Sie unsere 1 Partnerstadt" in text


def test_french_home_page_speaks_french(client_fr, fresh_site_roots, home, cities_index, tubingen):
    text = page_text(client_fr.get("/fr/"))

    assert "Aller au contenu" in text
    assert "Derniers récits" in text
    assert "Aucun récit publié pour le moment." in text
    # French counts one city in the singular (plural rule n > 1).
    assert "Découvrez 1 ville partenaire" in text
    assert "L’action internationale de la Ville d’Aix-en-Provence" in text
    assert "Skip to content" not in text and "Latest stories" not in text


def test_french_story_index_counts_in_french(client_fr, fresh_site_roots, stories_index, tubingen):
    for slug in ("un", "deux"):
        factories.ExchangeStoryPageFactory(
            parent=stories_index, title=f"Récit {slug}", slug=slug, partner_cities=[tubingen]
        )

    text = page_text(client_fr.get(stories_index.url))

    assert "2 récits" in text
    assert "Toutes les villes partenaires" in text
    assert "2 stories" not in text
