"""The gettext catalogues: complete in every configured language.

Two catalogues: the plugin's own in twinning/locale/ (shipped in the wheel, so a site that
installs the plugin shows its labels translated) and Aix's site's in locale/ (LOCALE_PATHS,
which takes precedence). A missing, fuzzy or mis-formatted entry shows up on the site as
English in the middle of a Japanese or Hungarian page, or as a crash when a placeholder does
not match; these tests read the catalogues the way readers meet them.
"""

import ast
import gettext as gettext_module
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

import polib
import pytest
from bs4 import BeautifulSoup

from cms import messages
from tests import factories
from tests.twinning.translation_helpers import clear_site_cache, translate
from twinning import choices

BASE_DIR = Path(settings.BASE_DIR)
#: Where each catalogue lives: the plugin's next to its code, the site's in LOCALE_PATHS.
LOCALE_DIRS = {"plugin": BASE_DIR / "twinning" / "locale", "site": BASE_DIR / "locale"}
CATALOGUES = list(LOCALE_DIRS)
#: Every configured language but English, the language of the msgids (where an empty
#: msgstr shows the msgid itself).
COMPLETE_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
ALL_LANGUAGES = [code for code, _name in settings.LANGUAGES]

#: Templates readers see, by the catalogue that translates them (the admin's own templates
#: are left out).
PUBLIC_TEMPLATE_DIRS = {
    "plugin": [BASE_DIR / "twinning" / "templates" / "twinning"],
    "site": [BASE_DIR / "cms" / "templates", BASE_DIR / "home" / "templates"],
}
PUBLIC_TEMPLATE_EXCLUDED = BASE_DIR / "twinning" / "templates" / "twinning" / "admin"
#: The Python code each catalogue translates (what ``make messages`` reads besides templates).
CODE_DIRS = {"plugin": ["twinning"], "site": ["cms", "home"]}
#: Fewer entries than this means a catalogue lost its strings (the site has few of its own).
MINIMUM_ENTRIES = {"plugin": 400, "site": 25}
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


def po_path(kind: str, language: str) -> Path:
    return LOCALE_DIRS[kind] / language / "LC_MESSAGES" / "django.po"


@cache
def catalogue(kind: str, language: str) -> polib.POFile:
    return polib.pofile(str(po_path(kind, language)))


def entries(kind: str, language: str) -> list[polib.POEntry]:
    return [entry for entry in catalogue(kind, language) if not entry.obsolete]


def translated(kind: str, language: str) -> dict[tuple[str, str], polib.POEntry]:
    """(msgctxt, msgid) -> entry, for the entries that give a translation."""
    return {
        (entry.msgctxt or "", entry.msgid): entry
        for entry in entries(kind, language)
        if "fuzzy" not in entry.flags and all(translations_of(entry))
    }


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


def plural_count(kind: str, language: str) -> int:
    plural_forms = catalogue(kind, language).metadata["Plural-Forms"]
    return int(re.search(r"nplurals\s*=\s*(\d+)", plural_forms)[1])


def plural_form(kind: str, language: str, n: int) -> int:
    """Which msgstr[i] the catalogue's Plural-Forms picks for ``n``, as gettext does."""
    plural_forms = catalogue(kind, language).metadata["Plural-Forms"]
    expression = re.search(r"plural\s*=\s*([^;]+)", plural_forms)[1]
    return gettext_module.c2py(expression)(n)


def public_template_messages(kind: str) -> set[str]:
    """Every singular msgid used in the public templates, as makemessages extracts it."""
    messages = set()
    for directory in PUBLIC_TEMPLATE_DIRS[kind]:
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


def code_messages(kind: str) -> set[tuple[str, str]]:
    """(msgctxt, msgid) of every message marked in the Python code, extracted as makemessages does."""
    base = BASE_DIR
    files = sorted(
        str(path.relative_to(base))
        for directory in CODE_DIRS[kind]
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
@pytest.mark.parametrize("kind", CATALOGUES)
def test_every_message_is_translated_and_none_is_fuzzy(kind, language):
    plurals = plural_count(kind, language)
    problems = [
        entry.msgid
        for entry in entries(kind, language)
        if "fuzzy" in entry.flags
        or not all(text.strip() for text in translations_of(entry))
        or (entry.msgid_plural and len(entry.msgstr_plural) != plurals)
    ]

    assert len(entries(kind, language)) > MINIMUM_ENTRIES[kind]
    assert problems == [], f"untranslated or fuzzy in {kind} {language}: {problems}"


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_plugin_and_site_catalogues_share_their_header_and_plural_forms(language):
    """Django merges catalogues with different plural rules badly: one rule per language."""
    plugin, site = catalogue("plugin", language), catalogue("site", language)

    assert plugin.metadata["Language"] == site.metadata["Language"] == language
    assert plugin.metadata["Plural-Forms"] == site.metadata["Plural-Forms"]
    assert plugin.metadata["Content-Type"] == "text/plain; charset=UTF-8"


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
@pytest.mark.parametrize("kind", CATALOGUES)
def test_translations_keep_the_placeholders_of_their_source(kind, language):
    problems = []
    for entry in entries(kind, language):
        expected = placeholders(entry.msgid_plural or entry.msgid)
        for text in translations_of(entry):
            if placeholders(text) != expected:
                problems.append((entry.msgid, text))

    assert problems == []


@pytest.mark.parametrize("kind", CATALOGUES)
def test_arabic_translations_use_only_the_placeholders_of_their_source_and_six_plural_forms(kind):
    """Arabic may drop the number in its zero, one and two forms ("قصتان"), never invent one."""
    assert plural_count(kind, "ar") == 6
    problems = []
    for entry in entries(kind, "ar"):
        source = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural or ""))
        texts = [text for text in translations_of(entry) if text]
        if entry.msgid_plural and texts and len(texts) != 6:
            problems.append((entry.msgid, "plural forms"))
        problems += [(entry.msgid, text) for text in texts if not set(placeholders(text)) <= source]
        if not entry.msgid_plural and texts and placeholders(texts[0]) != placeholders(entry.msgid):
            problems.append((entry.msgid, texts[0]))

    assert problems == []


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
@pytest.mark.parametrize("kind", CATALOGUES)
def test_every_string_of_the_public_templates_is_translated_in_its_own_catalogue(kind, language):
    """A string added to a template but not to the catalogues shows in English to everyone;
    a plugin template's string only in the site's catalogue shows in English on other sites."""
    translated_messages = {
        entry.msgid
        for entry in entries(kind, language)
        if "fuzzy" not in entry.flags and any(translations_of(entry))
    }
    messages = public_template_messages(kind)

    assert len(messages) > (50 if kind == "plugin" else 15)
    assert sorted(messages - translated_messages) == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext's xgettext")
@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
@pytest.mark.parametrize("kind", CATALOGUES)
def test_every_string_of_the_code_is_in_its_own_catalogue_and_translated(kind, language):
    """Labels, help texts and messages added since the last `make messages` show in English."""
    messages = code_messages(kind)

    assert len(messages) > (100 if kind == "plugin" else 10)
    assert sorted(messages - set(translated(kind, language))) == [], (
        "run `make messages` and translate what is new"
    )


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
    translated_labels = {
        entry.msgid: translations_of(entry)[0]
        for entry in entries("plugin", language)
        if "fuzzy" not in entry.flags and entry.msgstr
    }
    with translation.override(language):
        shown = [str(label) for label in labels]

    assert len(msgids) > 30
    assert [msgid for msgid in msgids if msgid not in translated_labels] == []
    assert shown == [translated_labels[msgid] for msgid in msgids]


def stale_entries(kind: str, language: str, expected_entries) -> list[str]:
    """The msgids of ``expected_entries`` that the running site does not translate as they say."""
    stale = []
    with translation.override(language):
        for entry in expected_entries:
            if entry.msgid_plural:
                counts = (0, 1, 2, 5, 11, 100)
                shown = [translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in counts]
                expected = [entry.msgstr_plural[plural_form(kind, language, n)] for n in counts]
            elif entry.msgctxt:
                shown = [translation.pgettext(entry.msgctxt, entry.msgid)]
                expected = [entry.msgstr]
            else:
                shown = [translation.gettext(entry.msgid)]
                expected = [entry.msgstr]
            if shown != expected:
                stale.append(entry.msgid)
    return stale


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_the_site_speaks_both_catalogues(language):
    """What Aix's readers get at run time is what the catalogues say (the compiled files are
    current): the site's own catalogue first, the plugin's for every other string."""
    site = translated("site", language)
    plugin_only = [
        entry for key, entry in translated("plugin", language).items() if key not in site
    ]

    assert stale_entries("site", language, site.values()) == [], (
        "run `python -m cms.compilemessages` (make test does)"
    )
    assert stale_entries("plugin", language, plugin_only) == [], (
        "run `python -m cms.compilemessages` (make test does)"
    )


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_the_plugin_speaks_its_catalogue_on_a_site_without_translations_of_its_own(
    settings, language
):
    """A site that installs the plugin and has no locale/ shows every plugin string translated."""
    settings.LOCALE_PATHS = []

    assert stale_entries("plugin", language, translated("plugin", language).values()) == []


def test_an_installed_plugin_shows_its_labels_in_french_and_german(settings):
    site_messages = {
        entry.msgid for language in ("fr", "de") for entry in entries("site", language)
    }
    assert "Partner cities" not in site_messages
    assert "Twinning partner API" not in site_messages
    settings.LOCALE_PATHS = []

    with translation.override("fr"):
        french = [
            translation.gettext("Partner cities"),
            str(apps.get_app_config("twinning_api").verbose_name),
            str(apps.get_app_config("twinning_localize").verbose_name),
        ]
    with translation.override("de"):
        german = [
            translation.gettext("Partner cities"),
            str(apps.get_app_config("twinning_api").verbose_name),
            str(apps.get_app_config("twinning_localize").verbose_name),
        ]

    assert french == [
        "Villes partenaires",
        "API partenaires Twinning",
        "Circuit de traduction Twinning",
    ]
    assert german == ["Partnerstädte", "Twinning-Partner-API", "Twinning-Übersetzungsablauf"]


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_the_plugins_committed_compiled_catalogue_is_its_po_compiled(language):
    """The wheel ships the plugin's .mo files as committed: a .po edited without
    `make compilemessages` would ship stale labels."""
    path = po_path("plugin", language)
    compiled = polib.mofile(str(path.with_suffix(".mo")))

    def contents(catalogue_entries) -> dict:
        return {
            (entry.msgctxt or "", entry.msgid): (
                entry.msgid_plural,
                entry.msgstr,
                {int(index): text for index, text in entry.msgstr_plural.items()},
            )
            for entry in catalogue_entries
            if entry.msgid
        }

    assert (
        compiled.metadata["Plural-Forms"] == catalogue("plugin", language).metadata["Plural-Forms"]
    )
    assert contents(compiled) == contents(catalogue("plugin", language).translated_entries())


@pytest.mark.parametrize("kind", CATALOGUES)
def test_english_catalogue_stays_empty_because_the_source_is_english(kind):
    assert [entry.msgid for entry in entries(kind, "en") if any(translations_of(entry))] == []


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


# --- make messages -------------------------------------------------------------------------

FRENCH_HEADER = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Language: fr\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n'
)


def write_catalogue(locale_dir: Path, *entries_text: str) -> Path:
    path = locale_dir / "fr" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([FRENCH_HEADER, *entries_text]), encoding="utf-8")
    return path


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="needs GNU gettext's msgcat")
def test_a_string_moving_from_the_site_into_the_plugin_keeps_its_translations(tmp_path):
    """A template moved into the plugin must not show its strings in English after
    `make messages`: makemessages drops them from the site's catalogue and adds them,
    untranslated or with a fuzzy guess, to the plugin's."""
    plugin, site = tmp_path / "plugin", tmp_path / "site"
    cities = 'msgid "Partner cities"\nmsgstr "Villes partenaires"\n'
    write_catalogue(plugin, cities)
    write_catalogue(
        site,
        'msgid "Skip to content"\nmsgstr "Aller au contenu"\n',
        'msgid "%(n)s story"\nmsgid_plural "%(n)s stories"\n'
        'msgstr[0] "%(n)s récit"\nmsgstr[1] "%(n)s récits"\n',
    )
    known = messages.known_translations((plugin, site))
    # What makemessages leaves once the template lives in the plugin:
    write_catalogue(site)
    moved = write_catalogue(
        plugin,
        cities,
        '#, fuzzy\nmsgid "Skip to content"\nmsgstr "Villes partenaires"\n',
        'msgid "%(n)s story"\nmsgid_plural "%(n)s stories"\nmsgstr[0] ""\nmsgstr[1] ""\n',
    )

    filled = messages.carry_over(known, (plugin, site))

    entries_by_msgid = {entry.msgid: entry for entry in polib.pofile(str(moved))}
    assert filled == 2
    assert entries_by_msgid["Skip to content"].msgstr == "Aller au contenu"
    assert "fuzzy" not in entries_by_msgid["Skip to content"].flags
    assert entries_by_msgid["%(n)s story"].msgstr_plural == {0: "%(n)s récit", 1: "%(n)s récits"}
    assert entries_by_msgid["Partner cities"].msgstr == "Villes partenaires"
