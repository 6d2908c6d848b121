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

from home.demo.translations import translate


def real_translations(instances: list[Model]) -> set[tuple[str, object, int]]:
    """(model label, translation key, locale id) of every translation of ``instances``.

    Aliases of a source page do not count. One query per model, however many objects
    and languages: a second run of the demo checks them all at once.
    """
    found = set()
    by_model: dict[type[Model], set] = {}
    for instance in instances:
        model = Page if isinstance(instance, Page) else type(instance)
        by_model.setdefault(model, set()).add(instance.translation_key)
    for model, keys in by_model.items():
        queryset = model._default_manager.filter(translation_key__in=keys)
        if model is Page:
            queryset = queryset.filter(alias_of__isnull=True)
        label = model._meta.label
        found.update(
            (label, key, locale_id)
            for key, locale_id in queryset.values_list("translation_key", "locale_id")
        )
    return found


def translation_id(instance: Model, locale: Locale) -> tuple[str, object, int]:
    """The translation of ``instance`` into ``locale``, as ``real_translations`` names it."""
    model = Page if isinstance(instance, Page) else type(instance)
    return (model._meta.label, instance.translation_key, locale.pk)


def translate_object(instance: Model, locale: Locale, user=None) -> list[str]:
    """Translate ``instance`` into ``locale`` and publish it; return the untranslated texts.

    Segments without a demo translation keep the source text (a slug keeps the French
    slug), as wagtail-localize's fallback does.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    untranslated = []
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = StringValue(segment.string.data).render_text()
        translated = translate(text, locale.language_code)
        if translated is None and segment.context.path == "slug":
            translated = text
        if translated is None:
            untranslated.append(text)
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
