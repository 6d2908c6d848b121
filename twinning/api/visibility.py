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
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from .errors import BadRequest

_PRIVATE_Q = "_twinning_api_private_q"
_SITE_Q = "_twinning_api_site_q"
_PRIVATE_COLLECTIONS = "_twinning_api_private_collections"


def private_pages_q(request: HttpRequest) -> Q:
    """Pages in a restricted section (the restricted page and its descendants)."""
    if not hasattr(request, _PRIVATE_Q):
        q = Q()
        for path in PageViewRestriction.objects.values_list("page__path", flat=True):
            q |= Q(path__startswith=path)
        setattr(request, _PRIVATE_Q, q if q else Q(pk__in=[]))
    return getattr(request, _PRIVATE_Q)


def site_pages_q(request: HttpRequest) -> Q:
    """Pages under the site's root page or one of its translations."""
    if not hasattr(request, _SITE_Q):
        try:
            site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
        except ValueError as exc:
            raise BadRequest(str(exc), "site") from exc
        if site is None:
            q = Q(pk__in=[])
        else:
            q = Q()
            for path in site.root_page.get_translations(inclusive=True).values_list(
                "path", flat=True
            ):
                q |= Q(path__startswith=path)
        setattr(request, _SITE_Q, q)
    return getattr(request, _SITE_Q)


def visible_pages(request: HttpRequest, model: type[Page] = Page, *, aliases: bool = False):
    """Live, public pages of the site; aliases only when asked for (to resolve identifiers)."""
    queryset = model._default_manager.live().filter(site_pages_q(request))
    queryset = queryset.exclude(private_pages_q(request))
    if not aliases:
        queryset = queryset.filter(alias_of__isnull=True)
    return queryset


def private_collection_ids(request: HttpRequest) -> frozenset[int]:
    """Collections with a view restriction, and every collection beneath them."""
    if not hasattr(request, _PRIVATE_COLLECTIONS):
        paths = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
        ids: frozenset[int] = frozenset()
        if paths:
            q = Q()
            for path in paths:
                q |= Q(path__startswith=path)
            ids = frozenset(Collection.objects.filter(q).values_list("pk", flat=True))
        setattr(request, _PRIVATE_COLLECTIONS, ids)
    return getattr(request, _PRIVATE_COLLECTIONS)
