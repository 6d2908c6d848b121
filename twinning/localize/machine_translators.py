"""wagtail-localize's DeepL and LibreTranslate translators, made safe to fail.

The services are reached over the network from the translation editor. When one is down,
slow or refuses the key, wagtail-localize's translators raise and the editor answers with a
server error; these leave the strings untranslated instead and log why, so the translator
can carry on by hand.
"""

import logging

from wagtail_localize.machine_translators.deepl import DeepLTranslator as BaseDeepLTranslator
from wagtail_localize.machine_translators.libretranslate import (
    LibreTranslator as BaseLibreTranslator,
)

import requests

logger = logging.getLogger(__name__)


class FailSafeMixin:
    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        try:
            return super().translate(source_locale, target_locale, strings)
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            logger.warning(
                "%s could not translate %d strings from %s to %s: %s",
                self.display_name,
                len(strings),
                source_locale.language_code,
                target_locale.language_code,
                error,
            )
            return {}


class DeepLTranslator(FailSafeMixin, BaseDeepLTranslator):
    pass


class LibreTranslator(FailSafeMixin, BaseLibreTranslator):
    pass
