"""HTTP caching of API responses: server-side cache, ETag, Last-Modified, 304s.

Responses are kept in Django's cache (local memory, or Redis when configured) under a
*generation* number. Publishing, unpublishing, moving or deleting a page, saving a theme,
an actor, an image or a document, or changing a view restriction increments the generation (see
invalidation.py): every cached list and detail, in every language, is then out of use at
once, without enumerating keys. The generation key never expires and starts from the
clock, so a lost key can never bring old entries back.

Each response carries a strong ``ETag`` (a hash of its body) and ``Last-Modified`` (the
time of the last change of content), so partners and CDNs revalidate with a 304.
"""

import datetime
import hashlib
import math
import time
from functools import wraps
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from .. import conf
from .errors import keep_out_of_language_redirects

GENERATION_KEY = "twinning-api:generation"
CHANGED_AT_KEY = "twinning-api:changed-at"
#: Headers of a response worth keeping in the cache besides its body.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")


def _clock_generation() -> int:
    return int(time.time() * 1000)


def current_generation() -> tuple[int, float]:
    """The generation number and the time content last changed."""
    values = cache.get_many([GENERATION_KEY, CHANGED_AT_KEY])
    generation = values.get(GENERATION_KEY)
    changed_at = values.get(CHANGED_AT_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _clock_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    if changed_at is None:
        changed_at = time.time()
        cache.add(CHANGED_AT_KEY, changed_at, timeout=None)
    return generation, changed_at


def bump_generation() -> None:
    """Retire every cached API response."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _clock_generation(), timeout=None)
    cache.set(CHANGED_AT_KEY, time.time(), timeout=None)


def response_key(request: HttpRequest, generation: int) -> str:
    query = urlencode(sorted((k, v) for k, values in request.GET.lists() for v in values))
    digest = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
    language = translation.get_language() or ""
    return f"twinning-api:response:{generation}:{language}:{digest}"


LIFETIME_ATTRIBUTE = "twinning_api_expires_at"


def cap_lifetime(request: HttpRequest, until: datetime.datetime | None) -> None:
    """Let the response to ``request`` be cached (here and by clients) until ``until``
    at most: for content that changes with the clock (a call opening or closing)."""
    if until is None:
        return
    request = getattr(request, "_request", request)  # a REST framework request
    current = getattr(request, LIFETIME_ATTRIBUTE, None)
    if current is None or until < current:
        setattr(request, LIFETIME_ATTRIBUTE, until)


def _seconds_left(entry: dict) -> int | None:
    expires = entry.get("expires")
    if expires is None:
        return None
    return max(0, math.floor(expires - time.time()))


def _stored(response: HttpResponse, changed_at: float, expires_at=None) -> dict:
    return {
        "expires": expires_at.timestamp() if expires_at else None,
        "content": response.content,
        "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
        "etag": f'"{hashlib.sha256(response.content).hexdigest()[:32]}"',
        "last_modified": int(changed_at),
    }


def _response(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"].items():
        response[name] = value
    return response


def cached_api_view(view):
    """Serve GET/HEAD from the cache when possible; add validators and Cache-Control."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        generation, changed_at = current_generation()
        key = response_key(request, generation)
        entry = cache.get(key)
        if entry is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            if response.status_code != 200 or response.cookies or response.streaming:
                if response.status_code == 404:
                    keep_out_of_language_redirects(request)
                patch_vary_headers(response, ("Accept-Language",))
                return response
            entry = _stored(response, changed_at, getattr(request, LIFETIME_ATTRIBUTE, None))
            left = _seconds_left(entry)
            if left is None:
                cache.set(key, entry)
            elif left > 0:
                cache.set(key, entry, timeout=left)
        response = _response(entry)
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["last_modified"])
        max_age = conf.get("API_CACHE_MAX_AGE")
        left = _seconds_left(entry)
        if left is not None:
            max_age = min(max_age, left)
        patch_cache_control(response, public=True, max_age=max_age)
        patch_vary_headers(response, ("Accept-Language",))
        return get_conditional_response(
            request,
            etag=entry["etag"],
            last_modified=entry["last_modified"],
            response=response,
        )

    return wrapper
