"""HTTP caching of API responses: server-side cache, ETag, Last-Modified, 304s.

Responses are kept in Django's cache (local memory, or Redis when configured) under a
*generation* number. Publishing, unpublishing, moving or deleting a page, saving a theme,
an actor, an image or a document, or changing a view restriction increments the generation (see
invalidation.py): every cached list and detail, in every language, is then out of use at
once, without enumerating keys. The generation key never expires and starts from the
clock, so a lost key can never bring old entries back.

The generation lives where every server process sees it: in the cache when the cache is
shared (Redis, Memcached, the database or file caches), in the database (one row, see
``ContentGeneration``) when the cache is process-local. Otherwise a page made private
through one process's admin would still be served from another process's copies.

Entries are kept per scheme and validated host (a disallowed ``Host`` is a 400 before the
cache is read), as responses hold absolute URLs.

Each response carries a strong ``ETag`` (a hash of its body) and ``Last-Modified`` (the
time of the last change of content), so partners and CDNs revalidate with a 304.

A stored entry records the generation it was computed under; one ``get_many`` reads the
generation and the entry together (one round trip to Redis; with the generation in the
database, one query per request besides the cache read). ``APICacheMiddleware``,
placed right after Django's LocaleMiddleware, answers hits before the rest of the stack
(URL resolution, CSRF, authentication, REST framework); on a miss it stores the entry
with the headers the whole stack gave the response, so a hit looks exactly like a miss.
Without the middleware, ``cached_api_view`` serves hits itself.
"""

import datetime
import hashlib
import math
import time
from functools import wraps
from urllib.parse import urlencode

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from twinning import conf
from twinning.api.errors import keep_out_of_language_redirects
from twinning.api.models import ContentGeneration
from twinning.public import request_cache

GENERATION_KEY = "twinning-api:generation"
CHANGED_AT_KEY = "twinning-api:changed-at"
#: Cache backends each server process holds a copy of its own (see generation_in_database).
PROCESS_LOCAL_CACHES = (LocMemCache,)
#: Headers of a response worth keeping in the cache besides its body.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")


def _clock_generation() -> int:
    return int(time.time() * 1000)


def generation_in_database() -> bool:
    """Whether the generation is kept in the database rather than in the cache.

    A process-local cache (Django's local-memory one) is seen by one server process only:
    a generation kept there would let one process serve, from its own copies, what an
    editor has just made private in another. The database is seen by every process; with
    such a cache the generation is read there, once per API request.
    """
    return isinstance(caches[DEFAULT_CACHE_ALIAS], PROCESS_LOCAL_CACHES)


def current_generation(request: HttpRequest | None = None) -> tuple[int, float]:
    """The generation number and the time content last changed (read once for ``request``
    when they come from the database)."""
    if generation_in_database():
        return request_cache.remembered(request, "api_generation", _database_generation)
    values = cache.get_many([GENERATION_KEY, CHANGED_AT_KEY])
    return _cached_generation(values)


def _cached_generation(values: dict) -> tuple[int, float]:
    """The generation and time of change among ``values`` read from the cache; set when
    missing."""
    generation = values.get(GENERATION_KEY)
    changed_at = values.get(CHANGED_AT_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _clock_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    if changed_at is None:
        changed_at = time.time()
        cache.add(CHANGED_AT_KEY, changed_at, timeout=None)
    return generation, changed_at


def _database_generation() -> tuple[int, float]:
    row = ContentGeneration.objects.values_list("number", "changed_at").first()
    if row is None:
        _start_database_generation()
        row = ContentGeneration.objects.values_list("number", "changed_at").get()
    return row[0], row[1].timestamp()


def _start_database_generation() -> None:
    ContentGeneration.objects.bulk_create(
        [ContentGeneration(number=_clock_generation(), changed_at=timezone.now())],
        ignore_conflicts=True,  # another process started it first
    )


def bump_generation() -> None:
    """Retire every cached API response, in every process."""
    if generation_in_database():
        # Never below the clock: a database restored from a backup holds an older number,
        # which processes may already have used for entries of their own.
        changed = ContentGeneration.objects.update(
            number=Greatest(F("number") + 1, Value(_clock_generation())),
            changed_at=timezone.now(),
        )
        if not changed:
            _start_database_generation()
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _clock_generation(), timeout=None)
    cache.set(CHANGED_AT_KEY, time.time(), timeout=None)


def response_language(request: HttpRequest) -> str:
    # languages.py reads the site state, which is kept with this module's generations.
    from twinning.api.languages import response_language

    return response_language(request)


def response_key(request: HttpRequest) -> str:
    """Where the response to ``request`` is kept: scheme, host, path, sorted query and the
    response's language (``locale``'s, else Accept-Language's: see
    languages.response_language).

    The host is the validated one (``get_host`` raises ``DisallowedHost``, a 400): a
    disallowed Host is refused before the cache is read, and a response holding the
    absolute URLs of one host is never served to another.
    """
    host = request.get_host()
    query = urlencode(sorted((k, v) for k, values in request.GET.lists() for v in values))
    digest = hashlib.sha256(f"{request.scheme}://{host}{request.path}?{query}".encode())
    return f"twinning-api:response:{response_language(request)}:{digest.hexdigest()}"


def lookup(key: str, request: HttpRequest | None = None) -> tuple[int, float, dict | None]:
    """The generation, the time of the last change and the current entry under ``key``
    (None unless it was computed under this generation): one round trip to the cache
    (and one query, when the generation is in the database)."""
    if generation_in_database():
        generation, changed_at = current_generation(request)
        entry = cache.get(key)
    else:
        values = cache.get_many([GENERATION_KEY, CHANGED_AT_KEY, key])
        generation, changed_at = _cached_generation(values)
        entry = values.get(key)
    if generation is None or entry is None or entry.get("generation") != generation:
        # (None: a cache that keeps nothing, or one failing open, can vouch for no entry.)
        return generation, changed_at, None
    if entry.get("expires") is not None and entry["expires"] <= time.time():
        return generation, changed_at, None
    return generation, changed_at, entry


def kept_for_generation(
    key: str, compute, timeout: int | None = None, request: HttpRequest | None = None
):
    """``compute()``, kept in the cache until content next changes.

    The generation and the kept value are read in one round trip (the generation once for
    ``request`` when it is in the database); a value kept under an older generation is
    computed again."""
    if generation_in_database():
        generation = current_generation(request)[0]
        kept = cache.get(key)
    else:
        values = cache.get_many([GENERATION_KEY, key])
        generation = values.get(GENERATION_KEY)
        if generation is None:
            generation = current_generation()[0]
        kept = values.get(key)
    if (
        generation is not None
        and isinstance(kept, tuple)
        and len(kept) == 2
        and kept[0] == generation
    ):
        return kept[1]
    value = compute()
    cache.set(key, (generation, value), timeout=timeout)
    return value


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


def _stored(response: HttpResponse, generation: int, changed_at: float, expires_at=None) -> dict:
    return {
        "generation": generation,
        "expires": expires_at.timestamp() if expires_at else None,
        "content": response.content,
        "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
        "etag": f'"{hashlib.sha256(response.content).hexdigest()[:32]}"',
        "last_modified": int(changed_at),
    }


#: Headers every response gets afresh (or that must never be replayed).
_NOT_REPLAYED = frozenset(
    {"etag", "last-modified", "cache-control", "vary", "content-length", "set-cookie", "date"}
)
#: Request attributes: the middleware's lookup, and an entry for it to store.
LOOKUP_ATTRIBUTE = "_twinning_api_lookup"
NEW_ENTRY_ATTRIBUTE = "_twinning_api_new_entry"


def _store(key: str, entry: dict) -> None:
    left = _seconds_left(entry)
    if left is None:
        cache.set(key, entry)
    elif left > 0:
        cache.set(key, entry, timeout=left)


def _serve(request: HttpRequest, entry: dict) -> HttpResponse:
    """The stored response, with validators and Cache-Control, or a 304."""
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"].items():
        response[name] = value
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["last_modified"])
    max_age = conf.get("API_CACHE_MAX_AGE")
    left = _seconds_left(entry)
    if left is not None:
        max_age = min(max_age, left)
    patch_cache_control(response, public=True, max_age=max_age)
    patch_vary_headers(response, ("Accept-Language",))
    response = get_conditional_response(
        request,
        etag=entry["etag"],
        last_modified=entry["last_modified"],
        response=response,
    )
    if response.status_code == 200:
        response["Content-Length"] = str(len(entry["content"]))
    return response


def cached_api_view(view):
    """Serve GET/HEAD from the cache when possible; add validators and Cache-Control."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(response_language(request)):
            return _cached(view, request, *args, **kwargs)

    return wrapper


def _cached(view, request, *args, **kwargs):
    if request.method not in ("GET", "HEAD"):
        return view(request, *args, **kwargs)
    found = getattr(request, LOOKUP_ATTRIBUTE, None)
    key = found[0] if found else response_key(request)
    generation, changed_at, entry = found[1:] if found else lookup(key, request)
    if entry is None:
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        if response.status_code != 200 or response.cookies or response.streaming:
            if response.status_code == 404:
                keep_out_of_language_redirects(request)
            patch_vary_headers(response, ("Accept-Language",))
            return response
        expires_at = getattr(request, LIFETIME_ATTRIBUTE, None)
        entry = _stored(response, generation, changed_at, expires_at)
        if found:
            setattr(request, NEW_ENTRY_ATTRIBUTE, (key, entry))  # stored by the middleware
        else:
            _store(key, entry)
    return _serve(request, entry)


class APICacheMiddleware:
    """Answer API cache hits early; store misses with the headers the stack gave them.

    ``TWINNING["API_CACHE_PATHS"]`` lists the path prefixes of the cached views (the API's
    mount points). Place it after ``LocaleMiddleware``: the entry depends on the language,
    ``locale``'s when given, else the one LocaleMiddleware negotiated, and the rest of the
    stack runs with it active.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefixes = tuple(conf.get("API_CACHE_PATHS"))
        if request.method not in ("GET", "HEAD") or not request.path.startswith(prefixes):
            return self.get_response(request)
        with translation.override(response_language(request)):
            key = response_key(request)
            generation, changed_at, entry = lookup(key, request)
            if entry is not None:
                return _serve(request, entry)
            setattr(request, LOOKUP_ATTRIBUTE, (key, generation, changed_at, None))
            response = self.get_response(request)
        new = getattr(request, NEW_ENTRY_ATTRIBUTE, None)
        if new is not None and response.status_code in (200, 304) and not response.cookies:
            key, entry = new
            for name, value in response.items():
                if name.lower() not in _NOT_REPLAYED:
                    entry["headers"].setdefault(name, value)
            _store(key, entry)
        return response
