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
from django.db import connections, router
from django.db.models import DateTimeField, Model, Value

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
    objects: Sequence[TranslatableMixin],
    locales: Sequence[Locale] | None = None,
    *,
    versions: Iterable | None = None,
) -> dict[uuid.UUID, dict[str, Coverage]]:
    """Coverage of each object's translations, keyed by translation_key then language code.

    Objects may be in any locale: the figures are about the translations of the source of
    their translation key. ``locales`` default to every locale; the source's own locale is
    always left out. ``versions``, when the caller has already read them, are every
    version of the objects' translation keys in every locale, aliases and drafts included:
    objects with ``translation_key`` and ``locale_id`` (pages, or records of them, also with
    ``live``, ``alias_of_id`` and ``last_published_at``); then one query is made, else two.
    The number of queries does not depend on ``len(objects)``.
    """
    objects = list(objects)
    if not objects:
        return {}
    locales = list(Locale.objects.all()) if locales is None else list(locales)
    keys = {obj.translation_key for obj in objects}

    instances = _instances_by_key(objects) if versions is None else _instances_of(versions)
    # Percentages and logs are only read for translations that exist.
    measured = {
        found.locale_id
        for per_locale in instances.values()
        for found in per_locale.values()
        if not found.is_alias
    }
    sources = _sources_by_key(keys, [locale for locale in locales if locale.pk in measured])
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
                total = source.total
                done = source.translated.get(locale.pk, 0)
                percent = 100 if total == 0 else min(100, done * 100 // total)
                translated_at = source.logged.get(locale.pk) or target.changed_at
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


@dataclass(frozen=True)
class _Source:
    pk: int
    locale_id: int
    last_updated_at: datetime | None
    # String segments to translate.
    total: int
    # Locale id -> segments translated there, as wagtail-localize's own progress counts them.
    translated: dict[int, int]
    # Locale id -> when a translation into it was last saved from this source.
    logged: dict[int, datetime]


def _sources_by_key(keys: set[uuid.UUID], locales: list[Locale]) -> dict[uuid.UUID, _Source]:
    """The TranslationSource of each key with its figures per locale: one query.

    Segments are counted as ``Translation.get_progress`` does: a segment of the source is
    translated into a locale when a StringTranslation of its string, in its context, exists
    there without error. The sources' segments (index on ``source_id``) are joined to
    their translations on StringTranslation's unique index (locale, translation_of,
    context): the cost follows the size of the sources read, never that of the tables.
    A join rather than an EXISTS per segment and locale keeps PostgreSQL's cost estimate
    low (a large estimate switches its JIT compiler on, which costs more than the query).

    The SQL is written out: the ORM takes longer to build this query (one aggregate and
    one subquery per locale) than the database takes to run it, on every API response.
    The oldest source wins should a key ever have two.
    """
    if not keys:
        return {}
    connection = connections[router.db_for_read(TranslationSource)]
    sql, params = _sources_sql(connection, keys, [locale.pk for locale in locales])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    to_uuid = TranslationSource._meta.get_field("object_id").to_python
    to_datetime = _datetime_converter(connection)
    sources: dict[uuid.UUID, _Source] = {}
    n = len(locales)
    for pk, object_id, locale_id, last_updated_at, total, *figures in rows:
        key = to_uuid(object_id)
        if key in sources:
            continue
        done, logged = figures[:n], figures[n:]
        sources[key] = _Source(
            pk=pk,
            locale_id=locale_id,
            last_updated_at=to_datetime(last_updated_at),
            total=total,
            translated={
                locale.pk: int(count or 0) for locale, count in zip(locales, done, strict=True)
            },
            logged={
                locale.pk: to_datetime(moment)
                for locale, moment in zip(locales, logged, strict=True)
                if moment is not None
            },
        )
    return sources


def _sources_sql(connection, keys: set[uuid.UUID], locale_ids: list[int]) -> tuple[str, list]:
    qn = connection.ops.quote_name

    def table(model) -> str:
        return qn(model._meta.db_table)

    def column(model, name: str) -> str:
        return qn(model._meta.get_field(name).column)

    source, segment = TranslationSource, StringSegment
    translation, log = StringTranslation, TranslationLog
    select = [
        f"s.{column(source, 'id')}",
        f"s.{column(source, 'object_id')}",
        f"s.{column(source, 'locale_id')}",
        f"s.{column(source, 'last_updated_at')}",
        f"COUNT(DISTINCT g.{column(segment, 'id')})",
    ]
    params: list = []
    for locale_id in locale_ids:
        select.append(f"SUM(CASE WHEN t.{column(translation, 'locale')} = %s THEN 1 ELSE 0 END)")
        params.append(locale_id)
    for locale_id in locale_ids:
        select.append(
            f"(SELECT MAX(l.{column(log, 'created_at')}) FROM {table(log)} l "
            f"WHERE l.{column(log, 'source')} = s.{column(source, 'id')} "
            f"AND l.{column(log, 'locale')} = %s)"
        )
        params.append(locale_id)
    joins = (
        f" LEFT JOIN {table(segment)} g ON g.{column(segment, 'source')} = s.{column(source, 'id')}"
    )
    if locale_ids:
        joins += (
            f" LEFT JOIN {table(translation)} t "
            f"ON t.{column(translation, 'locale')} IN ({', '.join(['%s'] * len(locale_ids))}) "
            f"AND t.{column(translation, 'translation_of')} = g.{column(segment, 'string')} "
            f"AND t.{column(translation, 'context')} = g.{column(segment, 'context')} "
            f"AND t.{column(translation, 'has_error')} = %s"
        )
        params += [*locale_ids, False]
    object_id = source._meta.get_field("object_id")
    params += [object_id.get_db_prep_value(key, connection) for key in keys]
    grouped = ", ".join(select[:4] + [f"s.{column(source, 'created_at')}"])
    sql = (
        f"SELECT {', '.join(select)} FROM {table(source)} s{joins} "
        f"WHERE s.{column(source, 'object_id')} IN ({', '.join(['%s'] * len(keys))}) "
        f"GROUP BY {grouped} "
        f"ORDER BY s.{column(source, 'created_at')}, s.{column(source, 'id')}"
    )
    return sql, params


def _datetime_converter(connection):
    """Database datetimes as Django's ORM returns them (SQLite gives strings)."""
    expression = Value(None, output_field=DateTimeField())
    converters = connection.ops.get_db_converters(expression)

    def convert(value):
        for converter in converters:
            value = converter(value, expression, connection)
        return value

    return convert


def _instances_by_key(objects: list[Model]) -> dict[uuid.UUID, dict[int, _Instance]]:
    """Every instance of each translation key, per locale id: one query per base model."""
    keys_by_model: dict[type[Model], set[uuid.UUID]] = defaultdict(set)
    for obj in objects:
        keys_by_model[obj.get_translation_model()].add(obj.translation_key)
    instances: dict[uuid.UUID, dict[int, _Instance]] = defaultdict(dict)
    for model, model_keys in keys_by_model.items():
        queryset = model._default_manager.filter(translation_key__in=model_keys).order_by()
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


def _instances_of(versions: Iterable) -> dict[uuid.UUID, dict[int, _Instance]]:
    """The same, from versions the caller has already read (pages or records of them)."""
    instances: dict[uuid.UUID, dict[int, _Instance]] = defaultdict(dict)
    for version in versions:
        if hasattr(version, "alias_of_id"):  # a page
            found = _Instance(
                version.locale_id,
                version.live,
                version.alias_of_id is not None,
                version.last_published_at,
            )
        else:
            found = _Instance(version.locale_id, True, False, None)
        instances[version.translation_key][version.locale_id] = found
    return instances
