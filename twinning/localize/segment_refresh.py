"""Re-extract a translation source's segments in a fixed number of queries.

wagtail-localize's ``TranslationSource.refresh_segments`` runs every time a source is
extracted again ("Sync translated pages", the PO exchange, a new submission): it gets or
creates each String, TranslationContext and segment one by one, about eight queries per
segment. ``refresh_segments`` below writes the same rows, with the same fields, creating
new rows only where wagtail-localize would, in one or two queries per table, so a re-sync
costs as many queries for 20 segments as for 2,000.

wagtail-localize offers no extension point for this: ``install()``, called when the app
is ready and ``TWINNING["BULK_SEGMENT_REFRESH"]`` is True, replaces the method on
``TranslationSource``; ``original_refresh_segments`` keeps wagtail-localize's own
implementation reachable. On a release other than ``SUPPORTED_VERSION`` it is not
installed, with a warning at start-up and in ``manage.py check`` (twinning.W060).
"""

import json
import uuid
import warnings
from collections.abc import Callable, Hashable, Iterable

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.db.models import Q

import wagtail_localize
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    Template,
    TemplateSegment,
    TranslatableObject,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

# The release whose refresh_segments this module reproduces; checked by install().
SUPPORTED_VERSION = (1, 14)

# Bounds the parameters of one IN (...) lookup: SQLite allows 999 per statement.
CHUNK = 500

original_refresh_segments = TranslationSource.refresh_segments

# What wagtail-localize's get_or_create looks each kind of segment up by, besides
# the source: an existing row with the same values is kept, any other is replaced.
SEGMENT_KEYS = {
    StringSegment: ("context_id", "order", "string_id", "attrs"),
    TemplateSegment: ("context_id", "order", "template_id"),
    RelatedObjectSegment: ("context_id", "order", "object_id"),
    OverridableSegment: ("context_id", "order", "data_json"),
}


def refresh_segments(source: TranslationSource) -> None:
    """Bring the source's segment rows in line with its stored content, in bulk.

    A drop-in for ``TranslationSource.refresh_segments``: ``source`` is its ``self``.
    """
    with transaction.atomic():
        instance = source.as_instance()
        values = {model: [] for model in SEGMENT_KEYS}
        all_values = extract_segments(instance)
        for value in all_values:
            values[segment_model(value)].append(value)

        contexts = get_or_create_contexts(source, instance, [v.path for v in all_values])
        strings = get_or_create_strings(source.locale_id, values[StringSegment])
        templates = get_or_create_templates(values[TemplateSegment])
        objects = get_or_create_objects(values[RelatedObjectSegment])

        def segment(model, value, **fields):
            return model(source=source, context=contexts[value.path], order=value.order, **fields)

        wanted = {
            StringSegment: [
                segment(
                    StringSegment,
                    value,
                    string=strings[string_hash(value)],
                    attrs=json.dumps(value.attrs, cls=DjangoJSONEncoder),
                )
                for value in values[StringSegment]
            ],
            TemplateSegment: [
                segment(TemplateSegment, value, template=templates[template_uuid(value)])
                for value in values[TemplateSegment]
            ],
            RelatedObjectSegment: [
                segment(RelatedObjectSegment, value, object=objects[object_key(value)])
                for value in values[RelatedObjectSegment]
            ],
            OverridableSegment: [
                segment(
                    OverridableSegment,
                    value,
                    data_json=json.dumps(value.data, cls=DjangoJSONEncoder),
                )
                for value in values[OverridableSegment]
            ],
        }
        for model, rows in wanted.items():
            replace_segments(source, model, rows)


def segment_model(value) -> type[models.Model]:
    """The segment table wagtail-localize stores ``value`` in (strings by default)."""
    if isinstance(value, TemplateSegmentValue):
        return TemplateSegment
    if isinstance(value, RelatedObjectSegmentValue):
        return RelatedObjectSegment
    if isinstance(value, OverridableSegmentValue):
        return OverridableSegment
    return StringSegment


def string_hash(value) -> uuid.UUID:
    return String._get_data_hash(value.string.data)


def template_uuid(value) -> uuid.UUID:
    """Template.from_value's key."""
    namespace = uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format)
    return uuid.uuid5(namespace, value.template)


def object_key(value) -> tuple[uuid.UUID, int]:
    return uuid.UUID(str(value.translation_key)), value.content_type.pk


def get_or_create_contexts(source, instance, paths: list[str]) -> dict[str, TranslationContext]:
    """The source object's contexts by path, each with its field path filled in."""
    path_ids = {path: TranslationContext._get_path_id(path) for path in paths}

    def build(path: str) -> TranslationContext:
        context = TranslationContext(object_id=source.object_id, path=path, path_id=path_ids[path])
        field_path(context, instance)
        return context

    contexts = get_or_create_all(
        TranslationContext,
        list(path_ids),
        build,
        key=lambda context: context.path,
        lookup=lambda paths: Q(
            object_id=source.object_id, path_id__in=[path_ids[path] for path in paths]
        ),
    )
    # Contexts made before wagtail-localize 1.0 have none; it fills them in as it goes.
    unfilled = [context for context in contexts.values() if not context.field_path]
    for context in unfilled:
        field_path(context, instance)
    if unfilled:
        TranslationContext.objects.bulk_update(unfilled, ["field_path"])
    return contexts


def field_path(context: TranslationContext, instance) -> str:
    """wagtail-localize's own field path, without its one UPDATE per context."""
    if not context.field_path:
        context.save = lambda *args, **kwargs: None  # written in bulk by the caller
        try:
            context.get_field_path(instance)
        finally:
            del context.save
    return context.field_path


def get_or_create_strings(locale_id: int, values: list) -> dict[uuid.UUID, String]:
    data = {string_hash(value): value.string.data for value in values}
    return get_or_create_all(
        String,
        list(data),
        lambda data_hash: String(locale_id=locale_id, data_hash=data_hash, data=data[data_hash]),
        key=lambda string: string.data_hash,
        lookup=lambda hashes: Q(locale_id=locale_id, data_hash__in=hashes),
    )


def get_or_create_templates(values: list) -> dict[uuid.UUID, Template]:
    by_uuid = {template_uuid(value): value for value in values}
    return get_or_create_all(
        Template,
        list(by_uuid),
        lambda key: Template(
            uuid=key,
            template=by_uuid[key].template,
            template_format=by_uuid[key].format,
            string_count=by_uuid[key].string_count,
        ),
        key=lambda template: template.uuid,
        lookup=lambda keys: Q(uuid__in=keys),
    )


def get_or_create_objects(values: list) -> dict[tuple[uuid.UUID, int], TranslatableObject]:
    return get_or_create_all(
        TranslatableObject,
        list(dict.fromkeys(map(object_key, values))),
        lambda key: TranslatableObject(translation_key=key[0], content_type_id=key[1]),
        key=lambda obj: (obj.translation_key, obj.content_type_id),
        lookup=lambda keys: Q(translation_key__in=[key[0] for key in keys]),
    )


def get_or_create_all(
    model: type[models.Model],
    keys: list[Hashable],
    build: Callable[[Hashable], models.Model],
    *,
    key: Callable[[models.Model], Hashable],
    lookup: Callable[[list], Q],
) -> dict[Hashable, models.Model]:
    """``get_or_create`` for many rows: one SELECT, then one INSERT and SELECT if some are new.

    Rows another transaction inserts meanwhile are skipped on insert and read back, as
    ``get_or_create`` does on an IntegrityError.
    """
    keys = list(dict.fromkeys(keys))
    found = select(model, keys, key, lookup)
    missing = [k for k in keys if k not in found]
    if missing:
        model.objects.bulk_create([build(k) for k in missing], ignore_conflicts=True)
        found.update(select(model, missing, key, lookup))
        lost = [k for k in missing if k not in found]
        if lost:
            raise IntegrityError(f"{model.__name__} rows could not be created: {lost[:3]}")
    return found


def select(model, keys: list, key, lookup) -> dict:
    found = {}
    for chunk in chunks(keys):
        found.update((key(row), row) for row in model.objects.filter(lookup(chunk)))
    return {k: found[k] for k in keys if k in found}


def replace_segments(source, model: type[models.Model], rows: list[models.Model]) -> None:
    """Keep the source's rows that match one of ``rows``; insert the others, delete the rest."""
    fields = SEGMENT_KEYS[model]
    python = [model._meta.get_field(name).to_python for name in fields]

    def key(values: Iterable) -> tuple:
        return tuple(convert(value) for convert, value in zip(python, values, strict=True))

    existing: dict[tuple, list[int]] = {}
    for pk, *values in (
        model.objects.filter(source=source).order_by("pk").values_list("pk", *fields)
    ):
        existing.setdefault(key(values), []).append(pk)
    new = []
    for row in rows:
        kept = existing.get(key(getattr(row, name) for name in fields))
        if kept:
            kept.pop(0)
        else:
            new.append(row)
    stale = [pk for pks in existing.values() for pk in pks]
    if new:
        model.objects.bulk_create(new)
    for chunk in chunks(stale):
        model.objects.filter(pk__in=chunk).delete()


def chunks(items: list) -> Iterable[list]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def is_supported() -> bool:
    """Whether the installed wagtail-localize is the release this module reproduces."""
    return tuple(wagtail_localize.VERSION[:2]) == SUPPORTED_VERSION


def install() -> bool:
    """Make every re-extraction of a source bulk; False, with a warning, on another release."""
    if not is_supported():
        warnings.warn(
            f"twinning's bulk translation sync supports wagtail-localize "
            f"{'.'.join(map(str, SUPPORTED_VERSION))}.x, not "
            f"{'.'.join(map(str, wagtail_localize.VERSION[:3]))}: "
            "keeping wagtail-localize's own refresh_segments.",
            RuntimeWarning,
            stacklevel=2,
        )
        return False
    TranslationSource.refresh_segments = refresh_segments
    return True


def uninstall() -> None:
    """Give wagtail-localize its own ``refresh_segments`` back."""
    TranslationSource.refresh_segments = original_refresh_segments


def is_installed() -> bool:
    return TranslationSource.refresh_segments is refresh_segments
