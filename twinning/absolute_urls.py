"""Absolute URLs, made in one place for pages, link previews, sitemaps, feeds and the API.

Partners, crawlers and feed readers copy URLs as they are, so every URL the plugin hands
out is absolute. Its base, without a trailing slash, is the first of:

- ``TWINNING["PUBLIC_BASE_URL"]``: behind a proxy or CDN the request's host may not be the
  public one;
- for the API's own endpoints only, Wagtail's ``WAGTAILAPI_BASE_URL`` (its scheme and
  host, as Wagtail's API reads it);
- the request's scheme and host.

Without a request (cache purges), the bases are the sites' ``root_url``, as Wagtail's
``Page.get_full_url`` builds them.

Page URLs keep their language prefix (``/de/…``): they are built from the site root
paths (``Site.get_site_root_paths``, cached by Wagtail), so no URL costs a query. A
response holds hundreds of URLs (every translation of every item), and Django's
``reverse`` costs tens of microseconds each: ``URLBuilder`` therefore reverses each URL
pattern once per response and language, and derives every URL of that pattern from it the
way ``reverse`` would build it (the same validation against Wagtail's serving pattern, the
same quoting). Page classes that route their URLs themselves keep Wagtail's own way.
"""

import re
from urllib.parse import quote, urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.http import RFC3986_SUBDELIMS

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.urls import serve_pattern

from twinning import conf

_RELATIVE_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')
#: What Wagtail's ``wagtail_serve`` URL accepts after the language prefix.
_SERVED_PATH = re.compile(serve_pattern)
#: Characters ``reverse`` leaves unquoted.
_SAFE = RFC3986_SUBDELIMS + "/~:@"
#: A stand-in id, reversed once per model to learn the shape of its detail URLs.
_PLACEHOLDER_ID = 987654321
_UNKNOWN = object()
_REVERSE_EACH_TIME = object()


def configured_base_url(*, api: bool = False) -> str:
    """The base set in settings ("" when none): the public one, else, for the API's own
    endpoints, Wagtail's ``WAGTAILAPI_BASE_URL``."""
    configured = conf.get("PUBLIC_BASE_URL")
    if configured:
        return str(configured).rstrip("/")
    if api:
        wagtail_api = getattr(settings, "WAGTAILAPI_BASE_URL", None)
        if wagtail_api:
            parts = urlsplit(str(wagtail_api))
            return f"{parts.scheme}://{parts.netloc}"
    return ""


def base_url(request: HttpRequest, *, api: bool = False) -> str:
    """Scheme and host every absolute URL of a response starts with."""
    return configured_base_url(api=api) or request.build_absolute_uri("/").rstrip("/")


def site_base_urls(*, api: bool = False) -> list[str]:
    """Every base the plugin's URLs may be served under (for cache purges, no request)."""
    configured = configured_base_url(api=api)
    if configured:
        return [configured]
    return sorted({site.root_url.rstrip("/") for site in Site.objects.all()})


def absolute_url(
    request: HttpRequest | None, url: str | None, *, api: bool = False, base: str | None = None
) -> str:
    """``url`` made absolute; a URL that already is one (media on another host) is kept.

    Without a request nor a configured base, a relative URL is returned as it is.
    ``base`` skips finding the base again when the caller holds it.
    """
    if not url:
        return url or ""
    if url.startswith(("http://", "https://")) or (
        not url.startswith("/") and urlsplit(url).scheme
    ):
        return url
    if base is None:
        base = configured_base_url(api=api)
        if not base:
            if request is None:
                return url
            base = request.build_absolute_uri("/").rstrip("/")
    if not url.isascii():
        url = iri_to_uri(url)  # as ``build_absolute_uri`` quotes it
    if url.startswith("//"):
        return f"{urlsplit(base).scheme}:{url}"
    return base + (url if url.startswith("/") else "/" + url)


class URLBuilder:
    """Makes the URLs of one response absolute, without a query per URL."""

    def __init__(self, request: HttpRequest, router=None):
        self.request = request
        self.router = router or getattr(request, "wagtailapi_router", None)
        self.base = base_url(request)
        #: The base of the API's own endpoints (detail, calendar, actor URLs).
        self.api_base = base_url(request, api=True)
        self._root_paths: list | None = None
        self._serve_prefixes: dict[tuple[str, str | None], str | None] = {}
        self._detail_shapes: dict[type, object] = {}

    def absolute(self, url: str | None) -> str | None:
        if not url:
            return url
        return absolute_url(self.request, url, base=self.base)

    def page_url(self, page) -> str | None:
        """The public URL, with its language prefix, of a page or a record with its url_path."""
        if isinstance(page, Page) and type(page).get_url_parts is not Page.get_url_parts:
            return self._routed_page_url(page)
        url_path = page.url_path
        roots = [srp for srp in self._site_root_paths() if url_path.startswith(srp.root_path)]
        if not roots:
            return None
        if len({srp.site_id for srp in roots}) > 1:  # one page in several sites: Wagtail decides
            if not isinstance(page, Page):
                page = Page(pk=page.pk, url_path=url_path)
            return self._routed_page_url(page)
        _site_id, root_path, _root_url, language_code = roots[0]
        rest = url_path[len(root_path) :]
        prefix = self._serve_prefix(language_code)
        if prefix is None or not _SERVED_PATH.match(rest):
            return None  # Wagtail's reverse would fail: not routable
        path = prefix + quote(rest, safe=_SAFE)
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
            path = path.rstrip("/")
        return self.base + path

    def _routed_page_url(self, page: Page) -> str | None:
        try:
            parts = page.get_url_parts(self.request)
        except NoReverseMatch:
            return None
        if not parts or parts[2] is None:
            return None
        return self.base + parts[2]

    def _site_root_paths(self) -> list:
        """Wagtail's site root paths, read once per response (Wagtail caches them)."""
        if self._root_paths is None:
            self._root_paths = Site.get_site_root_paths()
        return self._root_paths

    def _serve_prefix(self, language_code: str) -> str | None:
        """``reverse("wagtail_serve", args=[""])`` in that language, as Wagtail chooses it."""
        active = translation.get_language()
        key = (language_code, active)
        if key not in self._serve_prefixes:
            try:
                if active and get_supported_content_language_variant(active) == language_code:
                    language_code = active  # a variant of the page's language is active
            except LookupError:
                pass
            try:
                if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
                    with translation.override(language_code):
                        prefix = reverse("wagtail_serve", args=("",))
                else:
                    prefix = reverse("wagtail_serve", args=("",))
            except NoReverseMatch:
                prefix = None
            self._serve_prefixes[key] = prefix
        return self._serve_prefixes[key]

    def reverse(self, viewname: str, *args, query: dict | None = None) -> str:
        """The absolute URL of one of the API's own views."""
        url = self.api_base + reverse(viewname, args=args)
        query = {key: value for key, value in (query or {}).items() if value not in (None, "")}
        return f"{url}?{urlencode(query)}" if query else url

    def api_detail_url(self, model, pk: int) -> str | None:
        """The API detail URL of an object, when an endpoint of the router serves its model."""
        if self.router is None:
            return None
        shape = self._detail_shapes.get(model, _UNKNOWN)
        if shape is _UNKNOWN:
            path = self.router.get_object_detail_urlpath(model, _PLACEHOLDER_ID)
            parts = None if path is None else path.split(str(_PLACEHOLDER_ID))
            shape = parts if parts is None or len(parts) == 2 else _REVERSE_EACH_TIME
            self._detail_shapes[model] = shape
        if shape is None:
            return None
        if shape is _REVERSE_EACH_TIME:  # the placeholder shows more than once
            path = self.router.get_object_detail_urlpath(model, pk)
            return self.api_base + path if path else None
        before, after = shape
        return f"{self.api_base}{before}{pk}{after}"

    def absolutize_html(self, html: str) -> str:
        """Make every root-relative ``href``/``src`` of an HTML fragment absolute."""
        return _RELATIVE_URL_ATTRIBUTE.sub(lambda m: f'{m[1]}{self.base}{m[2]}"', html)
