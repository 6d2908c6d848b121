"""Tags and edge Cache-Control on responses.

``EdgeCacheMiddleware`` writes the tags of a response (twinning.cache_tags) as its ``xkey``
header, which Varnish indexes and the site purges by. A response that every anonymous
reader may share (a live public page, the sitemap: ``cache_tags.shareable``) gets, when
an edge is configured (``TWINNING["EDGE_PURGE_URLS"]``: it will be purged),
``Cache-Control: public, max-age=<EDGE_MAX_AGE>, s-maxage=<EDGE_S_MAXAGE>`` when the
request is anonymous (no session, no Authorization) and the response sets no cookie: the
edge keeps it until a purge, browsers ask again soon. Other HTML is ``private, no-cache``
unless its view said otherwise. The API's own Cache-Control, ETag and Vary are kept.

Place it after ``APICacheMiddleware``: the API's server cache then stores the ``xkey``
header with each entry and replays it on hits.
"""

import logging
import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from twinning import cache_tags, conf
from twinning.edge.purge import edge_urls

logger = logging.getLogger(__name__)

TAGS_HEADER = "xkey"
#: Varnish's default limit of a response header line is 8 KiB.
MAX_TAGS_LENGTH = 7900


def anonymous(request: HttpRequest) -> bool:
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def shared_by_the_edge(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.cookies
        and anonymous(request)
        and cache_tags.is_shareable(request)
        and bool(edge_urls())  # no edge purged: no shared cache may keep pages
        and not any(word in response.get("Cache-Control", "") for word in ("private", "no-store"))
    )


class EdgeCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        tags = cache_tags.tags_of(request)
        header = " ".join(sorted(tags))
        if len(header) > MAX_TAGS_LENGTH:
            # Varnish refuses a response with a longer header line (http_resp_hdr_len): it
            # goes uncached rather than unpurgeable.
            logger.warning("Too many cache tags (%d) for %s", len(tags), request.path)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if len(tags) > 1:  # more than the site's tag: a view said what it shows
            response[TAGS_HEADER] = header
        if shared_by_the_edge(request, response):
            max_age, s_maxage = conf.get("EDGE_MAX_AGE"), conf.get("EDGE_S_MAXAGE")
            until = cache_tags.held_until(request)
            if until is not None:  # a call closing, an event ending: no purge will say so
                left = max(0, math.floor((until - timezone.now()).total_seconds()))
                max_age, s_maxage = min(max_age, left), min(s_maxage, left)
            patch_cache_control(response, public=True, max_age=max_age, s_maxage=s_maxage)
        elif response.get("Content-Type", "").startswith("text/html") and not response.has_header(
            "Cache-Control"
        ):
            patch_cache_control(response, private=True, no_cache=True)
        return response
