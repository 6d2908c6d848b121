"""Everything the items of one response need, loaded in a fixed number of queries.

Serializer fields declare what they need (``prepare``) before any item is serialized;
the batch then loads it for all items at once. The number of queries of a list request
therefore depends on the fields asked for, never on the number of items.
"""

from collections import defaultdict
from collections.abc import Sequence

from django.conf import settings
from django.db.models import Model
from django.http import HttpRequest

from wagtail.models import Locale, Page

from .absolute import URLBuilder
from .languages import live_translations, locales, source_locale
from .references import References


class PageBatch:
    """The shared state of one response's serialization."""

    def __init__(
        self,
        request: HttpRequest,
        *,
        requested_locale: Locale | None = None,
        fallback: bool = False,
    ):
        self.request = request
        self.urls = URLBuilder(request)
        self.references = References(request, self.urls)
        self.locales = locales(request)
        self.source_locale = source_locale(request)
        self.requested_locale = requested_locale
        self.fallback = fallback
        self.items: list[Model] = []
        self._want_translations = False
        self._translations: dict[object, list[Page]] = {}
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
        self._want_translations = True

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
        items = [item for item in self.items if hasattr(item, name)]
        if not items:
            return {}
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        rows = through._default_manager.filter(
            **{f"{source}__in": [i.pk for i in items]}
        ).values_list(f"{source}_id", f"{target}_id")
        grouped = defaultdict(list)
        for item_id, target_id in rows:
            grouped[item_id].append(target_id)
        for item in items:
            self._relations[(name, item.pk)] = grouped.get(item.pk, [])
        return grouped

    def relation_ids(self, name: str, item: Model) -> list[int]:
        return self._relations.get((name, item.pk), [])

    def load_snippets(self, name: str, field) -> None:
        """Translatable snippets of a many-to-many field, in each item's language: two queries."""
        grouped = self.load_relation_ids(name, field)
        ids = {pk for pks in grouped.values() for pk in pks}
        if not ids:
            return
        model = field.related_model
        originals = model._default_manager.in_bulk(ids)
        wanted_locales = {item.locale_id for item in self.items} | {
            obj.locale_id for obj in originals.values()
        }
        translations = {
            (obj.translation_key, obj.locale_id): obj
            for obj in model._default_manager.filter(
                translation_key__in={obj.translation_key for obj in originals.values()},
                locale_id__in=wanted_locales,
            )
        }
        for item in self.items:
            localized = []
            for pk in self._relations.get((name, item.pk), []):
                original = originals.get(pk)
                if original is not None:
                    localized.append(
                        translations.get((original.translation_key, item.locale_id), original)
                    )
            self._snippets[(name, item.pk)] = localized

    def snippets(self, name: str, item: Model) -> list[Model]:
        return self._snippets.get((name, item.pk), [])

    # Loading --------------------------------------------------------------------------

    def load(self) -> None:
        if self._want_translations and self.items:
            self._translations = live_translations(self.request, self.items)
            self._coverage = self._load_coverage()
        self.references.load()

    def _load_coverage(self) -> dict:
        from ..translation_status import coverage_for

        translatable = [item for item in self.items if hasattr(item, "translation_key")]
        return coverage_for(translatable, list(self.locales.values())) if translatable else {}

    # Reading --------------------------------------------------------------------------

    def language_of(self, item: Model) -> str | None:
        locale = self.locales.get(getattr(item, "locale_id", None))
        return locale.language_code if locale else None

    def fallback_from(self, item: Model) -> str | None:
        """The language an item comes in because it has no translation in the one asked for."""
        if self.requested_locale is None or item.locale_id == self.requested_locale.pk:
            return None
        return self.language_of(item)

    def translations(self, item: Page) -> list[dict]:
        """Each language with a live translation, with its translation coverage."""
        order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        coverage = self._coverage.get(item.translation_key, {})
        entries = []
        for version in self._translations.get(item.translation_key, []):
            code = self.language_of(version)
            figures = coverage.get(code)
            is_source = self.source_locale is not None and (
                version.locale_id == self.source_locale.pk
            )
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
                }
            )
        return sorted(entries, key=lambda entry: order.get(entry["locale"], len(order)))
