"""Translations of the demo content, keyed by the French source text.

Each module maps a French text to its translations by language code. They are written
by people (not machine translated) and fed to wagtail-localize as string translations.
"""

from . import agenda, cities, site, stories, themes

# Names written the same in the Latin-script languages of the demo (en, de).
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


STRINGS = _merge(site.STRINGS, themes.STRINGS, cities.STRINGS, stories.STRINGS, agenda.STRINGS)


def translate(source: str, language: str) -> str | None:
    """The translation of a French text, or None when the demo has none."""
    translated = STRINGS.get(source, {}).get(language)
    if translated is None and language in LATIN_SCRIPT_LANGUAGES and source in SAME_IN_LATIN_SCRIPT:
        return source
    return translated
