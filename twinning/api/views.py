"""Endpoints of the partner API: Wagtail's v2 viewsets, made strict, bulk and public.

* Every error is JSON: 400 ``{"message", "parameter"}`` or 404 ``{"message"}``.
* Only what anonymous readers may see is served (see twinning.public.visibility), whoever asks.
* Items are serialized from a ``PageBatch``: a list costs the same number of queries
  whatever its length.
* JSON only, compact (renderers.py): the browsable API would make the response depend
  on the Accept header, and the human-readable documentation lives at ``docs/``.
"""

import re

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, page_models_from_string, parse_fields_parameter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Site

from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from twinning import cache_tags
from twinning.absolute_urls import URLBuilder
from twinning.api.batch import PageBatch
from twinning.api.caching import cap_lifetime
from twinning.api.call_boundaries import expire_with_call_statuses, next_call_change_of
from twinning.api.errors import BadRequest, NotFound, error_payload, finish_error
from twinning.api.fields import META_FIELDS, BatchField, DetailUrlField, serializer_field_for
from twinning.api.filters import (
    CallStatusFilter,
    CityFactsFilter,
    DateRangeFilter,
    EventStartFilter,
    LocaleFilter,
    NamedOrderingFilter,
    PartnerFilter,
    SearchFilter,
    ThemeFilter,
    TranslationOfFilter,
    TreeFilter,
    ValidatedFieldsFilter,
    asks_for_calls,
)
from twinning.api.languages import locales, response_language, set_content_language
from twinning.api.pagination import Pagination
from twinning.api.parameters import positive_int, reject_null_characters
from twinning.api.renderers import CompactJSONRenderer
from twinning.api.site_state import scope, site_state
from twinning.models import (
    Actor,
    CooperationTheme,
    EventPage,
    ExchangeStoryPage,
    PartnerCityPage,
    ProjectCallPage,
)
from twinning.public.visibility import visible_pages

#: Fields a list shows by default, beyond Wagtail's, for the types partners list most.
LISTING_FIELDS = {
    PartnerCityPage: [
        "country",
        "latitude",
        "longitude",
        "kind",
        "status",
        "signed",
        "wikidata_id",
        "hero_image",
        "themes",
        "is_demo_content",
    ],
    ExchangeStoryPage: [
        "date",
        "summary",
        "hero_image",
        "partner_cities",
        "themes",
        "is_demo_content",
    ],
    ProjectCallPage: [
        "summary",
        "opens_at",
        "closes_at",
        "status",
        "partner_cities",
        "themes",
        "is_demo_content",
    ],
    EventPage: [
        "summary",
        "start",
        "end",
        "all_day",
        "place_name",
        "hero_image",
        "partner_cities",
        "themes",
        "is_demo_content",
    ],
}


#: Parameters of every list (Wagtail's, less ``format`` and ``rich_text_format``: the API
#: answers JSON only, rich text always as HTML). ``_`` is jQuery's cache-buster.
COMMON_PARAMETERS = frozenset(
    {"limit", "offset", "fields", "order", "search", "search_operator", "_"}
)
#: Longest ``html_path`` of ``find/``: deeper than any page tree, shorter than a slow route.
HTML_PATH_MAX_LENGTH = 2048
HTML_PATH_MAX_SEGMENTS = 32
#: Parameters of a single item.
DETAIL_PARAMETERS = frozenset({"fields", "_"})
#: What every item carries whatever ``fields`` says (``type``: the page type, or
#: ``meta.type`` of images and documents).
ALWAYS_INCLUDED = ("id", "type", "meta")


def embedded_tags() -> list[str]:
    """The types of what page responses embed (themes, actors, images, documents): an edge
    keeping them is purged when one of these changes."""
    return [
        cache_tags.type_tag(model)
        for model in (CooperationTheme, Actor, get_image_model(), get_document_model())
    ]


def always_included(name: str) -> BadRequest:
    return BadRequest(
        _("id, type and meta are always included: leave -%(name)s out of fields.") % {"name": name},
        "fields",
    )


class PartnerPageSerializer(PageSerializer):
    """Wagtail's page serializer, with the page type beside ``id`` as well as in ``meta``.

    Generated clients pick an item's schema by a top-level property (the OpenAPI
    discriminator); Wagtail files a field under ``meta`` or the body by its name, so
    ``type`` cannot be a field of both: the top-level copy is made here.
    """

    def to_representation(self, instance):
        data = super().to_representation(instance)
        page_type = (data.get("meta") or {}).get("type")
        if page_type is None:
            return data
        item = {"id": data["id"]} if "id" in data else {}
        item["type"] = page_type
        item.update((key, value) for key, value in data.items() if key != "id")
        return item


class StrictAPIMixin:
    """JSON-only responses, JSON errors naming the parameter, string ids checked."""

    renderer_classes = [CompactJSONRenderer]
    pagination_class = Pagination
    # Public and shared by caches: who asks never matters (nor touches the session).
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("find/", cls.as_view({"get": "find_view"}), name="find"),
            path("<str:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    def initial(self, request, *args, **kwargs):
        # Before content negotiation, which answers an unknown ``format`` with an HTML 404.
        reject_null_characters(request)
        if "format" in request.GET:
            raise BadRequest(_("The API answers JSON only: leave out format."), "format")
        super().initial(request, *args, **kwargs)

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError | Http404):
            payload, status = error_payload(exc)
            return finish_error(Response(payload, status=status))
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        """``Content-Language``: the items' (see PageBatch.content_languages), else the
        response's language; an error's is set with its message."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if not response.has_header("Content-Language"):
            batch = getattr(self, "batch", None)
            languages = batch.content_languages() if batch is not None else None
            set_content_language(response, languages or [response_language(request)])
        return response

    def check_query_parameters(self, queryset):
        allowed = set(self.get_available_fields(queryset.model, db_fields_only=True))
        allowed |= self.known_query_parameters
        unknown = sorted(set(self.request.GET) - allowed)
        if unknown:
            raise BadRequest(
                _("Unknown query parameter %(name)r: see the API documentation.")
                % {"name": unknown[0]},
                unknown[0],
            )

    def get_serializer_class(self):
        listing = self.action == "listing_view"
        model = self.get_queryset().model if listing else type(self.get_object())
        try:
            return self._get_serializer_class(
                self.request.wagtailapi_router,
                model,
                self.fields_config(model, show_details=not listing),
                show_details=not listing,
            )
        except BadRequestError as exc:
            if isinstance(exc, BadRequest):
                raise
            raise BadRequest(str(exc), "fields") from exc

    def fields_config(self, model, *, show_details: bool) -> list:
        """``fields`` parsed as Wagtail does, checked, with ``id`` and ``meta`` kept.

        ``_`` keeps ``id`` and the default keys of ``meta``; removing ``id``, ``type``
        or ``meta`` is refused; every error is a translated 400 naming ``fields``.
        """
        raw = self.request.GET.get("fields")
        if raw is None:
            return []
        for name in ALWAYS_INCLUDED:
            if re.search(rf"(^|,)-{name}(,|$)", raw):
                raise always_included(name)
        try:
            config = parse_fields_parameter(raw)
        except ValueError as exc:
            raise BadRequest(
                _(
                    "fields cannot be read: give field names separated by commas, for "
                    "example fields=*,-body or fields=_,title."
                ),
                "fields",
            ) from exc
        for name, negated, _sub_fields in config:
            if negated and name in ALWAYS_INCLUDED:
                raise always_included(name)
        # ``meta`` is always there: naming it adds nothing.
        config = [entry for entry in config if entry[0] != "meta"]
        start = config[0][0] if config and config[0][0] in ("*", "_") else None
        available = set(self.get_available_fields(model))
        if not show_details:
            available -= set(self.detail_only_fields)
        overrides = self.get_field_serializer_overrides(model)
        for name, _negated, sub_fields in config[1:] if start else config:
            if name not in available:
                raise BadRequest(
                    _(
                        "Unknown field %(name)r in fields: see the fields of each type in the "
                        "API documentation (those of a page type need its type parameter)."
                    )
                    % {"name": name},
                    "fields",
                )
            if sub_fields and name in overrides:
                raise BadRequest(
                    _("%(name)s has no sub-fields: leave the parentheses out of fields.")
                    % {"name": name},
                    "fields",
                )
        if start == "_":
            if show_details:
                defaults = self.get_detail_default_fields(model)
            else:
                defaults = self.get_listing_default_fields(model)
            meta = set(self.get_meta_fields_names(model))
            kept = ["id", *(name for name in defaults if name in meta)]
            config = [config[0], *((name, False, None) for name in kept), *config[1:]]
        return config

    def resolve_rich_text_format(self):
        try:
            return super().resolve_rich_text_format()
        except BadRequestError as exc:
            raise BadRequest(str(exc), "rich_text_format") from exc

    def object_id(self) -> int:
        return positive_int(self.kwargs["pk"], "id")

    def not_found(self, pk):
        return NotFound(str(self.not_found_message) % {"id": pk})

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            pk = self.object_id()
            try:
                self._cached_object = self.get_queryset().get(pk=pk)
            except self.get_queryset().model.DoesNotExist as exc:
                raise self.not_found(pk) from exc
        return self._cached_object

    def find_view(self, request):
        obj = self.find_object(self.get_queryset(), request)
        if obj is None:
            raise NotFound(_("Nothing matches these criteria."))
        url = self.url_builder().api_detail_url(type(obj), obj.pk)
        query = request.GET.copy()
        # Wagtail 7.0 has no find_query_parameters: retire the default with its support.
        for param in getattr(self, "find_query_parameters", ("id", "html_path")):
            query.pop(param, None)
        return redirect(f"{url}?{query.urlencode()}" if query else url)

    def find_object(self, queryset, request):
        if "id" in request.GET:
            pk = positive_int(request.GET["id"], "id")
            return queryset.filter(pk=pk).first()
        return None

    def url_builder(self):
        return URLBuilder(self.request)

    def check_detail_parameters(self):
        unknown = sorted(set(self.request.GET) - DETAIL_PARAMETERS)
        if unknown:
            raise BadRequest(
                _("%(name)s does not apply to a single item: see the API documentation.")
                % {"name": unknown[0]},
                unknown[0],
            )

    def detail_view(self, request, pk):
        self.check_detail_parameters()
        return super().detail_view(request, pk)


class PartnerPagesAPIViewSet(StrictAPIMixin, PagesAPIViewSet):
    """Pages, in the reader's language, with everything partners need in one request."""

    base_serializer_class = PartnerPageSerializer
    not_found_message = gettext_lazy("No published page has the id %(id)s.")
    filter_backends = [
        ValidatedFieldsFilter,
        TreeFilter,
        TranslationOfFilter,
        LocaleFilter,
        PartnerFilter,
        ThemeFilter,
        DateRangeFilter,
        EventStartFilter,
        CallStatusFilter,
        CityFactsFilter,
        NamedOrderingFilter,
        SearchFilter,  # last: it orders by relevance
    ]
    #: Parameters with a filter of their own, even when they are also field names.
    special_parameters = frozenset(
        {
            "locale",
            "fallback",
            "partner",
            "theme",
            "date_from",
            "date_to",
            "start_from",
            "start_to",
            "kind",
            "status",
        }
    )
    known_query_parameters = (
        COMMON_PARAMETERS
        | special_parameters
        | {
            "type",
            "child_of",
            "ancestor_of",
            "descendant_of",
            "translation_of",
            "site",
        }
    )
    meta_fields = [field for field in PagesAPIViewSet.meta_fields if field != "alias_of"] + [
        "last_published_at",
        "fallback_from",
        "translations",
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "fallback_from",
        "translations",
    ]
    requested_locale = None
    fallback = False
    requested_models: tuple = ()

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        for name in cls.get_body_fields_names(model):
            if name not in overrides:
                field = serializer_field_for(model, name)
                if field is not None:
                    overrides[name] = field
        for name, field_class in META_FIELDS.items():
            overrides[name] = field_class()
        return overrides

    @classmethod
    def get_listing_default_fields(cls, model):
        fields = super().get_listing_default_fields(model)
        for page_model, extra in LISTING_FIELDS.items():
            if issubclass(model, page_model):
                fields += [name for name in extra if name not in fields]
        return fields

    def get_root_page(self):
        site = Site.find_for_request(self.request)
        if site is None:
            raise BadRequest(_("This host serves no site."), "child_of")
        return site.root_page

    def get_base_queryset(self):
        return visible_pages(scope(self.request))

    def get_queryset(self):
        raw_type = self.request.GET.get("type")
        models = ()
        if raw_type:
            try:
                models = page_models_from_string(raw_type)
            except (LookupError, ValueError) as exc:
                raise BadRequest(
                    _(
                        "Unknown page type %(type)r: give app_label.ModelName, for example "
                        "twinning.PartnerCityPage."
                    )
                    % {"type": raw_type},
                    "type",
                ) from exc
        self.requested_models = models
        if len(models) == 1:
            return visible_pages(scope(self.request), models[0]).order_by("path")
        queryset = self.get_base_queryset().order_by("path")
        return queryset.type(*models) if models else queryset

    def get_object(self):
        return super().get_object().specific

    def search_scope(self, model):
        return model._default_manager.live()

    def find_object(self, queryset, request):
        if "html_path" not in request.GET:
            return super().find_object(queryset, request)
        site = Site.find_for_request(request)
        if site is None:
            return None
        raw = request.GET["html_path"]
        components = [part for part in raw.split("/") if part]
        if len(raw) > HTML_PATH_MAX_LENGTH or len(components) > HTML_PATH_MAX_SEGMENTS:
            # Routing walks the tree one segment at a time: thousands take seconds.
            raise BadRequest(
                _("html_path has at most %(length)d characters and %(segments)d segments.")
                % {"length": HTML_PATH_MAX_LENGTH, "segments": HTML_PATH_MAX_SEGMENTS},
                "html_path",
            )
        root = site.root_page
        codes = {locale.language_code: locale for locale in locales(request).values()}
        if components and components[0] in codes:
            root = root.get_translation_or_none(codes[components.pop(0)]) or root
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        if page.alias_of_id:
            page = page.alias_of
        return queryset.filter(pk=page.pk).first()

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["batch"] = self.batch
        return context

    def serialize(self, items, *, many: bool):
        """Serialize ``items`` after loading, in bulk, what the chosen fields need."""
        self.batch = PageBatch(
            self.request,
            requested_locale=self.requested_locale,
            fallback=self.fallback,
            language=response_language(self.request) if many else None,
        )
        self.batch.set_items(items)
        serializer = self.get_serializer(items if many else items[0], many=many)
        fields = serializer.child.fields if many else serializer.fields
        for field in fields.values():
            if isinstance(field, BatchField):
                field.prepare(items)
        self.batch.load()
        return serializer.data

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        items = list(self.paginate_queryset(queryset))
        if asks_for_calls(self):
            expire_with_call_statuses(request)
        cache_tags.tag(request, cache_tags.type_tag(queryset.model), embedded_tags())
        return self.get_paginated_response(self.serialize(items, many=True))

    def detail_view(self, request, pk):
        self.check_detail_parameters()
        page = self.get_object()
        if isinstance(page, ProjectCallPage):
            cap_lifetime(request, next_call_change_of(page))
        cache_tags.tag(request, cache_tags.page_tag(page), embedded_tags())
        return Response(self.serialize([page], many=False))


class PublicCollectionMixin(StrictAPIMixin):
    """Images or documents outside private collections, for everyone."""

    filter_backends = [ValidatedFieldsFilter, NamedOrderingFilter, SearchFilter]
    special_parameters = frozenset()
    known_query_parameters = COMMON_PARAMETERS

    def get_queryset(self):
        private = site_state(self.request).private_collection_ids
        return self.model.objects.exclude(collection_id__in=private).order_by("id")

    def search_scope(self, model):
        return model._default_manager.all()

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        overrides["detail_url"] = DetailUrlField()
        overrides["download_url"] = DownloadUrlField()
        overrides["tags"] = TagsField()
        return overrides

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["batch"] = PageBatch(self.request)
        return context

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        items = list(self.paginate_queryset(queryset))
        cache_tags.tag(request, cache_tags.type_tag(self.model))
        serializer = self.get_serializer(items, many=True)
        for field in serializer.child.fields.values():
            if isinstance(field, BatchField):
                field.prepare(items)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        label = self.model._meta.label_lower
        cache_tags.tag(
            request, cache_tags.type_tag(self.model), cache_tags.object_tag_for(label, pk)
        )
        return super().detail_view(request, pk)


class PublicImagesAPIViewSet(PublicCollectionMixin, ImagesAPIViewSet):
    not_found_message = gettext_lazy("No public image has the id %(id)s.")


class PublicDocumentsAPIViewSet(PublicCollectionMixin, DocumentsAPIViewSet):
    not_found_message = gettext_lazy("No public document has the id %(id)s.")


class TagsField(BatchField):
    """Tag names, read for the whole list at once."""

    def prepare(self, items):
        prefetch_related_objects(items, "tags")

    def to_representation(self, obj):
        return sorted(tag.name for tag in obj.tags.all())


class DownloadUrlField(BatchField):
    """The original file (documents: through Wagtail's serve view), as an absolute URL."""

    def to_representation(self, obj):
        return self.batch.urls.absolute(getattr(obj, "url", None) or obj.file.url)
