"""What anonymous readers may see: decided here, for every place that shows pages or media.

The HTML pages (routing, menus, language switcher and hreflang), the API, its feeds and
calendars, the sitemap and the search all ask this module. A page is visible when it is
live and outside every view-restricted section, whatever the restriction (password, login
or groups): published pages go to caches and to partners who never log in. Where it
matters, also when it is a real page rather than an alias (an alias is the French page
under a foreign URL: "not translated yet") and inside a site's language trees. Images
and documents are visible unless their collection, or a parent collection, has a view
restriction: ``public_media`` decides it for one image or document, the rich text
handlers of ``twinning.blocks`` and the template tags of ``twinning_media`` ask it.

The restrictions are read once per request (``view_restrictions``); a caller that keeps
them longer (the API, for a cache generation) hands the paths in a ``Scope``.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Substr
from django.http import HttpRequest

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.query import PageQuerySet

from twinning.public import request_cache


def within_q(paths: Iterable[str], field: str = "path") -> Q:
    """Rows at or below any of the tree ``paths`` (pages or collections); none when empty.

    ``field="url_path"`` takes URL paths instead, as Wagtail's site root paths give them.
    """
    q = Q()
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q if q else Q(pk__in=[])


def view_restrictions(
    request: HttpRequest | None = None, *, keep: bool = True
) -> list[PageViewRestriction]:
    """All page view restrictions with their pages; read once per ``request`` when given.

    ``PageQuerySet.public()`` reads them at every call, and a page response shows many
    lists. ``keep=False`` reuses a list already kept for the request but keeps no new one:
    for callers that may be asked several times about one request object.
    """
    return request_cache.remembered(request, "view_restrictions", _read_restrictions, keep=keep)


def _read_restrictions() -> list[PageViewRestriction]:
    return list(PageViewRestriction.objects.select_related("page"))


def restricted_paths(restrictions: Iterable[PageViewRestriction]) -> tuple[str, ...]:
    """The paths of the restricted pages: each is the top of a private section."""
    return tuple(restriction.page.path for restriction in restrictions)


def restrictions_on(
    page: Page, restrictions: Iterable[PageViewRestriction]
) -> list[PageViewRestriction]:
    """The restrictions that apply to ``page``: those on the page or one of its ancestors."""
    return [r for r in restrictions if page.path.startswith(r.page.path)]


def is_public(page: Page, restrictions: Iterable[PageViewRestriction]) -> bool:
    """Whether ``page`` is outside every restricted section, as ``public()`` decides."""
    return not restrictions_on(page, restrictions)


def public(queryset: QuerySet, restrictions: list[PageViewRestriction] | None = None) -> QuerySet:
    """``queryset.public()`` from restrictions already read, or Wagtail's own when none given."""
    if restrictions is None:
        return queryset.public()
    return queryset.exclude(within_q(restricted_paths(restrictions)))


@dataclass(frozen=True)
class Scope:
    """What anonymous readers of one response may see, as read for it.

    ``root_paths`` limits pages to a site's language trees (its root page and their
    translations); None leaves every tree in.
    """

    restricted_paths: tuple[str, ...] = ()
    root_paths: tuple[str, ...] | None = None


def page_scope(request: HttpRequest | None = None) -> Scope:
    """The pages' scope of an HTML response: restrictions read once for ``request``."""
    return Scope(restricted_paths=restricted_paths(view_restrictions(request)))


def visible_q(scope: Scope, *, aliases: bool = False) -> Q:
    """The condition ``visible_pages`` applies, to flag rows rather than filter them."""
    q = Q(live=True)
    if not aliases:
        q &= Q(alias_of__isnull=True)
    if scope.root_paths is not None:
        q &= within_q(scope.root_paths)
    if scope.restricted_paths:
        q &= ~within_q(scope.restricted_paths)
    return q


def visible_pages(scope: Scope, model: type[Page] = Page, *, aliases: bool = False) -> PageQuerySet:
    """Live, public pages of ``model`` in ``scope``; aliases only when asked for
    (to resolve identifiers)."""
    return model._default_manager.filter(visible_q(scope, aliases=aliases))


def visible_among(pages: Iterable[Page | None]) -> list[Page]:
    """The given pages that a visitor may open: live and without view restriction.

    Related pages (a call's partner cities, a story's event) can be drafts or private;
    two queries tell which (the restrictions, the pages), whatever the number of pages.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    candidates = Page.objects.filter(pk__in=[page.pk for page in pages]).live()
    visible = set(public(candidates, view_restrictions()).values_list("pk", flat=True))
    return [page for page in pages if page.pk in visible]


def private_collections() -> QuerySet:
    """Collections with a view restriction, and every collection beneath them.

    One query (or a subquery of the caller's): a collection is private when it or one of
    its ancestors is restricted, i.e. when its path begins with a restricted collection's.
    """
    restricted_above = CollectionViewRestriction.objects.filter(
        collection__path=Substr(OuterRef("path"), 1, F("collection__depth") * Collection.steplen)
    )
    return Collection.objects.filter(Exists(restricted_above))


def private_collection_ids() -> frozenset[int]:
    """The ids of ``private_collections()``."""
    return frozenset(private_collections().values_list("pk", flat=True))


def private_collection_ids_for(request: HttpRequest | None) -> frozenset[int]:
    """``private_collection_ids()``, read once per ``request`` when given."""
    return request_cache.remembered(request, "private_collection_ids", private_collection_ids)


def public_media(obj, request: HttpRequest | None = None, private_ids: Iterable[int] | None = None):
    """``obj`` (an image or a document) when anonymous readers may see it, else None.

    The one test of media visibility: outside the private collections, given as
    ``private_ids`` when the caller read them, else read once for ``request``. Public
    pages are the same for everyone (an edge cache keeps them), so an editor who may
    open the collection does not see its media there either.
    """
    if not obj:  # also a template's missing variable ("")
        return None
    if private_ids is None:
        private_ids = private_collection_ids_for(request)
    return None if obj.collection_id in private_ids else obj


def public_media_queryset(queryset: QuerySet) -> QuerySet:
    """Images or documents of ``queryset`` outside the private collections (no extra query)."""
    return queryset.exclude(collection__in=private_collections())
