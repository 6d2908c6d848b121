"""How far each page or snippet is translated, per locale, in a bounded number of queries.

The figures come from wagtail-localize's records: the TranslationSource of an object (its
extracted source strings), the StringTranslations made in each locale, and the
TranslationLog written whenever a translation is saved. Alias pages (created by locale
synchronisation) are not translations: they count as missing.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Exists, Max, Model, OuterRef

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TranslationLog,
    TranslationSource,
)


@dataclass(frozen=True)
class Coverage:
    language_code: str
    # A translated object exists in that locale (draft or live); an alias is not one.
    exists: bool
    # Pages: the translation is live. Snippets have no draft state: same as ``exists``.
    live: bool
    # 0..100, rounded down: share of the source's string segments translated in that locale.
    percent: int
    # The source changed after the translation was last synced or saved.
    out_of_date: bool
    # When the source content last changed: its last extraction by wagtail-localize or,
    # for pages, its last publication, whichever is later.
    source_updated_at: datetime | None
    # When the translation was last saved from the source (its last TranslationLog).
    translated_at: datetime | None


@dataclass(frozen=True)
class _Instance:
    locale_id: int
    live: bool
    is_alias: bool
    changed_at: datetime | None


def coverage_for(
    objects: Sequence[TranslatableMixin], locales: Sequence[Locale] | None = None
) -> dict[uuid.UUID, dict[str, Coverage]]:
    """Coverage of each object's translations, keyed by translation_key then language code.

    Objects may be in any locale: the figures are about the translations of the source of
    their translation key. ``locales`` default to every locale; the source's own locale is
    always left out. The number of queries does not depend on ``len(objects)``.
    """
    objects = list(objects)
    if not objects:
        return {}
    locales = list(Locale.objects.all()) if locales is None else list(locales)
    keys = {obj.translation_key for obj in objects}

    sources = _sources_by_key(keys)
    instances = _instances_by_key(objects)
    source_ids = [source.pk for source in sources.values()]
    totals = _segment_totals(source_ids)
    translated = _translated_counts(keys, source_ids, locales)
    logged = _last_translation_logs(source_ids, locales)
    default_locale_id = _default_locale_id(locales)

    result: dict[uuid.UUID, dict[str, Coverage]] = {}
    for obj in objects:
        key = obj.translation_key
        if key in result:
            continue
        source = sources.get(key)
        found = instances.get(key, {})
        if source is not None:
            source_locale_id = source.locale_id
        elif default_locale_id in found:
            source_locale_id = default_locale_id
        else:
            source_locale_id = obj.locale_id
        source_instance = found.get(source_locale_id)
        source_updated_at = _latest(
            source.last_updated_at if source else None,
            source_instance.changed_at if source_instance else None,
        )
        per_locale = {}
        for locale in locales:
            if locale.pk == source_locale_id:
                continue
            target = found.get(locale.pk)
            exists = target is not None and not target.is_alias
            translated_at = None
            percent = 0
            if exists and source is None:
                # Translated by hand, outside wagtail-localize: nothing to measure against.
                percent = 100
                translated_at = target.changed_at
            elif exists:
                total = totals.get(source.pk, 0)
                done = translated.get((key, locale.pk), 0)
                percent = 100 if total == 0 else min(100, done * 100 // total)
                translated_at = logged.get((source.pk, locale.pk)) or target.changed_at
            per_locale[locale.language_code] = Coverage(
                language_code=locale.language_code,
                exists=exists,
                live=exists and target.live,
                percent=percent,
                out_of_date=bool(
                    exists
                    and source_updated_at
                    and translated_at
                    and source_updated_at > translated_at
                ),
                source_updated_at=source_updated_at,
                translated_at=translated_at,
            )
        result[key] = per_locale
    return result


def source_locale() -> Locale:
    """The locale pages are written in and translated from: the site's default language."""
    return Locale.get_default()


def _latest(*moments: datetime | None) -> datetime | None:
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None


def _default_locale_id(locales: Iterable[Locale]) -> int | None:
    """The site's default locale: where untranslated-yet objects have their source."""
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    for locale in locales:
        if locale.language_code == code:
            return locale.pk
    return Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()


def _sources_by_key(keys: set[uuid.UUID]) -> dict[uuid.UUID, TranslationSource]:
    """The TranslationSource of each key; the oldest wins should there ever be two."""
    sources: dict[uuid.UUID, TranslationSource] = {}
    queryset = (
        TranslationSource.objects.filter(object_id__in=keys)
        .only("pk", "object_id", "locale_id", "last_updated_at")
        .order_by("created_at", "pk")
    )
    for source in queryset:
        sources.setdefault(source.object_id, source)
    return sources


def _instances_by_key(objects: list[Model]) -> dict[uuid.UUID, dict[int, _Instance]]:
    """Every instance of each translation key, per locale id: one query per base model."""
    keys_by_model: dict[type[Model], set[uuid.UUID]] = defaultdict(set)
    for obj in objects:
        keys_by_model[obj.get_translation_model()].add(obj.translation_key)
    instances: dict[uuid.UUID, dict[int, _Instance]] = defaultdict(dict)
    for model, model_keys in keys_by_model.items():
        queryset = model._default_manager.filter(translation_key__in=model_keys)
        if issubclass(model, Page):
            rows = queryset.values_list(
                "translation_key", "locale_id", "live", "alias_of_id", "last_published_at"
            )
            for key, locale_id, live, alias_of_id, published_at in rows:
                instances[key][locale_id] = _Instance(
                    locale_id, live, alias_of_id is not None, published_at
                )
        else:
            for key, locale_id in queryset.values_list("translation_key", "locale_id"):
                instances[key][locale_id] = _Instance(locale_id, True, False, None)
    return instances


def _segment_totals(source_ids: list[int]) -> dict[int, int]:
    if not source_ids:
        return {}
    rows = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .values_list("source_id")
        .annotate(total=Count("pk"))
        .order_by()
    )
    return dict(rows)


def _translated_counts(
    keys: set[uuid.UUID], source_ids: list[int], locales: list[Locale]
) -> dict[tuple[uuid.UUID, int], int]:
    """Translated segments per (translation key, locale id), as wagtail-localize counts them."""
    if not source_ids or not locales:
        return {}
    current_segment = StringSegment.objects.filter(
        source_id__in=source_ids,
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
    )
    rows = (
        StringTranslation.objects.filter(
            context__object_id__in=keys,
            locale_id__in=[locale.pk for locale in locales],
            has_error=False,
        )
        .filter(Exists(current_segment))
        .values_list("context__object_id", "locale_id")
        .annotate(done=Count("pk"))
        .order_by()
    )
    return {(key, locale_id): done for key, locale_id, done in rows}


def _last_translation_logs(
    source_ids: list[int], locales: list[Locale]
) -> dict[tuple[int, int], datetime]:
    if not source_ids or not locales:
        return {}
    rows = (
        TranslationLog.objects.filter(
            source_id__in=source_ids, locale_id__in=[locale.pk for locale in locales]
        )
        .values_list("source_id", "locale_id")
        .annotate(last=Max("created_at"))
        .order_by()
    )
    return {(source_id, locale_id): last for source_id, locale_id, last in rows}
