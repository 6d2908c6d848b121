"""JSON Schemas of the pages endpoint's items, built from the serializers' own fields.

The pages endpoint builds its serializer from each model's ``api_fields`` (through
``serializer_field_for``) and its ``meta_fields``. ``page_schemas`` builds that same
serializer, with every field, and maps each serializer field's class to the schema of
what it returns (``FIELD_SCHEMAS``): a field added to ``api_fields`` appears in the
document with its type, and a field class without a schema here shows as untyped (a
test names it). Facts the schema needs beyond the class come from the model field the
serializer reads: nullability, choices, bounds, help text.
"""

import typing
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from django.core import validators
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import translation
from django.utils.text import capfirst

from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.models import Page, get_page_models

from rest_framework import fields as drf

from twinning.api import fields as api_fields
from twinning.compat import rich_text_field_serializer

#: What partners need to know of a field that its model's help text (written for
#: editors) does not say, by ``Model.field`` or by field name.
DESCRIPTIONS = {
    "id": "Id of the page; the same in every response, in any list.",
    "title": "Title, in the item's language.",
    "type": "The page type, `app_label.ModelName` (the same as `meta.type`): tells which "
    "fields the item may carry.",
    "is_demo_content": "Illustrative text written for a demonstration, not a real account.",
    "intro": "One or two sentences, shown in lists.",
    "body": "The page's text: rendered HTML and structured blocks.",
    "hero_image": "The main image; null when there is none or it is not public.",
    "themes": "Cooperation themes, in the item's language.",
    "partner_cities": "The partner cities concerned, each in the item's language where translated.",
    "actors": "The territory's actors taking part.",
    "milestones": "The partnership's history, oldest first.",
    "country": "Country, with its name in the item's language.",
    "kind": "Kind of partnership, with its label in the item's language.",
    "PartnerCityPage.status": "Status of the partnership, with its label in the item's language.",
    "signed": "When the partnership was signed, as precisely as known.",
    "website": "The city's official website (empty when unknown).",
    "wikidata_id": "The city's Wikidata item, e.g. `Q3806` for Tübingen (empty when unknown).",
    "eligibility": "Who may apply, on what conditions (HTML).",
    "opens_at": "Applications are accepted from this moment on.",
    "closes_at": "The call is closed from this moment on.",
    "ProjectCallPage.status": "Derived from the dates at the time of the response.",
    "currency": "ISO 4217 code of the grants.",
    "documents": "Documents to download (rules, forms).",
    "ProjectCallPage.partner_cities": "Empty: projects with any partner city may apply.",
    "organiser": "The actor organising the event; null when the city does.",
    "all_day": "Only the dates count, not the times.",
    "featured_cities": "Partner cities the home page features.",
    # Meta fields.
    "detail_url": "This item in the API.",
    "html_url": "The page on the site; null when it has no public address.",
    "slug": "The last part of the page's address.",
    "show_in_menus": "Whether the site's menus show the page.",
    "seo_title": "Title for search engines (empty: the title).",
    "search_description": "Description for search engines.",
    "first_published_at": "When the page was first published.",
    "last_published_at": "When the page was last published.",
    "locale": "The language the item comes in.",
    "fallback_from": "The language the item comes in because it has no live translation "
    "in the requested `locale` (null otherwise).",
    "translations": "Every live translation of the item, with how much of it is translated.",
    "parent": "The parent page, when readers may see it (single items only).",
}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


STRING, INTEGER, BOOLEAN, NUMBER = (
    {"type": "string"},
    {"type": "integer"},
    {"type": "boolean"},
    {"type": "number"},
)
URL = {"type": "string", "format": "uri"}
LANGUAGE = ref("Language")


@dataclass
class FieldInfo:
    """A serializer field, with the model field it reads (None for properties)."""

    model: type[models.Model]
    name: str
    field: drf.Field
    model_field: models.Field | None

    @property
    def may_be_empty(self) -> bool:
        model_field = self.model_field
        return model_field is None or bool(model_field.null or model_field.blank)


def _bounds(info: FieldInfo) -> dict:
    """``minimum``/``maximum`` from the model field's validators."""
    bounds = {}
    for validator in getattr(info.model_field, "validators", ()):
        if isinstance(validator, validators.MinValueValidator):
            bounds["minimum"] = float(validator.limit_value)
        elif isinstance(validator, validators.MaxValueValidator):
            bounds["maximum"] = float(validator.limit_value)
    return bounds


def _choice(info: FieldInfo) -> dict:
    codes = [code for code, _label in info.model_field.flatchoices if code not in (None, "")]
    schema = {
        "type": "object",
        "required": ["code", "label"],
        "properties": {
            "code": {"type": "string", "enum": codes},
            "label": {**STRING, "description": "In the item's language."},
        },
        "additionalProperties": False,
    }
    return nullable(schema) if info.may_be_empty else schema


def _coordinate(info: FieldInfo) -> dict:
    schema = {**NUMBER, **_bounds(info)}
    return nullable(schema) if info.model_field.null else schema


def _or_null_when_empty(schema: dict) -> Callable[[FieldInfo], dict]:
    return lambda info: nullable(schema) if info.may_be_empty else schema


def _char(info: FieldInfo) -> dict:
    schema = dict(STRING)
    if getattr(info.field, "max_length", None):
        schema["maxLength"] = info.field.max_length
    return _drf_nullable(info, schema)


def _formatted(string_format: str) -> Callable[[FieldInfo], dict]:
    def schema(info: FieldInfo) -> dict:
        result = _char(info)
        if not info.field.allow_blank and "anyOf" not in result:
            result["format"] = string_format
        return result

    return schema


def _integer(info: FieldInfo) -> dict:
    schema = dict(INTEGER)
    if info.field.min_value is not None:
        schema["minimum"] = info.field.min_value
    if info.field.max_value is not None and info.field.max_value < 2**53:
        schema["maximum"] = info.field.max_value
    return _drf_nullable(info, schema)


def _drf_nullable(info: FieldInfo, schema: dict) -> dict:
    return nullable(schema) if getattr(info.field, "allow_null", False) else schema


def _simple(schema: dict) -> Callable[[FieldInfo], dict]:
    return lambda info: _drf_nullable(info, dict(schema))


def _drf_choice(info: FieldInfo) -> dict:
    return _drf_nullable(info, {"enum": list(info.field.choices)})


def _property(info: FieldInfo) -> dict:
    """A model property: typed by its return annotation."""
    attribute = getattr(info.model, info.name, None)
    function = getattr(attribute, "fget", None) or getattr(attribute, "func", None)
    try:
        returned = typing.get_type_hints(function).get("return") if function else None
    except (NameError, TypeError):
        returned = None
    return _python_type(returned)


def _python_type(annotation) -> dict:
    if annotation is None:
        return {}
    options = typing.get_args(annotation)
    if type(None) in options:
        rest = [option for option in options if option is not type(None)]
        inner = _python_type(rest[0]) if len(rest) == 1 else {}
        return nullable(inner) if inner else {}
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return {"type": "string", "enum": [member.value for member in annotation]}
    for python, schema in ((bool, BOOLEAN), (int, INTEGER), (float, NUMBER), (str, STRING)):
        if annotation is python:
            return dict(schema)
    return {}


#: The schema of what each serializer field class returns, by class (the nearest class
#: of a field's MRO wins).
FIELD_SCHEMAS: dict[type, Callable[[FieldInfo], dict]] = {
    # The API's own fields (twinning.api.fields).
    api_fields.HtmlUrlField: lambda info: nullable(URL),
    api_fields.DetailUrlField: lambda info: dict(URL),
    api_fields.LocaleField: lambda info: dict(LANGUAGE),
    api_fields.FallbackFromField: lambda info: nullable(LANGUAGE),
    api_fields.TranslationsField: lambda info: {"type": "array", "items": ref("Translation")},
    api_fields.ParentField: lambda info: nullable(ref("PageSummary")),
    api_fields.ChoiceField: _choice,
    api_fields.CountryNameField: _or_null_when_empty(ref("Country")),
    api_fields.PartialDateValueField: _or_null_when_empty(ref("PartialDate")),
    api_fields.CoordinateField: _coordinate,
    api_fields.ImageField: lambda info: nullable(ref("Image")),
    api_fields.DocumentField: lambda info: nullable(ref("DocumentSummary")),
    api_fields.PageLinkField: lambda info: nullable(ref("PageSummary")),
    api_fields.RichTextHTMLField: lambda info: {**STRING, "contentMediaType": "text/html"},
    api_fields.StreamValueField: lambda info: ref("StreamField"),
    api_fields.RelatedPagesField: lambda info: {"type": "array", "items": ref("PageSummary")},
    api_fields.RelatedSnippetsField: lambda info: {"type": "array", "items": ref("Theme")},
    api_fields.ActorsField: lambda info: {"type": "array", "items": ref("ActorSummary")},
    api_fields.OrganiserField: lambda info: nullable(ref("ActorSummary")),
    api_fields.MilestonesField: lambda info: {"type": "array", "items": ref("Milestone")},
    # Wagtail's (for fields the API leaves to Wagtail).
    wagtail_serializers.PageTypeField: lambda info: dict(STRING),
    wagtail_serializers.TypeField: lambda info: dict(STRING),
    wagtail_serializers.PageHtmlUrlField: lambda info: nullable(URL),
    wagtail_serializers.DetailUrlField: lambda info: dict(URL),
    wagtail_serializers.PageLocaleField: lambda info: dict(LANGUAGE),
    wagtail_serializers.PageParentField: lambda info: nullable(ref("PageSummary")),
    wagtail_serializers.TagsField: lambda info: {"type": "array", "items": STRING},
    wagtail_serializers.StreamField: lambda info: {"type": "array", "items": ref("Block")},
    wagtail_serializers.RelatedField: lambda info: nullable(ref("Related")),
    wagtail_serializers.ChildRelationField: lambda info: {
        "type": "array",
        "items": {"type": "object"},
    },
    # The REST framework's, which Wagtail picks for plain model fields.
    drf.BooleanField: _simple(BOOLEAN),
    drf.CharField: _char,
    drf.URLField: _formatted("uri"),
    drf.EmailField: _formatted("email"),
    drf.IntegerField: _integer,
    drf.FloatField: _simple(NUMBER),
    drf.DecimalField: _simple({"type": "string", "format": "decimal"}),
    drf.DateField: _simple({"type": "string", "format": "date"}),
    drf.DateTimeField: _simple({"type": "string", "format": "date-time"}),
    drf.ChoiceField: _drf_choice,
    drf.JSONField: lambda info: {},
    drf.ReadOnlyField: _property,
}


if rich_text_field_serializer() is not None:
    FIELD_SCHEMAS[rich_text_field_serializer()] = lambda info: {
        **STRING,
        "contentMediaType": "text/html",
    }


def field_schema(info: FieldInfo) -> dict:
    """The schema of one serializer field, with its description; ``{}`` when unknown."""
    builder = next(
        (FIELD_SCHEMAS[cls] for cls in type(info.field).__mro__ if cls in FIELD_SCHEMAS), None
    )
    schema = builder(info) if builder else {}
    description = _description(info)
    return {**schema, "description": description} if description else schema


def _description(info: FieldInfo) -> str:
    keys = [f"{model.__name__}.{info.name}" for model in info.model.__mro__]
    described = next((DESCRIPTIONS[key] for key in keys if key in DESCRIPTIONS), None)
    described = described or DESCRIPTIONS.get(info.name)
    if described:
        return described
    model_field = info.model_field
    if model_field is None:
        return ""
    with translation.override("en"):
        help_text = str(getattr(model_field, "help_text", "") or "")
        if help_text:
            return help_text
        verbose_name = getattr(model_field, "verbose_name", "")
        return f"{capfirst(str(verbose_name))}." if verbose_name else ""


class _NoEndpoints:
    """A router without endpoints: nested relations get Wagtail's generic serializer."""

    def get_model_endpoint(self, model):
        return None


def serializer_fields(viewset, model: type[Page]) -> dict[str, FieldInfo]:
    """Every field the endpoint can show for ``model`` (``fields=*`` on a single item)."""
    serializer_class = viewset._get_serializer_class(
        _NoEndpoints(), model, [("*", False, None)], show_details=True
    )
    infos = {}
    for name, field in serializer_class(context={}).fields.items():
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            model_field = None
        infos[name] = FieldInfo(model, name, field, model_field)
    return infos


def schema_name(model: type[Page], taken: set[str]) -> str:
    """``PartnerCityPage`` → ``PartnerCity``; the app label first if the name is taken."""
    name = model.__name__.removesuffix("Page") or model.__name__
    if name in taken:
        name = capfirst(model._meta.app_label) + model.__name__
    return name


@dataclass
class PageSchemas:
    """The page components of the document: ``schemas`` by name, and which page type
    (``app_label.ModelName``) each item ``type`` selects."""

    schemas: dict[str, dict]
    mapping: dict[str, str]
    meta: dict


def page_type(model: type[Page]) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def page_schemas(viewset, taken: set[str]) -> PageSchemas:
    """A closed schema per page type with ``api_fields``, one ``Page`` for the others,
    and ``PageMeta``, from the fields ``viewset`` serializes."""
    schemas: dict[str, dict] = {}
    mapping: dict[str, str] = {}
    generic: list[str] = []
    meta_properties: dict[str, dict] = {}
    for model in sorted(get_page_models(), key=page_type):
        infos = serializer_fields(viewset, model)
        meta_names = viewset.get_meta_fields_names(model)
        for name in meta_names:
            if name in infos and name not in meta_properties:
                meta_properties[name] = field_schema(infos[name])
        body = {name: field_schema(info) for name, info in infos.items() if name not in meta_names}
        if not getattr(model, "api_fields", None):
            generic.append(page_type(model))
            continue
        name = schema_name(model, taken | set(schemas))
        schemas[name] = _page_schema(viewset, model, body)
        mapping[page_type(model)] = name
    if generic:
        schemas["Page"] = _generic_page_schema(generic)
        mapping.update(dict.fromkeys(generic, "Page"))
    meta_properties["type"] = {
        **STRING,
        "description": "The page type, `app_label.ModelName`.",
    }
    meta = {
        "type": "object",
        "description": "About the item. `type` is always present; the other keys are "
        "present unless `fields` removes them (`fields=-html_url`).",
        "required": ["type"],
        "properties": meta_properties,
        "additionalProperties": False,
    }
    return PageSchemas(schemas, mapping, meta)


def _page_schema(viewset, model: type[Page], body: dict) -> dict:
    listed = [
        name for name in viewset.get_listing_default_fields(model) if name in body and name != "id"
    ]
    with translation.override("en"):
        verbose_name = str(model._meta.verbose_name)
    return {
        "type": "object",
        "description": f"A {verbose_name} (`{page_type(model)}`). `id`, `type` and `meta` "
        "are always present; single items carry every other field, lists "
        + (f"these unless `fields` says otherwise: {', '.join(listed)}." if listed else "none.")
        + " `fields` adds or removes them.",
        "required": ["id", "type", "meta"],
        "properties": {
            "id": {**INTEGER, "description": DESCRIPTIONS["id"]},
            "type": _type_schema([page_type(model)]),
            "meta": ref("PageMeta"),
            **{name: schema for name, schema in body.items() if name != "id"},
        },
        "additionalProperties": False,
    }


def _type_schema(values: list[str]) -> dict:
    schema = {"type": "string", "description": DESCRIPTIONS["type"]}
    if len(values) == 1:
        return {**schema, "const": values[0]}
    return {**schema, "enum": values}


def _generic_page_schema(types: list[str]) -> dict:
    return {
        "type": "object",
        "description": "A page of a type without fields of its own: "
        + ", ".join(f"`{name}`" for name in types)
        + ".",
        "required": ["id", "type", "meta"],
        "properties": {
            "id": {**INTEGER, "description": DESCRIPTIONS["id"]},
            "type": _type_schema(types),
            "meta": ref("PageMeta"),
            "title": {**STRING, "description": DESCRIPTIONS["title"]},
        },
        "additionalProperties": False,
    }


def page_item(page: PageSchemas) -> dict:
    """A page of any type: ``oneOf`` the page schemas, chosen by the item's ``type``."""
    names = list(dict.fromkeys(page.mapping.values()))
    return {
        "description": "A page. Its `type` says which schema it follows.",
        "oneOf": [ref(name) for name in names],
        "discriminator": {
            "propertyName": "type",
            "mapping": {
                type_name: f"#/components/schemas/{name}"
                for type_name, name in page.mapping.items()
            },
        },
    }
