"""Facts that cannot change while one response is built, read once per request.

Wagtail's ``PageQuerySet.public()`` reads every view restriction each time it is called,
and a page response calls it for each list it shows (stories, events, calls, menu…). The
restrictions are kept on the request instead, so one query serves the whole response.
Routing (see routes.py) also keeps the language tree's home page and its children: the
menu and the links to section pages are read from them.
"""

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from wagtail.models import Page, PageViewRestriction

_RESTRICTIONS = "_twinning_view_restrictions"
_TREE = "_twinning_routed_tree"


def view_restrictions(
    request: HttpRequest | None = None, *, keep: bool = True
) -> list[PageViewRestriction]:
    """All view restrictions with their pages; read once per ``request`` when one is given.

    ``keep=False`` reuses a list already kept on the request but does not keep a new one:
    for callers that may be asked several times about one request object.
    """
    cached = getattr(request, _RESTRICTIONS, None) if request is not None else None
    if cached is not None:
        return cached
    restrictions = list(PageViewRestriction.objects.select_related("page"))
    if request is not None and keep:
        setattr(request, _RESTRICTIONS, restrictions)
    return restrictions


def private_q(restrictions: list[PageViewRestriction]) -> Q:
    """Pages in a restricted section (the restricted page and its descendants)."""
    q = Q()
    for restriction in restrictions:
        q |= Q(path__startswith=restriction.page.path)
    return q if q else Q(pk__in=[])


def public(queryset: QuerySet, restrictions: list[PageViewRestriction] | None = None) -> QuerySet:
    """``queryset.public()`` from restrictions already read, or Wagtail's own when none given."""
    if restrictions is None:
        return queryset.public()
    return queryset.exclude(private_q(restrictions))


def is_public(page: Page, restrictions: Iterable[PageViewRestriction]) -> bool:
    """Whether ``page`` is outside every restricted section, as ``public()`` decides."""
    return not any(page.path.startswith(r.page.path) for r in restrictions)


def keep_tree(request: HttpRequest, root: Page, children: list[Page]) -> None:
    """Keep the language tree's home page ``root`` and its children, as routing read them."""
    setattr(request, _TREE, (root, children))


def tree_children(request: HttpRequest | None, root: Page) -> list[Page] | None:
    """The children of ``root`` kept by routing (live or not, in path order), else None."""
    kept = getattr(request, _TREE, None) if request is not None else None
    if kept is None or kept[0].pk != root.pk:
        return None
    return kept[1]


def tree_root(request: HttpRequest | None) -> Page | None:
    """The home page of the language tree that routing went through, if it kept one."""
    kept = getattr(request, _TREE, None) if request is not None else None
    return kept[0] if kept is not None else None
