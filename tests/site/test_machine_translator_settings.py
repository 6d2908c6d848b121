"""The reference site's machine translator comes from its environment: DeepL, LibreTranslate
or none (the dummy translator in development)."""

import importlib
import secrets

from cms.settings.base import machine_translator_from_env

# Configuration from the environment --------------------------------------------------------


def test_nothing_is_configured_without_environment_variables():
    assert machine_translator_from_env({}) is None


def test_deepl_is_chosen_when_its_key_is_set():
    config = machine_translator_from_env(
        {"DEEPL_API_KEY": "abc:fx", "LIBRETRANSLATE_URL": "http://lt.example"}
    )
    assert config["CLASS"] == "twinning.localize.machine_translators.DeepLTranslator"
    assert config["OPTIONS"]["AUTH_KEY"] == "abc:fx"


def test_libretranslate_key_is_optional():
    config = machine_translator_from_env({"LIBRETRANSLATE_URL": "http://lt.example/"})
    assert config["CLASS"] == "twinning.localize.machine_translators.LibreTranslator"
    assert config["OPTIONS"] == {
        "LIBRETRANSLATE_URL": "http://lt.example",
        "API_KEY": "",
        "TIMEOUT": 10,
    }


def settings_module(name, monkeypatch):
    for variable in ("DEEPL_API_KEY", "LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY"):
        monkeypatch.delenv(variable, raising=False)
    # Production refuses a weak key and, without DATABASE_URL, SQLite unless told.
    monkeypatch.setenv("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    monkeypatch.setenv("ALLOW_SQLITE_IN_PRODUCTION", "true")
    importlib.reload(importlib.import_module("cms.settings.base"))
    return importlib.reload(importlib.import_module(name))


def test_production_has_no_machine_translator_by_default(monkeypatch):
    production = settings_module("cms.settings.production", monkeypatch)
    assert production.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None


def test_development_falls_back_to_the_dummy_translator(monkeypatch):
    dev = settings_module("cms.settings.dev", monkeypatch)
    assert dev.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith("dummy.DummyTranslator")
