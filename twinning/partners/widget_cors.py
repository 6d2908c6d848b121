"""The partners' widget reads the API from any web page: CORS from any origin for its reads.

A partner's CMS editor pastes the widget into pages on origins nobody lists in
``CORS_ALLOWED_ORIGINS``; the widget only ever reads the public pages list, without
credentials. So that list, and only for ``GET``/``HEAD`` (and their preflight), answers
every origin; every other endpoint keeps the host's CORS settings. django-cors-headers
asks its ``check_request_enabled`` signal; receivers returning true allow the request.
"""

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

#: What the widget does: read, never write, never with cookies.
READ_METHODS = frozenset({"GET", "HEAD"})
#: The API endpoints the widget requests (URL names in the API's namespace).
WIDGET_ENDPOINTS = ("wagtailapi:pages:listing",)


def widget_paths() -> set[str]:
    """Where the widget's endpoints are mounted (none where the API is not)."""
    paths = set()
    for name in WIDGET_ENDPOINTS:
        try:
            paths.add(reverse(name))
        except NoReverseMatch:
            continue
    return paths


def is_widget_request(request: HttpRequest) -> bool:
    """A read of an endpoint the widget uses (or the browser's preflight for one)."""
    method = request.method
    if method == "OPTIONS":
        method = request.headers.get("Access-Control-Request-Method", "").upper()
    if method not in READ_METHODS:
        return False
    return request.path in widget_paths()


def allow_widget_requests(sender, request: HttpRequest, **kwargs) -> bool:
    return is_widget_request(request)


def connect() -> None:
    """Connected once the app is ready (django-cors-headers is then installed, or not)."""
    try:
        from corsheaders.signals import check_request_enabled
    except ImportError:  # the host serves no CORS at all: nothing to widen
        return
    check_request_enabled.connect(
        allow_widget_requests, dispatch_uid="twinning_partners_widget_cors"
    )
