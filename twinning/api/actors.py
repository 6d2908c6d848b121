"""The territory's actors (associations, schools...) as partners read them.

``/actors/`` lists Actor snippets, ``/actors/<id>/`` shows one. Like pages, ``locale``
keeps the actors written or translated in that language and ``fallback=true`` adds, in
the source language, those not translated yet (``meta.fallback_from`` says so). Partner
cities, themes and labels come in the requested language (see batch.py: without
``locale``, a list gives each actor's cities and themes in its own language and the labels
in Accept-Language's; a single actor is in its own language). The contact e-mail is only ever the
consented ``public_email``: the address an actor did not agree to publish never leaves
the admin.
"""

from django.db.models import Q, QuerySet
from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Page

from twinning import cache_tags
from twinning.api.batch import PageBatch
from twinning.api.errors import BadRequest, NotFound, json_errors
from twinning.api.filters import parse_choices, resolve_partner, theme_keys
from twinning.api.languages import (
    parse_boolean,
    parse_locale,
    response_language,
    set_content_language,
    source_locale,
)
from twinning.api.parameters import FALLBACK, positive_int, reject_unknown
from twinning.api.views import Pagination, embedded_tags
from twinning.choices import ActorKind
from twinning.models import Actor

LIST_PARAMETERS = {"locale", "fallback", "partner", "kind", "theme", "limit", "offset"}
DETAIL_PARAMETERS: set[str] = set()


def actors_in(request: HttpRequest) -> QuerySet:
    """Actors filtered by the request's ``locale``/``fallback``, ``partner``, ``kind``, ``theme``."""
    actors = Actor.objects.all()
    locale = parse_locale(request)
    fallback = parse_boolean(request, "fallback", default=FALLBACK.get_default())
    if fallback and locale is None:
        raise BadRequest(
            _("fallback=true needs a locale, for example locale=de&fallback=true."), "fallback"
        )
    if locale is not None:
        source = source_locale(request)
        q = Q(locale=locale)
        if fallback and source is not None and source.pk != locale.pk:
            translated = Actor.objects.filter(locale=locale).values("translation_key")
            q |= Q(locale=source) & ~Q(translation_key__in=translated)
        actors = actors.filter(q)
    if "partner" in request.GET:
        actors = actors.concerning(resolve_partner(request, request.GET["partner"]))
    if "kind" in request.GET:
        actors = actors.filter(kind__in=parse_choices(request, "kind", ActorKind))
    if "theme" in request.GET:
        actors = actors.filter(themes__translation_key__in=theme_keys(request.GET["theme"]))
    return actors.distinct().order_by("name", "pk")


def actors_batch(request: HttpRequest, actors: list[Actor], *, many: bool) -> PageBatch:
    """The actors' related pages and themes, loaded for all at once."""
    batch = PageBatch(
        request,
        requested_locale=parse_locale(request),
        language=response_language(request) if many else None,
    )
    batch.set_items(actors)
    cities = Actor._meta.get_field("partner_cities")
    grouped = batch.load_relation_ids("partner_cities", cities)
    batch.references.add_pages(pk for pks in grouped.values() for pk in pks)
    batch.load_snippets("themes", Actor._meta.get_field("themes"))
    batch.load()
    return batch


def actor_data(actor: Actor, batch: PageBatch) -> dict:
    language = batch.language_of(actor)
    pages = (
        batch.references.page_summary(pk, batch.reference_locale_id(actor))
        for pk in batch.relation_ids("partner_cities", actor)
    )
    cities = {page["id"]: page for page in pages if page}
    themes = sorted(batch.snippets("themes", actor), key=str)
    with translation.override(batch.label_language(actor)):
        kind_label = str(actor.get_kind_display())
    return {
        "id": actor.pk,
        "meta": {
            "type": "twinning.Actor",
            "detail_url": batch.urls.reverse(
                f"{batch.request.wagtailapi_router.url_namespace}:actor-detail", actor.pk
            ),
            "locale": language,
            "fallback_from": batch.fallback_from(actor),
        },
        "name": actor.name,
        "kind": actor.kind,
        "kind_label": kind_label,
        "description": actor.description,
        "website": actor.website or None,
        "email": actor.public_email or None,
        "partner_cities": sorted(cities.values(), key=lambda page: page["title"].casefold()),
        "themes": [{"id": t.pk, "slug": t.slug, "name": str(t)} for t in themes],
        "is_demo_content": actor.is_demo_content,
    }


def _json(data: dict, batch: PageBatch) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    set_content_language(response, batch.content_languages())
    return response


@require_safe
@json_errors
def actors_list(request: HttpRequest) -> JsonResponse:
    reject_unknown(request, LIST_PARAMETERS)
    cache_tags.tag(request, cache_tags.type_tag(Actor), embedded_tags(), cache_tags.type_tag(Page))
    actors = actors_in(request)
    pagination = Pagination()
    items = list(pagination.paginate_queryset(actors, request))
    batch = actors_batch(request, items, many=True)
    items = [actor_data(actor, batch) for actor in items]
    return _json({"meta": pagination.meta(), "items": items}, batch)


@require_safe
@json_errors
def actor_detail(request: HttpRequest, pk: str) -> JsonResponse:
    reject_unknown(request, DETAIL_PARAMETERS)
    actor = Actor.objects.filter(pk=positive_int(pk, "id")).first()
    if actor is None:
        raise NotFound(_("No actor has the id %(id)s.") % {"id": pk})
    cache_tags.tag(
        request, cache_tags.object_tag(actor), embedded_tags(), cache_tags.type_tag(Page)
    )
    batch = actors_batch(request, [actor], many=False)
    return _json(actor_data(actor, batch), batch)
