"""Everything the items of one response need, loaded in a fixed number of queries.

Serializer fields declare what they need (``prepare``) before any item is serialized;
the batch then loads it for all items at once, merging what can share a query: every
many-to-many relation in one query, each snippet model in one, every page the items
point to, their parents and every version of the items themselves in one (references.py),
the images with their renditions in one. The number of queries of a list request
therefore depends on the fields asked for, never on the number of items.

Languages: with ``locale``, everything is in the requested language, fallback items
included: their labels, and what they point to (partner cities, themes, actors, linked
pages) wherever a version in that language exists. Without it, a list mixes languages:
each item, and what it points to, in its own language, and the labels in the response's
language (Accept-Language's); a single item is in its own language throughout.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Model, Q, Value
from django.http import HttpRequest

from wagtail.models import Locale, Page

from twinning.absolute_urls import URLBuilder
from twinning.api.languages import in_configured_order, locales, source_locale
from twinning.api.references import References


@dataclass(frozen=True)
class _Relation:
    """A many-to-many field whose targets the items need."""

    field: object
    #: The targets are pages: resolve them with the response's references.
    pages: bool = False
    #: The targets are translatable snippets: read them in each item's language.
    snippets: bool = False


class PageBatch:
    """The shared state of one response's serialization."""

    def __init__(
        self,
        request: HttpRequest,
        *,
        requested_locale: Locale | None = None,
        fallback: bool = False,
        language: str | None = None,
    ):
        """``language``: the labels' language (a list's response language); None gives
        each item's labels in its own language (a single item). ``requested_locale``
        overrides both."""
        self.request = request
        self.urls = URLBuilder(request)
        self.locales = locales(request)
        self.references = References(request, self.urls, self.locales)
        self.source_locale = source_locale(request)
        self.requested_locale = requested_locale
        self.fallback = fallback
        self.language = requested_locale.language_code if requested_locale else language
        self.items: list[Model] = []
        self._want_translations = False
        self._wanted_relations: dict[str, _Relation] = {}
        self._coverage: dict = {}
        self._children: dict[tuple[str, int], list[Model]] = {}
        self._relations: dict[tuple[str, int], list[int]] = {}
        self._snippets: dict[tuple[str, int], list[Model]] = {}

    # Declaring needs ------------------------------------------------------------------

    def set_items(self, items: Sequence[Model]) -> None:
        self.items = list(items)
        for item in self.items:
            locale = self.locales.get(getattr(item, "locale_id", None))
            if locale is not None:
                item._state.fields_cache["locale"] = locale

    def want_translations(self) -> None:
        """Every live version of each item, with its translation coverage."""
        self._want_translations = True
        self.references.add_translation_keys(
            item.translation_key for item in self.items if hasattr(item, "translation_key")
        )

    def want_relation(self, name: str, field, *, pages: bool = False, snippets: bool = False):
        """The targets of a many-to-many field, loaded with the others by ``load``."""
        self._wanted_relations[name] = _Relation(field, pages=pages, snippets=snippets)

    def load_children(self, name: str, relation) -> list[Model]:
        """Inline children (a ParentalKey relation) of every item: one query."""
        items = [item for item in self.items if hasattr(item, name)]
        if not items:
            return []
        model = relation.related_model
        key = relation.field.attname
        children = model._default_manager.filter(**{f"{key}__in": [i.pk for i in items]})
        grouped = defaultdict(list)
        for child in children:
            grouped[getattr(child, key)].append(child)
        for item in items:
            self._children[(name, item.pk)] = grouped.get(item.pk, [])
        return [child for group in grouped.values() for child in group]

    def children(self, name: str, item: Model) -> list[Model]:
        return self._children.get((name, item.pk), [])

    def load_relation_ids(self, name: str, field) -> dict[int, list[int]]:
        """Ids on the other side of a many-to-many field, for every item: one query."""
        self._read_relations({name: _Relation(field)})
        return self._grouped_ids(name)

    def relation_ids(self, name: str, item: Model) -> list[int]:
        return self._relations.get((name, item.pk), [])

    def load_snippets(self, name: str, field) -> None:
        """Translatable snippets of a many-to-many field, in each item's language: two queries."""
        relation = _Relation(field, snippets=True)
        self._read_relations({name: relation})
        self._read_snippets({name: relation})

    def snippets(self, name: str, item: Model) -> list[Model]:
        return self._snippets.get((name, item.pk), [])

    # Loading --------------------------------------------------------------------------

    def load(self) -> None:
        wanted = self._wanted_relations
        if wanted:
            self._read_relations(wanted)
            self._read_snippets({name: r for name, r in wanted.items() if r.snippets})
            for name, relation in wanted.items():
                if relation.pages:
                    grouped = self._grouped_ids(name)
                    self.references.add_pages(pk for pks in grouped.values() for pk in pks)
            self._wanted_relations = {}
        self.references.load()
        if self._want_translations and self.items:
            self._coverage = self._load_coverage()

    def _read_relations(self, relations: dict[str, _Relation]) -> None:
        """The ids of every relation, for every item: one query (a UNION ALL)."""
        queries = []
        for index, (name, relation) in enumerate(relations.items()):
            items = [item.pk for item in self.items if hasattr(item, name)]
            if not items:
                continue
            through = relation.field.remote_field.through
            source = relation.field.m2m_field_name()
            target = relation.field.m2m_reverse_field_name()
            queries.append(
                through._default_manager.filter(**{f"{source}__in": items})
                .annotate(_relation=Value(index))
                .values_list(f"{source}_id", f"{target}_id", "_relation")
                .order_by()
            )
        names = list(relations)
        grouped: dict[str, dict[int, list[int]]] = {name: defaultdict(list) for name in names}
        if queries:
            rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
            for item_id, target_id, index in rows:
                grouped[names[index]][item_id].append(target_id)
        for name in names:
            for item in self.items:
                if hasattr(item, name):
                    self._relations[(name, item.pk)] = grouped[name].get(item.pk, [])

    def _grouped_ids(self, name: str) -> dict[int, list[int]]:
        return {
            item.pk: self._relations[(name, item.pk)]
            for item in self.items
            if (name, item.pk) in self._relations
        }

    def _read_snippets(self, relations: dict[str, _Relation]) -> None:
        """Snippets and their translations into the items' languages: one query per model."""
        names_by_model: dict[type[Model], list[str]] = defaultdict(list)
        for name, relation in relations.items():
            names_by_model[relation.field.related_model].append(name)
        item_locales = {self.reference_locale_id(item) for item in self.items}
        for model, names in names_by_model.items():
            ids = {pk for name in names for pks in self._grouped_ids(name).values() for pk in pks}
            if not ids:
                continue
            keys = model._default_manager.filter(pk__in=ids).values("translation_key")
            found = list(
                model._default_manager.filter(
                    Q(pk__in=ids) | Q(translation_key__in=keys, locale_id__in=item_locales)
                )
            )
            originals = {obj.pk: obj for obj in found if obj.pk in ids}
            translations = {(obj.translation_key, obj.locale_id): obj for obj in found}
            for name in names:
                for item in self.items:
                    localized = []
                    for pk in self._relations.get((name, item.pk), []):
                        original = originals.get(pk)
                        if original is not None:
                            localized.append(
                                translations.get(
                                    (original.translation_key, self.reference_locale_id(item)),
                                    original,
                                )
                            )
                    self._snippets[(name, item.pk)] = localized

    def _load_coverage(self) -> dict:
        from twinning.localize.status import coverage_for

        translatable = [item for item in self.items if hasattr(item, "translation_key")]
        if not translatable:
            return {}
        keys = {item.translation_key for item in translatable}
        versions = [version for key in keys for version in self.references.versions(key)]
        return coverage_for(translatable, list(self.locales.values()), versions=versions)

    # Reading --------------------------------------------------------------------------

    def language_of(self, item: Model) -> str | None:
        locale = self.locales.get(getattr(item, "locale_id", None))
        return locale.language_code if locale else None

    def label_language(self, item: Model) -> str | None:
        """The language of the item's labels (choices, country, dates)."""
        return self.language or self.language_of(item)

    def reference_locale_id(self, item: Model) -> int | None:
        """The locale in which what the item points to is looked up first (then the
        source language's, see References.page)."""
        if self.requested_locale is not None:
            return self.requested_locale.pk
        return getattr(item, "locale_id", None)

    def content_languages(self) -> list[str]:
        """The languages of the response's content, for ``Content-Language``."""
        if self.requested_locale is not None:
            return [self.requested_locale.language_code]
        languages = [self.language_of(item) for item in self.items]
        return in_configured_order([*languages, self.language])

    def fallback_from(self, item: Model) -> str | None:
        """The language an item comes in because it has no translation in the one asked for."""
        if self.requested_locale is None or item.locale_id == self.requested_locale.pk:
            return None
        return self.language_of(item)

    def translations(self, item: Page) -> list[dict]:
        """Each language with a live translation, with its translation coverage and state."""
        from twinning.localize.status import LIVE

        order = _language_order()
        coverage = self._coverage.get(item.translation_key, {})
        source_id = self.source_locale.pk if self.source_locale is not None else None
        entries = []
        for version in self.references.visible_versions(item.translation_key):
            code = self.language_of(version)
            figures = coverage.get(code)
            is_source = version.locale_id == source_id
            entries.append(
                {
                    "locale": code,
                    "id": version.pk,
                    "title": version.title,
                    "html_url": self.urls.page_url(version),
                    "detail_url": self.urls.api_detail_url(Page, version.pk),
                    "is_source": is_source,
                    "percent": 100 if is_source else getattr(figures, "percent", None),
                    "out_of_date": False if is_source else getattr(figures, "out_of_date", None),
                    "awaiting_review": (
                        False if is_source else getattr(figures, "awaiting_review", None)
                    ),
                    "state": LIVE if is_source else getattr(figures, "state", None),
                }
            )
        return sorted(entries, key=lambda entry: order.get(entry["locale"], len(order)))


def _language_order() -> dict[str, int]:
    return {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
