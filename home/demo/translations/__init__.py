"""Translations of the demo content, keyed by the French source text.

Each module maps a French text to its translations by language code. They are written
for the demo (not by a machine-translation service) and fed to wagtail-localize as
string translations; the partner languages' modules have not yet been reviewed by native
speakers.
English and German, which cover the whole demo, are kept by kind of content (site,
themes, cities, stories, agenda); the partner cities' own languages, which cover the
site's sections, the themes and the pages about their cities, have a module each.
"""

from home.demo.translations import agenda, ar, cities, es, hu, it, ja, pt, site, stories, themes

# Names written the same in the Latin-script languages of the demo.
SAME_IN_LATIN_SCRIPT = frozenset(
    {
        "Aix-en-Provence",
        "Tübingen",
        "Bath",
        "Coimbra",
        "Pécs",
        "Oujda",
        "Baalbek",
        "Bamako",
        "Baton Rouge",
        "Coral Gables",
        "Chaoyang (Liaoning)",
        "Foshan",
        "Kumamoto",
        "Somerset",
        "Liaoning",
        "Guangdong",
        "2015",
        "6",
    }
)
LATIN_SCRIPT_LANGUAGES = frozenset({"en", "de", "it", "es", "pt", "hu"})


def _merge(*tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        for source, by_language in table.items():
            entry = merged.setdefault(source, {})
            for language, text in by_language.items():
                if entry.get(language, text) != text:
                    raise ValueError(f"Two translations into {language} of {source!r}")
                entry[language] = text
    return merged


STRINGS = _merge(
    site.STRINGS,
    themes.STRINGS,
    cities.STRINGS,
    stories.STRINGS,
    agenda.STRINGS,
    *(module.STRINGS for module in (it, es, pt, hu, ja, ar)),
)


def translate(source: str, language: str) -> str | None:
    """The translation of a French text, or None when the demo has none."""
    translated = STRINGS.get(source, {}).get(language)
    if translated is None and language in LATIN_SCRIPT_LANGUAGES and source in SAME_IN_LATIN_SCRIPT:
        return source
    return translated
