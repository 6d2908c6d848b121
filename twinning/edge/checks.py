"""System checks of twinning.edge's requirements on its host (``manage.py check``)."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from twinning.edge.purge import edge_urls

EDGE_MIDDLEWARE = "twinning.edge.middleware.EdgeCacheMiddleware"
API_CACHE_MIDDLEWARE = "twinning.api.caching.APICacheMiddleware"


@register(Tags.compatibility, "twinning")
def check_edge_middleware(app_configs=None, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    if EDGE_MIDDLEWARE not in middleware:
        return [
            Warning(
                "twinning.edge is installed without its middleware: responses carry no "
                "cache tags and pages are not marked for the edge.",
                hint=f"Add {EDGE_MIDDLEWARE!r} to MIDDLEWARE, after {API_CACHE_MIDDLEWARE!r}.",
                id="twinning_edge.W001",
            )
        ]
    if API_CACHE_MIDDLEWARE in middleware and middleware.index(EDGE_MIDDLEWARE) < middleware.index(
        API_CACHE_MIDDLEWARE
    ):
        return [
            Error(
                "EdgeCacheMiddleware comes before APICacheMiddleware: API responses served "
                "from the server cache would reach the edge without their tags, and no "
                "purge would reach them.",
                hint=f"Place {EDGE_MIDDLEWARE!r} right after {API_CACHE_MIDDLEWARE!r}.",
                id="twinning_edge.E001",
            )
        ]
    return []


@register(Tags.compatibility, "twinning")
def check_edge_urls(app_configs=None, **kwargs):
    bad = [url for url in edge_urls() if not url.startswith(("http://", "https://"))]
    return [
        Error(
            f"TWINNING['EDGE_PURGE_URLS'] holds {url!r}, which is not an http(s) URL.",
            hint="Give each edge's base URL, e.g. 'http://127.0.0.1:6081'.",
            id="twinning_edge.E002",
        )
        for url in bad
    ]
