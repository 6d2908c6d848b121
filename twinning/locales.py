"""The source language: the one content is written in first and translated from.

It is the site's ``LANGUAGE_CODE``, as Wagtail matches it to a content language
(``fr-ca`` is written in ``fr`` when only ``fr`` is a content language). Wagtail caches
that match and forgets it when the language settings change; the Locale itself is read
when asked, so a test that creates locales never sees a stale one.
"""

from django.conf import settings

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale


def source_language_code() -> str:
    """The content language code of the source language (``LANGUAGE_CODE`` as Wagtail reads it)."""
    try:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def source_locale() -> Locale | None:
    """The Locale of the source language (Wagtail's default locale), None before it exists."""
    return Locale.objects.filter(language_code=source_language_code()).first()
