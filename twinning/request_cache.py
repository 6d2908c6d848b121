"""Facts that cannot change while one response is built, read once per request.

Wagtail's ``PageQuerySet.public()`` reads every view restriction each time it is called,
and a page response calls it for each list it shows (stories, events, calls, menu…). The
restrictions are kept on the request instead, so one query serves the whole response.
"""

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from wagtail.models import PageViewRestriction

_RESTRICTIONS = "_twinning_view_restrictions"


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
