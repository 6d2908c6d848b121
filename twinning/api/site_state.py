"""What every API response reads about the site, kept in the cache for a generation.

The site that serves a host, the paths of its language roots, the restricted sections,
the locales and the private collections change only through saves that retire every
cached API response (a new generation, see caching.py and invalidation.py). So they are
read from the database once per generation and host, then from the cache with the
generation number in one round trip, instead of five queries at every request.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import HttpRequest
from django.http.request import split_domain_port

from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction, Site

from twinning.api.caching import kept_for_generation

_ATTRIBUTE = "_twinning_api_site_state"
#: Long enough to serve many requests; a new generation makes an entry useless anyway.
_TIMEOUT = 3600


@dataclass(frozen=True)
class SiteState:
    #: The site serving the request's host (Wagtail's ``Site.find_for_request``), or None.
    site: Site | None
    #: Paths of the site's root page and of its translations.
    root_paths: tuple[str, ...]
    #: Paths of the pages with a view restriction (their sections are private).
    private_paths: tuple[str, ...]
    #: Every Locale, by id, in language code order.
    locales: dict[int, Locale]
    #: Collections with a view restriction, and every collection beneath them.
    private_collection_ids: frozenset[int]


def site_state(request: HttpRequest) -> SiteState:
    """The state for the request's host: from the request, the cache, or the database."""
    request = getattr(request, "_request", request)  # a REST framework request
    state = getattr(request, _ATTRIBUTE, None)
    if state is None:
        state = _cached_state(request)
        setattr(request, _ATTRIBUTE, state)
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = state.site  # where Site.find_for_request keeps it
    return state


def _cached_state(request: HttpRequest) -> SiteState:
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"twinning-api:site-state:{hostname}:{request.get_port()}"
    return kept_for_generation(key, lambda: _read_state(request), timeout=_TIMEOUT)


def _read_state(request: HttpRequest) -> SiteState:
    site = Site._find_for_request(request)
    root_paths: tuple[str, ...] = ()
    if site is not None:
        root = site.root_page  # kept with the site, for the views that start from it
        root_paths = tuple(root.get_translations(inclusive=True).values_list("path", flat=True))
    private_paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    collection_paths = list(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    )
    private_collections: frozenset[int] = frozenset()
    if collection_paths:
        q = Q()
        for path in collection_paths:
            q |= Q(path__startswith=path)
        private_collections = frozenset(Collection.objects.filter(q).values_list("pk", flat=True))
    return SiteState(
        site=site,
        root_paths=root_paths,
        private_paths=private_paths,
        locales={locale.pk: locale for locale in Locale.objects.all()},
        private_collection_ids=private_collections,
    )
