"""Absolute URLs for API responses: partners copy them into other sites as they are.

The base is the configured ``PUBLIC_BASE_URL`` (behind a proxy or CDN the request's host
may not be the public one), else the request's scheme and host. Page URLs keep their
language prefix (``/de/…``): they are built by Wagtail's own routing from the site root
paths, which Wagtail caches on the request, so no URL costs a query.
"""

import re
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from wagtail.models import Page

from .. import conf

_RELATIVE_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')


def base_url(request: HttpRequest) -> str:
    """Scheme and host every URL of a response starts with, without a trailing slash."""
    configured = conf.get("PUBLIC_BASE_URL")
    if configured:
        return str(configured).rstrip("/")
    return request.build_absolute_uri("/").rstrip("/")


class URLBuilder:
    """Makes the URLs of one response absolute."""

    def __init__(self, request: HttpRequest, router=None):
        self.request = request
        self.router = router or getattr(request, "wagtailapi_router", None)
        self.base = base_url(request)

    def absolute(self, url: str | None) -> str | None:
        if not url:
            return url
        if url.startswith(("http://", "https://")):
            return url
        if url.startswith("//"):
            return f"{self.request.scheme}:{url}"
        return self.base + (url if url.startswith("/") else "/" + url)

    def page_url(self, page: Page) -> str | None:
        """The page's public URL, with its language prefix."""
        try:
            parts = page.get_url_parts(self.request)
        except NoReverseMatch:
            return None
        if not parts or parts[2] is None:
            return None
        return self.base + parts[2]

    def reverse(self, viewname: str, *args, query: dict | None = None) -> str:
        url = self.base + reverse(viewname, args=args)
        query = {key: value for key, value in (query or {}).items() if value not in (None, "")}
        return f"{url}?{urlencode(query)}" if query else url

    def api_detail_url(self, model, pk: int) -> str | None:
        """The API detail URL of an object, when an endpoint of the router serves its model."""
        if self.router is None:
            return None
        path = self.router.get_object_detail_urlpath(model, pk)
        return self.base + path if path else None

    def absolutize_html(self, html: str) -> str:
        """Make every root-relative ``href``/``src`` of an HTML fragment absolute."""
        return _RELATIVE_URL_ATTRIBUTE.sub(lambda m: f'{m[1]}{self.base}{m[2]}"', html)
