"""What anonymous readers may see: decided here, for every place that shows pages or media.

The HTML pages (routing, menus, language switcher and hreflang), the API, its feeds and
calendars, the sitemap and the search all ask this module. A page is visible when it is
live and outside every view-restricted section, whatever the restriction (password, login
or groups): published pages go to caches and to partners who never log in. Where it
matters, also when it is a real page rather than an alias (an alias is the French page
under a foreign URL: "not translated yet") and inside a site's language trees. Images
and documents are visible unless their collection, or a parent collection, has a view
restriction.

The restrictions are read once per request (``view_restrictions``); a caller that keeps
them longer (the API, for a cache generation) hands the paths in a ``Scope``.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
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


def private_collection_ids() -> frozenset[int]:
    """Collections with a view restriction, and every collection beneath them."""
    paths = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not paths:
        return frozenset()
    return frozenset(Collection.objects.filter(within_q(paths)).values_list("pk", flat=True))
