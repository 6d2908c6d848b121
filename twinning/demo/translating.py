"""Translate through wagtail-localize's own records, as its editor does.

For each object: a TranslationSource (the frozen French content and its segments), a
Translation per target locale, one StringTranslation per segment with the demo's text,
then ``Translation.save_target()`` builds or updates the translated object.
"""

from django.db.models import Model

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from .translations import translate


def has_real_translation(instance: Model, locale: Locale) -> bool:
    """A translation exists in ``locale``; an alias of the source page does not count."""
    if isinstance(instance, Page):
        return Page.objects.filter(
            translation_key=instance.translation_key, locale=locale, alias_of__isnull=True
        ).exists()
    return (
        type(instance)._default_manager.filter(
            translation_key=instance.translation_key, locale=locale
        )
    ).exists()


def translate_object(instance: Model, locale: Locale, user=None) -> int:
    """Translate ``instance`` into ``locale`` and publish it; return untranslated segments.

    Segments without a demo translation keep the source text (a slug keeps the French
    slug), as wagtail-localize's fallback does.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    untranslated = 0
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = StringValue(segment.string.data).render_text()
        translated = translate(text, locale.language_code)
        if translated is None and segment.context.path == "slug":
            translated = text
        if translated is None:
            untranslated += 1
            continue
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": StringValue.from_plaintext(translated).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    if isinstance(instance, Page):
        # Saved as a draft like any new translation, then published here: the demo is
        # the one place where translations go live without a person reviewing them.
        translation.save_target(user=user, publish=False)
        translation.get_target_instance().get_latest_revision().publish(user=user)
    else:
        translation.save_target(user=user, publish=True)
    return untranslated
