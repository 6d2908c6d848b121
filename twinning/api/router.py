"""The partner API's router: Wagtail's endpoints plus plain views, all cached alike.

``register_view`` mounts views that are not model endpoints (GeoJSON, feed, calendar,
OpenAPI, docs). Every view, endpoint or not, goes through ``cached_api_view`` (server
cache, ETag, Last-Modified, Cache-Control), and unknown addresses under the API answer
a JSON 404 rather than the site's HTML page. Every view but a partner's own resources is
read-only: another method is a JSON 405 with ``Allow`` (see errors.read_only).
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, path, re_path, resolve
from django.views.decorators.csrf import csrf_exempt

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.utils.urlpatterns import decorate_urlpatterns

from twinning.api.caching import cached_api_view
from twinning.api.errors import not_found, read_only


@csrf_exempt  # answers only JSON 404s and slash redirects, whatever the method
def _not_found_or_slash(request, *args, **kwargs):
    """Django's APPEND_SLASH, which a catch-all would otherwise defeat, then a JSON 404."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not _catch_all:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(
                request.path + "/" + (f"?{query}" if query else "")
            )
    return not_found(request)


_catch_all = _not_found_or_slash


class PartnerAPIRouter(WagtailAPIRouter):
    def __init__(self, url_namespace: str):
        super().__init__(url_namespace)
        self._views: list[tuple[str, object, str]] = []
        self._private_views: list[tuple[str, object, str]] = []

    def register_view(self, route: str, view, name: str, *, cached: bool = True) -> None:
        """Mount ``view`` at ``route``; ``cached=False`` for a partner's own resources
        (token-authenticated), which are never stored in the shared cache."""
        (self._views if cached else self._private_views).append((route, view, name))

    def wrap_view(self, func):
        return read_only(cached_api_view(super().wrap_view(func)))

    def get_urlpatterns(self):
        urlpatterns = super().get_urlpatterns()
        extra = [path(route, view, name=name) for route, view, name in self._views]
        decorate_urlpatterns(extra, self.wrap_view)
        private = [path(route, view, name=name) for route, view, name in self._private_views]
        return [*urlpatterns, *extra, *private, re_path(r"", _catch_all)]
