"""What anonymous readers may see, whoever asks.

The API is public and its responses are cached and shared (server cache, CDNs), so it
never looks at the requesting user: a page is visible when it is live, outside every
view-restricted section (whatever the restriction: password, login or groups), in the
site's language trees, and a real page rather than an alias (an alias is the French page
under a foreign URL: "not translated yet"). Images and documents are visible unless their
collection, or a parent collection, has a view restriction.
"""

from django.db.models import Q
from django.http import HttpRequest

from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Page

from twinning.api.errors import BadRequest
from twinning.api.site_state import site_state

_PRIVATE_Q = "_twinning_api_private_q"
_SITE_Q = "_twinning_api_site_q"


def private_pages_q(request: HttpRequest) -> Q:
    """Pages in a restricted section (the restricted page and its descendants)."""
    if not hasattr(request, _PRIVATE_Q):
        q = Q()
        for path in site_state(request).private_paths:
            q |= Q(path__startswith=path)
        setattr(request, _PRIVATE_Q, q if q else Q(pk__in=[]))
    return getattr(request, _PRIVATE_Q)


def site_pages_q(request: HttpRequest) -> Q:
    """Pages under the site's root page or one of its translations."""
    if not hasattr(request, _SITE_Q):
        if request.GET.get("site"):
            try:
                site = SiteFilterValidator(site=request.GET["site"], request=request).site_obj
            except ValueError as exc:
                raise BadRequest(str(exc), "site") from exc
            paths = (
                site.root_page.get_translations(inclusive=True).values_list("path", flat=True)
                if site is not None
                else None
            )
        else:
            state = site_state(request)
            paths = state.root_paths if state.site is not None else None
        if paths is None:
            q = Q(pk__in=[])
        else:
            q = Q()
            for path in paths:
                q |= Q(path__startswith=path)
        setattr(request, _SITE_Q, q)
    return getattr(request, _SITE_Q)


def visible_q(request: HttpRequest) -> Q:
    """The condition ``visible_pages`` applies, to flag rows rather than filter them."""
    q = Q(live=True, alias_of__isnull=True) & site_pages_q(request)
    if site_state(request).private_paths:
        q &= ~private_pages_q(request)
    return q


def visible_pages(request: HttpRequest, model: type[Page] = Page, *, aliases: bool = False):
    """Live, public pages of the site; aliases only when asked for (to resolve identifiers)."""
    queryset = model._default_manager.live().filter(site_pages_q(request))
    queryset = queryset.exclude(private_pages_q(request))
    if not aliases:
        queryset = queryset.filter(alias_of__isnull=True)
    return queryset


def private_collection_ids(request: HttpRequest) -> frozenset[int]:
    """Collections with a view restriction, and every collection beneath them."""
    return site_state(request).private_collection_ids
