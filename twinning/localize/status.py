"""How far each page or snippet is translated, per locale, in a bounded number of queries.

The figures come from wagtail-localize's records: the TranslationSource of an object (its
extracted source strings), the StringTranslations made in each locale, and the
TranslationLog written whenever a translation is saved. Alias pages (created by locale
synchronisation) are not translations: they count as missing.

Each figure also has a ``state``, the one word the report, the dashboard and the API show:

- ``missing``: no translation (an alias is none);
- ``untranslated``: a translation exists but none of its strings is translated, as when
  "Translate this page" converts a live alias and publishes it with the source's text;
- ``awaiting_review``: a newer version of the translation waits for a reviewer (a draft
  revision newer than the live one, as a submission for review or a PO import over a live
  translation saves, or a workflow in progress on the translated page): readers still see
  the older version, or nothing;
- ``draft``: a translation nobody has published;
- ``out_of_date``: live, but the source changed since the translation was last synced;
- ``live``: live and up to date.

Snippets keep neither revisions nor dates: their translations are out of date when the
text translators work on (translatable fields) differs from what wagtail-localize last
extracted, as after the French snippet is edited in the admin without a sync.
"""

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, router
from django.db.models import DateTimeField, Model, Value

from modelcluster.models import get_field_value
from wagtail.models import (
    Locale,
    Page,
    TranslatableMixin,
    WorkflowState,
    get_default_page_content_type,
)
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TranslationLog,
    TranslationSource,
)

from twinning.locales import source_language_code
from twinning.locales import source_locale as source_locale  # re-exported for callers

MISSING = "missing"
UNTRANSLATED = "untranslated"
AWAITING_REVIEW = "awaiting_review"
DRAFT = "draft"
OUT_OF_DATE = "out_of_date"
LIVE = "live"
#: Every value of ``Coverage.state``.
STATES = (MISSING, UNTRANSLATED, AWAITING_REVIEW, DRAFT, OUT_OF_DATE, LIVE)


@dataclass(frozen=True)
class Coverage:
    language_code: str
    # A translated object exists in that locale (draft or live); an alias is not one.
    exists: bool
    # Pages: the translation is live. Snippets have no draft state: same as ``exists``.
    live: bool
    # 0..100, rounded down: share of the source's string segments translated in that locale.
    percent: int
    # The source changed after the translation was last synced or saved; for snippets, also
    # when the snippet's translatable text differs from what was last extracted from it.
    out_of_date: bool
    # When the source content last changed: its last extraction by wagtail-localize or,
    # for pages, its last publication, whichever is later.
    source_updated_at: datetime | None
    # When the translation was last saved from the source (its last TranslationLog).
    translated_at: datetime | None
    # Pages: a newer version of the translation waits for review (a draft revision newer
    # than the live one, or a workflow in progress); readers still see the live one.
    awaiting_review: bool = False

    @property
    def translated(self) -> bool:
        """Readers can read a translation: it is live and some of its text is translated."""
        return self.live and self.percent > 0

    @property
    def state(self) -> str:
        """One of ``STATES``: what an editor should know first about this translation."""
        if not self.exists:
            return MISSING
        if self.percent == 0:
            return UNTRANSLATED
        if self.awaiting_review:
            return AWAITING_REVIEW
        if not self.live:
            return DRAFT
        if self.out_of_date:
            return OUT_OF_DATE
        return LIVE


@dataclass(frozen=True)
class _Instance:
    locale_id: int
    live: bool
    is_alias: bool
    changed_at: datetime | None
    is_page: bool = False
    # Snippets: the values of the fields translators work on, serialised as extracted.
    content: dict | None = None


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
    ``live``, ``alias_of_id`` and ``last_published_at``); then one query is made, else one
    more per base model (pages, each snippet model). The number of queries does not depend
    on ``len(objects)``.
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
    pages, snippets = set(), set()
    for key, per_locale in instances.items():
        for found in per_locale.values():
            if found.is_page:
                pages.add(key)
            elif found.content is not None:
                snippets.add(key)
    sources, in_review = _figures(
        keys,
        [locale for locale in locales if locale.pk in measured],
        with_content=snippets,
        review_of=pages,
    )
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
        # A snippet edited since its last extraction: every translation of it is behind.
        edited_since_extraction = bool(
            source is not None
            and source_instance is not None
            and source_instance.content is not None
            and source.content is not None
            and _differs(source_instance.content, source.content)
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
                out_of_date=exists
                and (
                    edited_since_extraction
                    or bool(
                        source_updated_at and translated_at and source_updated_at > translated_at
                    )
                ),
                source_updated_at=source_updated_at,
                translated_at=translated_at,
                awaiting_review=exists and (key, locale.pk) in in_review,
            )
        result[key] = per_locale
    return result


def _latest(*moments: datetime | None) -> datetime | None:
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None


def _default_locale_id(locales: Iterable[Locale]) -> int | None:
    """The site's default locale: where untranslated-yet objects have their source."""
    code = source_language_code()
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
    # The content extracted (``content_json``), read only for the keys asked for.
    content: dict | None = None


def _figures(
    keys: set[uuid.UUID],
    locales: list[Locale],
    *,
    with_content: set[uuid.UUID] = frozenset(),
    review_of: set[uuid.UUID] = frozenset(),
) -> tuple[dict[uuid.UUID, _Source], set[tuple[uuid.UUID, int]]]:
    """The TranslationSource of each key with its figures per locale, and the translated
    pages of the keys in ``review_of`` that await review, as (key, locale id): one query.

    Segments are counted as ``Translation.get_progress`` does: a segment of the source is
    translated into a locale when a StringTranslation of its string, in its context, exists
    there without error. The sources' segments (index on ``source_id``) are joined to
    their translations on StringTranslation's unique index (locale, translation_of,
    context): the cost follows the size of the sources read, never that of the tables.
    A join rather than an EXISTS per segment and locale keeps PostgreSQL's cost estimate
    low (a large estimate switches its JIT compiler on, which costs more than the query).

    A page awaits review when a workflow is in progress on it, or when it is live with a
    newer revision than the live one: a submission for review and a PO import over a live
    translation both save one without publishing it. Those pages come from a second
    SELECT of the same statement (UNION ALL), on the page table's translation key index,
    so that readers of the API pay no query more for the review state.

    The SQL is written out: the ORM takes longer to build this query (one aggregate and
    one subquery per locale) than the database takes to run it, on every API response.
    The oldest source wins should a key ever have two. The extracted content, for the keys
    in ``with_content`` only (snippets: small), comes in the same query.
    """
    if not keys:
        return {}, set()
    connection = connections[router.db_for_read(TranslationSource)]
    sql, params = _figures_sql(
        connection, keys, [locale.pk for locale in locales], with_content & keys, review_of & keys
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    to_uuid = TranslationSource._meta.get_field("object_id").to_python
    to_datetime = _datetime_converter(connection)
    in_review: set[tuple[uuid.UUID, int]] = set()
    found = []
    for pk, object_id, locale_id, *rest in rows:
        if pk is None:
            in_review.add((to_uuid(object_id), locale_id))
        else:
            found.append((to_datetime(rest[1]), pk, object_id, locale_id, rest))
    sources: dict[uuid.UUID, _Source] = {}
    n = len(locales)
    for _created_at, pk, object_id, locale_id, rest in sorted(found, key=lambda row: row[:2]):
        key = to_uuid(object_id)
        if key in sources:
            continue
        last_updated_at, _created, total, content, *figures = rest
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
            content=json.loads(content) if content else None,
        )
    return sources, in_review


def _figures_sql(
    connection,
    keys: set[uuid.UUID],
    locale_ids: list[int],
    with_content: set[uuid.UUID],
    review_of: set[uuid.UUID],
) -> tuple[str, list]:
    qn = connection.ops.quote_name

    def table(model) -> str:
        return qn(model._meta.db_table)

    def column(model, name: str) -> str:
        return qn(model._meta.get_field(name).column)

    source, segment = TranslationSource, StringSegment
    translation, log = StringTranslation, TranslationLog
    object_id = source._meta.get_field("object_id")
    select = [
        f"s.{column(source, 'id')}",
        f"s.{column(source, 'object_id')}",
        f"s.{column(source, 'locale_id')}",
        f"s.{column(source, 'last_updated_at')}",
        f"s.{column(source, 'created_at')}",
        f"COUNT(DISTINCT g.{column(segment, 'id')})",
    ]
    grouped = ", ".join(select[:5])
    params: list = []
    if with_content:
        select.append(
            f"CASE WHEN s.{column(source, 'object_id')} "
            f"IN ({', '.join(['%s'] * len(with_content))}) "
            f"THEN (SELECT c.{column(source, 'content_json')} FROM {table(source)} c "
            f"WHERE c.{column(source, 'id')} = s.{column(source, 'id')}) END"
        )
        params += [object_id.get_db_prep_value(key, connection) for key in with_content]
    else:
        select.append("NULL")
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
    params += [object_id.get_db_prep_value(key, connection) for key in keys]
    sql = (
        f"SELECT {', '.join(select)} FROM {table(source)} s{joins} "
        f"WHERE s.{column(source, 'object_id')} IN ({', '.join(['%s'] * len(keys))}) "
        f"GROUP BY {grouped}"
    )
    if review_of:
        review_sql, review_params = _review_sql(connection, review_of, padding=len(select) - 3)
        sql = f"{sql} UNION ALL {review_sql}"
        params += review_params
    return sql, params


def _review_sql(connection, keys: set[uuid.UUID], padding: int) -> tuple[str, list]:
    """Translated pages of ``keys`` that await review, as rows shaped like the sources'."""
    qn = connection.ops.quote_name

    def column(model, name: str) -> str:
        return qn(model._meta.get_field(name).column)

    translation_key = Page._meta.get_field("translation_key")
    state = WorkflowState
    # As Django's Cast(pk, CharField()): the workflow state names its object by a string.
    page_id = f"CAST(p.{column(Page, 'id')} AS {connection.ops.cast_char_field_without_max_length})"
    sql = (
        f"SELECT NULL, p.{column(Page, 'translation_key')}, p.{column(Page, 'locale')}"
        f"{', NULL' * padding} FROM {qn(Page._meta.db_table)} p "
        f"WHERE p.{column(Page, 'translation_key')} IN ({', '.join(['%s'] * len(keys))}) "
        f"AND p.{column(Page, 'alias_of')} IS NULL "
        f"AND ((p.{column(Page, 'live')} = %s AND p.{column(Page, 'has_unpublished_changes')} = %s)"
        f" OR EXISTS (SELECT 1 FROM {qn(state._meta.db_table)} w "
        f"WHERE w.{column(state, 'base_content_type')} = %s "
        f"AND w.{column(state, 'object_id')} = {page_id} "
        f"AND w.{column(state, 'status')} = %s))"
    )
    params = [
        *(translation_key.get_db_prep_value(key, connection) for key in keys),
        True,
        True,
        get_default_page_content_type().pk,
        WorkflowState.STATUS_IN_PROGRESS,
    ]
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
    """Every instance of each translation key, per locale id: one query per base model.

    Snippets come with the content translators work on, to compare with what was extracted.
    """
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
                    locale_id, live, alias_of_id is not None, published_at, is_page=True
                )
        else:
            for obj, content in _snippet_contents(model, queryset):
                instances[obj.translation_key][obj.locale_id] = _Instance(
                    obj.locale_id, True, False, None, content=content
                )
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
                is_page=True,
            )
        else:
            found = _Instance(version.locale_id, True, False, None)
        instances[version.translation_key][version.locale_id] = found
    return instances


# Snippets' content -----------------------------------------------------------------------


def _compared_fields(model: type[Model]) -> list:
    """The concrete fields translators work on: translatable, or synchronised but overridable.

    Locked synchronised fields are left out: ``synchronised_fields`` copies them into every
    translation as soon as the source is saved, so a change there leaves nothing to
    translate. Inline children and many-to-many fields are left out too (the project's
    snippets translate none).
    """
    fields = []
    local = set(model._meta.fields)
    for declared in get_translatable_fields(model):
        if isinstance(declared, SynchronizedField) and not declared.overridable:
            continue
        try:
            field = model._meta.get_field(declared.field_name)
        except FieldDoesNotExist:
            continue
        if field in local and field.serialize:
            fields.append(field)
    return fields


def _snippet_contents(model: type[Model], queryset) -> list[tuple[Model, dict]]:
    """Each instance with the values of its compared fields, serialised as wagtail-localize
    serialises them into ``content_json``: one query."""
    fields = _compared_fields(model)
    objects = queryset.only("pk", "translation_key", "locale_id", *(f.name for f in fields))
    return [
        (obj, {field.name: _as_json(get_field_value(field, obj)) for field in fields})
        for obj in objects
    ]


def _as_json(value):
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _differs(current: dict, extracted: dict) -> bool:
    """The current content differs from the extracted one on a compared field."""
    return any(name not in extracted or extracted[name] != value for name, value in current.items())
