"""Clone a page made by the real machinery, with its translations, in bulk.

A template page is created, translated and published with wagtail-localize; its rows
(the page in every locale, its inline children, its TranslationSource, segments,
strings, Translations and StringTranslations) are then copied for each new page with
fresh ids, tree paths, UUIDs and numbered texts, and inserted many at a time. What the
clones skip is said in docs/benchmarks.md: revisions, log entries, reference and search
index rows.
"""

import json
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models
from django.db.models import Max

from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationSource,
)

from bench.content import MARK, SLUG_MARK

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SEGMENT_MODELS = (StringSegment, TemplateSegment, OverridableSegment, RelatedObjectSegment)


def rows(model: type[models.Model], fields=None, **lookup) -> list[dict]:
    """The model's own columns (attnames) for the matching rows."""
    fields = fields or [f.attname for f in model._meta.local_concrete_fields]
    return list(model._base_manager.filter(**lookup).order_by("pk").values(*fields))


class IdAllocator:
    """Hands out primary keys above the current maximum, one table at a time."""

    def __init__(self) -> None:
        self.next: dict[type[models.Model], int] = {}

    def __call__(self, model: type[models.Model]) -> int:
        if model not in self.next:
            self.next[model] = (model._base_manager.aggregate(m=Max("pk"))["m"] or 0) + 1
        value = self.next[model]
        self.next[model] = value + 1
        return value

    def models(self) -> list[type[models.Model]]:
        return list(self.next)


class Renamer:
    """Numbers a clone's texts and gives it its own UUIDs, consistently within a clone."""

    def __init__(self, number: int) -> None:
        self.number = str(number)
        self.uuids: dict[str, str] = {}

    def uuid(self, value: Any) -> str:
        key = str(value)
        if key not in self.uuids:
            self.uuids[key] = str(uuid.uuid4())
        return self.uuids[key]

    def text(self, value: str) -> str:
        value = value.replace(MARK, self.number).replace(SLUG_MARK, self.number)
        return UUID_RE.sub(lambda m: self.uuid(m.group()), value)

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, StreamValue):
            return json.loads(self.text(json.dumps(list(value.raw_data))))
        if isinstance(value, dict | list):
            return json.loads(self.text(json.dumps(value)))
        return value


@dataclass
class Family:
    """A template page in every locale and everything wagtail-localize keeps about it."""

    model: type[Page]
    pages: list[dict]
    specific: list[dict]
    children: dict[tuple[type[models.Model], str], list[dict]]
    tobject: dict
    source: dict
    contexts: list[dict]
    strings: dict[int, dict]
    segments: dict[type[models.Model], list[dict]]
    translations: list[dict]
    string_translations: list[dict]
    m2m: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, page: Page, children: Iterable[tuple[type[models.Model], str]] = ()) -> "Family":
        model = type(page.specific)
        key = page.translation_key
        pages = rows(Page, translation_key=key)
        ids = [p["id"] for p in pages]
        source = rows(TranslationSource, object_id=key)[0]
        segments = {m: rows(m, source_id=source["id"]) for m in SEGMENT_MODELS}
        contexts = rows(TranslationContext, object_id=key)
        string_ids = {s["string_id"] for s in segments[StringSegment]}
        return cls(
            model=model,
            pages=pages,
            specific=rows(model, page_ptr_id__in=ids),
            children={(child, fk): rows(child, **{f"{fk}__in": ids}) for child, fk in children},
            tobject=rows(TranslatableObject, translation_key=key)[0],
            source=source,
            contexts=contexts,
            strings={s["id"]: s for s in rows(String, id__in=string_ids)},
            segments=segments,
            translations=rows(Translation, source_id=source["id"]),
            string_translations=rows(StringTranslation, context_id__in=[c["id"] for c in contexts]),
            m2m=[
                f.name
                for f in model._meta.get_fields()
                if isinstance(f, models.ManyToManyField) and f.model is model
            ],
        )


@dataclass
class Parent:
    """Where clones go in one locale: the parent page's tree path and URL path."""

    id: int
    path: str
    url_path: str


class Batch:
    """Rows waiting to be inserted, by model; flushed in dependency order."""

    ORDER = [
        Page,
        "specific",
        "children",
        "m2m",
        TranslatableObject,
        TranslationSource,
        TranslationContext,
        String,
        *SEGMENT_MODELS,
        Translation,
        StringTranslation,
    ]

    def __init__(self) -> None:
        self.objects: dict[type[models.Model], list[dict]] = defaultdict(list)

    def add(self, model: type[models.Model], values: dict) -> None:
        self.objects[model].append(values)

    def flush(self) -> int:
        count = 0
        for model in self._ordered():
            objs = self.objects.pop(model)
            insert(model, objs)
            count += len(objs)
        self.objects.clear()
        return count

    def _ordered(self) -> list[type[models.Model]]:
        fixed = [m for m in self.ORDER if isinstance(m, type) and m in self.objects]
        pages_first = [m for m in self.objects if issubclass(m, Page) and m is not Page]
        rest = [m for m in self.objects if m not in fixed and m not in pages_first]
        head = [Page] if Page in self.objects else []
        localize = [m for m in fixed if m is not Page]
        return head + pages_first + rest + localize


def insert(model: type[models.Model], rows: list[dict]) -> None:
    """Insert rows of the model's own columns (attnames, ids already set), in bulk.

    Values go through each field's ``get_db_prep_save``, as the ORM would prepare them,
    but no model instance is built: PostgreSQL gets one ``COPY`` per table and flush,
    SQLite one ``executemany``.
    """
    if not rows:
        return
    fields = list(model._meta.local_concrete_fields)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)

    def prepared(row: dict) -> tuple:
        return tuple(
            f.get_db_prep_save(row[f.attname] if f.attname in row else f.get_default(), connection)
            for f in fields
        )

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(prepared(row))
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",
                [prepared(row) for row in rows],
            )


def reset_sequences(models_: Iterable[type[models.Model]]) -> None:
    """After explicit ids, PostgreSQL's sequences must move past them."""
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


@dataclass
class Cloner:
    family: Family
    parents: dict[int, Parent]  # locale id -> where this family's pages go
    ids: IdAllocator
    m2m_through: dict[str, type[models.Model]] = field(init=False)

    def __post_init__(self) -> None:
        self.m2m_through = {
            name: self.family.model._meta.get_field(name).remote_field.through
            for name in self.family.m2m
        }

    def clone(
        self,
        batch: Batch,
        number: int,
        step: int,
        specific: dict[str, Any],
        m2m: dict[str, list[int]],
        overridable: dict[str, str] | None = None,
        translated: bool = True,
    ) -> int:
        """Add one clone to ``batch``; returns its source-locale page id.

        ``translated=False`` clones the source-locale page alone, never submitted for
        translation, as a newly written page is.
        """
        fam = self.family
        ren = Renamer(number)
        page_ids: dict[int, int] = {}
        source_page_id = 0
        source_locale = fam.source["locale_id"]
        pages = [p for p in fam.pages if translated or p["locale_id"] == source_locale]
        for row in pages:
            new = {k: ren.value(v) for k, v in row.items()}
            parent = self.parents[row["locale_id"]]
            new_id = self.ids(Page)
            page_ids[row["id"]] = new_id
            new.update(
                id=new_id,
                path=parent.path + key_for(step),
                url_path=f"{parent.url_path}{new['slug']}/",
                translation_key=ren.uuid(row["translation_key"]),
                latest_revision_id=None,
                live_revision_id=None,
                numchild=0,
                live=True,
                has_unpublished_changes=False,
            )
            if row["locale_id"] == fam.source["locale_id"]:
                source_page_id = new_id
            batch.add(Page, new)
        ptr = next(f.attname for f in fam.model._meta.local_concrete_fields if f.primary_key)
        for row in fam.specific:
            if row[ptr] not in page_ids:
                continue
            new = {k: ren.value(v) for k, v in row.items()}
            new.update(specific)
            new[ptr] = page_ids[row[ptr]]
            batch.add(fam.model, new)
        child_ids: dict[int, int] = {}
        for (child, fk), child_rows in fam.children.items():
            for row in child_rows:
                if row[fk] not in page_ids:
                    continue
                new = {k: ren.value(v) for k, v in row.items()}
                child_ids[row["id"]] = self.ids(child)
                new.update(
                    id=child_ids[row["id"]], translation_key=ren.uuid(row["translation_key"])
                )
                new[fk] = page_ids[row[fk]]
                batch.add(child, new)
        for name, targets in m2m.items():
            through = self.m2m_through[name]
            own, other = _through_columns(through, fam.model)
            for page_id in page_ids.values():
                for target in targets:
                    batch.add(through, {"id": self.ids(through), own: page_id, other: target})
        if not translated:
            return source_page_id

        key = ren.uuid(fam.tobject["translation_key"])
        batch.add(TranslatableObject, {**fam.tobject, "translation_key": key})
        source_id = self.ids(TranslationSource)
        content = json.loads(ren.text(fam.source["content_json"]))
        content.update(
            pk=source_page_id,
            path=parent_path(self.parents, fam.source["locale_id"]) + key_for(step),
            latest_revision=None,
            live_revision=None,
        )
        for name, value in specific.items():
            content[name.removesuffix("_id")] = _json_value(value)
        for name, targets in m2m.items():
            content[name] = targets
        for (_child, fk), _rows in fam.children.items():
            for item in content.get(_child._meta.get_field(fk).remote_field.related_name, []):
                item["pk"] = child_ids.get(item.get("pk"))
                item[fk.removesuffix("_id")] = source_page_id
        batch.add(
            TranslationSource,
            {
                **fam.source,
                "id": source_id,
                "object_id": key,
                "object_repr": ren.text(fam.source["object_repr"]),
                "content_json": json.dumps(content),
            },
        )
        context_ids: dict[int, int] = {}
        context_paths: dict[int, str] = {}
        for row in fam.contexts:
            new_id = self.ids(TranslationContext)
            context_ids[row["id"]] = new_id
            path = ren.text(row["path"])
            context_paths[row["id"]] = row["path"]
            batch.add(
                TranslationContext,
                {
                    **row,
                    "id": new_id,
                    "object_id": key,
                    "path": path,
                    "path_id": TranslationContext._get_path_id(path),
                },
            )
        string_ids: dict[int, int] = {}
        for old_id, row in fam.strings.items():
            if MARK not in row["data"] and SLUG_MARK not in row["data"]:
                string_ids[old_id] = old_id  # shared, as identical strings are
                continue
            data = ren.text(row["data"])
            string_ids[old_id] = self.ids(String)
            batch.add(
                String,
                {
                    **row,
                    "id": string_ids[old_id],
                    "data": data,
                    "data_hash": String._get_data_hash(data),
                },
            )
        for model, seg_rows in fam.segments.items():
            for row in seg_rows:
                new = {
                    **row,
                    "id": self.ids(model),
                    "source_id": source_id,
                    "context_id": context_ids[row["context_id"]],
                }
                if model is StringSegment:
                    new["string_id"] = string_ids[row["string_id"]]
                if model is OverridableSegment and overridable:
                    path = context_paths[row["context_id"]]
                    new["data_json"] = overridable.get(path, row["data_json"])
                batch.add(model, new)
        for row in fam.translations:
            batch.add(
                Translation,
                {**row, "id": self.ids(Translation), "source_id": source_id, "uuid": uuid.uuid4()},
            )
        for row in fam.string_translations:
            batch.add(
                StringTranslation,
                {
                    **row,
                    "id": self.ids(StringTranslation),
                    "translation_of_id": string_ids[row["translation_of_id"]],
                    "context_id": context_ids[row["context_id"]],
                    "data": ren.text(row["data"]),
                },
            )
        return source_page_id


def key_for(step: int) -> str:
    """treebeard's path segment for the ``step``-th child (base 36, four characters)."""
    return Page._get_path("", 1, step)


def parent_path(parents: dict[int, Parent], locale_id: int) -> str:
    return parents[locale_id].path


def _through_columns(through: type[models.Model], model: type[models.Model]) -> tuple[str, str]:
    fks = [f for f in through._meta.local_concrete_fields if f.is_relation]
    own = next(f for f in fks if f.related_model is model)
    other = next(f for f in fks if f is not own)
    return own.attname, other.attname


def _json_value(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
