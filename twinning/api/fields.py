"""Serializer fields of the partner API, chosen from each model field's type.

Page models list their fields by name in ``api_fields``; the endpoint picks the field
class here (``serializer_field_for``), so models never import the API. Every field reads
what the response's ``PageBatch`` loaded in bulk (``prepare`` declares what to load).
Labels (choices, country names, dates) are given in ``PageBatch.label_language`` and what
an item points to is looked up in ``PageBatch.reference_locale_id`` (see batch.py).
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.functional import Promise

from modelcluster.fields import ParentalKey
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, TranslatableMixin

from django_countries.fields import CountryField
from rest_framework.fields import Field

from twinning.api.streams import collect, stream_representation
from twinning.models import Actor
from twinning.partial_dates import PartialDate, PartialDateField


class BatchField(Field):
    """A read-only field computed from the whole item and the response's batch."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    @property
    def batch(self):
        return self.context["batch"]

    def prepare(self, items) -> None:
        """Declare to the batch what this field needs for ``items``."""

    def in_language(self, item):
        return translation.override(self.batch.label_language(item) or translation.get_language())

    def reference_locale_id(self, item):
        return self.batch.reference_locale_id(item)


# Meta fields -------------------------------------------------------------------------


class HtmlUrlField(BatchField):
    def to_representation(self, page):
        return self.batch.urls.page_url(page)


class DetailUrlField(BatchField):
    def to_representation(self, obj):
        return self.batch.urls.api_detail_url(type(obj), obj.pk)


class LocaleField(BatchField):
    def to_representation(self, page):
        return self.batch.language_of(page)


class FallbackFromField(BatchField):
    def to_representation(self, page):
        return self.batch.fallback_from(page)


class TranslationsField(BatchField):
    def prepare(self, items):
        self.batch.want_translations()

    def to_representation(self, page):
        return self.batch.translations(page)


class ParentField(BatchField):
    """The parent page when readers may see it (detail responses only)."""

    def prepare(self, items):
        self.batch.references.add_page_paths(_parent_path(item) for item in items)

    def to_representation(self, page):
        references = self.batch.references
        pk = references.pk_for_path(_parent_path(page))
        return references.page_summary(pk, self.reference_locale_id(page))


def _parent_path(page) -> str | None:
    path = getattr(page, "path", None)
    return path[: -Page.steplen] if path and len(path) > Page.steplen else None


# Body fields -------------------------------------------------------------------------


class ValueField(BatchField):
    """Reads the model attribute of the same name."""

    def value(self, item):
        return getattr(item, self.field_name, None)


class ChoiceField(ValueField):
    def to_representation(self, item):
        code = self.value(item)
        if code in (None, ""):
            return None
        field = type(item)._meta.get_field(self.field_name)
        label = dict(field.flatchoices).get(code, code)
        with self.in_language(item):
            return {"code": code, "label": str(label) if isinstance(label, Promise) else label}


class CountryNameField(ValueField):
    def to_representation(self, item):
        country = self.value(item)
        if not country:
            return None
        with self.in_language(item):
            return {"code": country.code, "name": str(country.name)}


class PartialDateValueField(ValueField):
    def to_representation(self, item):
        return partial_date_representation(self.value(item), self.batch.label_language(item))


class CoordinateField(ValueField):
    def to_representation(self, item):
        value = self.value(item)
        return None if value is None else float(value)


class ImageField(ValueField):
    def prepare(self, items):
        attname = self._attname()
        self.batch.references.add_images(getattr(item, attname, None) for item in items)

    def _attname(self):
        return f"{self.field_name}_id"

    def to_representation(self, item):
        alt = getattr(item, f"{self.field_name}_alt", None)  # hero_image_alt: see HeroImageMixin
        return self.batch.references.image(getattr(item, self._attname(), None), alt=alt or None)


class DocumentField(ImageField):
    def prepare(self, items):
        ids = (getattr(item, self._attname(), None) for item in items)
        self.batch.references.document_ids.update(pk for pk in ids if pk)

    def to_representation(self, item):
        return self.batch.references.document(getattr(item, self._attname(), None))


class PageLinkField(ImageField):
    """A foreign key to a page: that page in the item's language, when readers may see it."""

    def prepare(self, items):
        self.batch.references.add_pages(getattr(item, self._attname(), None) for item in items)

    def to_representation(self, item):
        pk = getattr(item, self._attname(), None)
        return self.batch.references.page_summary(pk, self.reference_locale_id(item))


class RichTextHTMLField(ValueField):
    def prepare(self, items):
        for item in items:
            self.batch.references.add_rich_text(self.value(item))

    def to_representation(self, item):
        return self.batch.references.rich_text(self.value(item), self.reference_locale_id(item))


class StreamValueField(ValueField):
    def prepare(self, items):
        for item in items:
            stream = self.value(item)
            if stream is not None:
                collect(stream.stream_block, list(stream.raw_data), self.batch.references)

    def to_representation(self, item):
        stream = self.value(item)
        if stream is None:
            return None
        return stream_representation(stream, self.batch.references, self.reference_locale_id(item))


class RelatedPagesField(BatchField):
    """Pages of a many-to-many field, each in the response's language, ordered by title."""

    def prepare(self, items):
        model_field = self.parent.Meta.model._meta.get_field(self.field_name)
        self.batch.want_relation(self.field_name, model_field, pages=True)

    def to_representation(self, item):
        references = self.batch.references
        pages = [
            references.page_summary(pk, self.reference_locale_id(item))
            for pk in self.batch.relation_ids(self.field_name, item)
        ]
        unique = {page["id"]: page for page in pages if page}
        return sorted(unique.values(), key=lambda page: page["title"].casefold())


class RelatedSnippetsField(BatchField):
    """Translatable snippets (themes) of a many-to-many field, in the response's language."""

    def prepare(self, items):
        model_field = self.parent.Meta.model._meta.get_field(self.field_name)
        self.batch.want_relation(self.field_name, model_field, snippets=True)

    def to_representation(self, item):
        snippets = self.batch.snippets(self.field_name, item)
        snippets = sorted(snippets, key=lambda s: (getattr(s, "sort_order", 0), str(s)))
        return [
            {"id": snippet.pk, "slug": getattr(snippet, "slug", None), "name": str(snippet)}
            for snippet in snippets
        ]


def actor_summary(actor, urls) -> dict:
    """An actor named by a page: enough to show it and to fetch the rest."""
    router = getattr(urls, "router", None)
    detail_url = urls.reverse(f"{router.url_namespace}:actor-detail", actor.pk) if router else None
    return {"id": actor.pk, "name": actor.name, "kind": actor.kind, "detail_url": detail_url}


class ActorsField(RelatedSnippetsField):
    """Actors of a many-to-many field, each in the response's language (two queries)."""

    def to_representation(self, item):
        actors = sorted(self.batch.snippets(self.field_name, item), key=lambda a: a.name.casefold())
        return [actor_summary(actor, self.batch.urls) for actor in actors]


class OrganiserField(ValueField):
    """An actor by foreign key, in the response's language when translated (one query)."""

    def prepare(self, items):
        attname = type(items[0])._meta.get_field(self.field_name).attname if items else None
        ids = {getattr(item, attname) for item in items if getattr(item, attname, None)}
        self._localized = {}
        if not ids:
            return
        manager = type(items[0])._meta.get_field(self.field_name).related_model._default_manager
        keys = manager.filter(pk__in=ids).values("translation_key")
        wanted = {self.reference_locale_id(item) for item in items}
        found = list(
            manager.filter(Q(pk__in=ids) | Q(translation_key__in=keys, locale_id__in=wanted))
        )
        originals = {actor.pk: actor for actor in found if actor.pk in ids}
        versions = {(actor.translation_key, actor.locale_id): actor for actor in found}
        for item in items:
            original = originals.get(getattr(item, attname))
            if original is not None:
                self._localized[item.pk] = versions.get(
                    (original.translation_key, self.reference_locale_id(item)), original
                )

    def to_representation(self, item):
        actor = getattr(self, "_localized", {}).get(item.pk)
        return actor_summary(actor, self.batch.urls) if actor is not None else None


class MilestonesField(BatchField):
    """The partnership's milestones, oldest first (the editor's order breaks ties)."""

    def prepare(self, items):
        relation = self.parent.Meta.model._meta.get_field(self.field_name)
        children = self.batch.load_children(self.field_name, relation)
        references = self.batch.references
        references.add_images(child.image_id for child in children)
        references.add_pages(child.link_page_id for child in children)

    def to_representation(self, page):
        references = self.batch.references
        language = self.batch.label_language(page)
        milestones = sorted(
            self.batch.children(self.field_name, page),
            key=lambda m: (m.date, m.sort_order or 0),
        )
        result = []
        for milestone in milestones:
            link_page = references.page_summary(
                milestone.link_page_id, self.batch.reference_locale_id(page)
            )
            with translation.override(language):
                kind = {"code": milestone.kind, "label": str(milestone.get_kind_display())}
            result.append(
                {
                    "id": milestone.pk,
                    "date": partial_date_representation(milestone.date, language),
                    "kind": kind,
                    "title": milestone.title,
                    "description": milestone.description,
                    "image": references.image(milestone.image_id, alt=milestone.image_alt or None),
                    "link": link_page["html_url"] if link_page else (milestone.link_url or None),
                }
            )
        return result


def partial_date_representation(value, language: str | None) -> dict | None:
    """``{"iso": "1960-10-20", "precision": "day", "year": 1960, ..., "label": "20 octobre 1960"}``."""
    try:
        date = PartialDate.parse(value)
    except Exception:
        return None
    if date is None:
        return None
    with translation.override(language or translation.get_language()):
        label = date.localized()
    return {
        "iso": date.isoformat(),
        "precision": date.precision,
        "year": date.year,
        "month": date.month,
        "day": date.day,
        "label": label,
    }


def serializer_field_for(model: type[models.Model], name: str) -> Field | None:
    """The API field class for ``model.name``, or None to keep Wagtail's default."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if isinstance(field, models.ManyToOneRel) and isinstance(field.field, ParentalKey):
        return MilestonesField() if name == "milestones" else None
    if isinstance(field, StreamField):
        return StreamValueField()
    if isinstance(field, RichTextField):
        return RichTextHTMLField()
    if isinstance(field, CountryField):
        return CountryNameField()
    if isinstance(field, PartialDateField):
        return PartialDateValueField()
    if isinstance(field, models.ManyToManyField):
        related = field.related_model
        if issubclass(related, Page):
            return RelatedPagesField()
        if issubclass(related, Actor):
            return ActorsField()
        if issubclass(related, TranslatableMixin):
            return RelatedSnippetsField()
        return None
    if isinstance(field, models.ForeignKey):
        related = field.related_model
        if issubclass(related, get_image_model()):
            return ImageField()
        if issubclass(related, get_document_model()):
            return DocumentField()
        if issubclass(related, Page):
            return PageLinkField()
        if issubclass(related, Actor):
            return OrganiserField()
        return None
    if field.choices:
        return ChoiceField()
    if isinstance(field, models.DecimalField):
        return CoordinateField()
    return None


META_FIELDS = {
    "html_url": HtmlUrlField,
    "detail_url": DetailUrlField,
    "locale": LocaleField,
    "fallback_from": FallbackFromField,
    "translations": TranslationsField,
    "parent": ParentField,
}
