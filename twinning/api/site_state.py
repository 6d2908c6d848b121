"""What every API response reads about the site, kept in the cache for a generation.

The site that serves a host, the paths of its language roots, the restricted sections,
the locales and the private collections change only through saves that retire every
cached API response (a new generation, see caching.py and invalidation.py). So they are
read from the database once per generation and host, then from the cache with the
generation number in one round trip, instead of five queries at every request. The
generation is where every server process sees it (see caching.py), so a restriction added
through one process is in force in all of them at their next request.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.http.request import split_domain_port

from wagtail.models import Locale, Site

from twinning import wagtail_internals
from twinning.api.caching import kept_for_generation
from twinning.api.errors import BadRequest
from twinning.compat import site_named_by_filter
from twinning.public import request_cache
from twinning.public.visibility import (
    Scope,
    private_collection_ids,
    restricted_paths,
    view_restrictions,
)

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
    return request_cache.remembered(request, "api_site_state", lambda: _state_of(request))


def _state_of(request: HttpRequest) -> SiteState:
    state = _cached_state(request)
    wagtail_internals.keep_site(request, state.site)
    return state


def scope(request: HttpRequest) -> Scope:
    """What the API may show for ``request`` (see twinning.public.visibility): the site's
    pages, or those of the site named by ``?site=``, outside the restricted sections."""
    return request_cache.remembered(request, "api_scope", lambda: _scope_of(request))


def _scope_of(request: HttpRequest) -> Scope:
    state = site_state(request)
    if request.GET.get("site"):
        try:
            site = site_named_by_filter(request, request.GET["site"])
        except ValueError as exc:
            raise BadRequest(str(exc), "site") from exc
        root_paths = (
            tuple(site.root_page.get_translations(inclusive=True).values_list("path", flat=True))
            if site is not None
            else ()
        )
    else:
        root_paths = state.root_paths if state.site is not None else ()
    return Scope(restricted_paths=state.private_paths, root_paths=root_paths)


def _cached_state(request: HttpRequest) -> SiteState:
    hostname = split_domain_port(request.get_host())[0]  # validated: DisallowedHost is a 400
    key = f"twinning-api:site-state:{hostname}:{request.get_port()}"
    return kept_for_generation(key, lambda: _read_state(request), _TIMEOUT, request)


def _read_state(request: HttpRequest) -> SiteState:
    site = Site.find_for_request(request)
    root_paths: tuple[str, ...] = ()
    if site is not None:
        root = site.root_page  # kept with the site, for the views that start from it
        root_paths = tuple(root.get_translations(inclusive=True).values_list("path", flat=True))
    return SiteState(
        site=site,
        root_paths=root_paths,
        private_paths=restricted_paths(view_restrictions()),
        locales={locale.pk: locale for locale in Locale.objects.all()},
        private_collection_ids=private_collection_ids(),
    )
