"""The source language: one answer for pages, API, JSON-LD and translation tools."""

from django.test import RequestFactory, override_settings

from wagtail.models import Locale

import pytest

from twinning.api.languages import source_locale as api_source_locale
from twinning.locales import source_language_code, source_locale
from twinning.localize.status import source_locale as localize_source_locale
from twinning.public.languages import source_language

pytestmark = pytest.mark.django_db


def test_the_source_language_is_the_sites_language_code():
    assert source_language_code() == "fr"
    assert source_locale() == Locale.objects.get(language_code="fr")


@pytest.mark.parametrize("language_code", ["en", "en-us"])
def test_a_host_writing_in_english_gets_english_as_its_source_everywhere(language_code):
    Locale.objects.get_or_create(language_code="en")
    request = RequestFactory().get("/", HTTP_HOST="localhost")

    with override_settings(LANGUAGE_CODE=language_code):
        english = Locale.objects.get(language_code="en")
        assert source_language_code() == "en"
        assert source_language() == "en"
        assert source_locale() == english
        assert localize_source_locale() == english
        assert api_source_locale(request) == english

    assert source_language_code() == "fr"  # nothing stale once the setting is back
