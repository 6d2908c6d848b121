"""Parts of public pages kept in the cache until content changes: a city's stories, agenda,
timeline, facts; the schema.org description of a page.

A fragment is content only: what every reader of a language gets through a host (public
pages and media; nothing of the reader, no CSRF token, no CSP nonce). It is kept under the
content generation of the partner API (``twinning.api.caching``), which every publish,
unpublish, move or deletion of a page, every save of a snippet, image or document and
every change of a view restriction increments: every fragment, in every language, is
then out of use at once. Without ``twinning.api`` nothing counts generations, and
fragments are built at every request; previews always build them.

A fragment that changes with the clock (an event ending, a call opening) says until when
it holds (``valid_until``). The cache tags said while a fragment is built
(``twinning.cache_tags``) are kept with it, and said again when it is served from the cache.
"""

import datetime
import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone, translation

from twinning import cache_tags
from twinning.public import request_cache

#: Long enough to serve many requests; a new generation makes an entry useless anyway.
TIMEOUT = 3600
_PREFIX = "twinning-fragment"


def is_cached(request: HttpRequest | None) -> bool:
    """Whether fragments are kept for ``request``: a reader's, with generations counted."""
    return (
        request is not None
        and not getattr(request, "is_preview", False)
        and apps.is_installed("twinning.api")
    )


def key_of(request: HttpRequest, name: str, parts: Iterable[Any]) -> str:
    """Name and parts, then what every fragment depends on: the language and time zone it
    is rendered in, and the scheme and host (links to other sites are absolute)."""
    scope = "|".join(
        [
            translation.get_language() or "",
            timezone.get_current_timezone_name(),
            request.scheme,
            request.get_host(),
            *(str(part) for part in parts),
        ]
    )
    return f"{_PREFIX}:{name}:{hashlib.sha256(scope.encode()).hexdigest()[:40]}"


def valid_until(request: HttpRequest | None, moment: datetime.datetime | None) -> None:
    """Say that the fragments being built, and the response, hold until ``moment`` at most."""
    if request is None or moment is None:
        return
    cache_tags.holds_until(request, moment)
    for lifetime in _open_lifetimes(request):
        lifetime[0] = moment if lifetime[0] is None else min(lifetime[0], moment)


def _open_lifetimes(request: HttpRequest) -> list[list]:
    return request_cache.remembered(request, "fragment_lifetimes", list)


def kept(request: HttpRequest | None, name: str, parts: Iterable[Any], build: Callable[[], Any]):
    """``build()`` (HTML or data), from the cache while content does not change.

    ``parts``: what the fragment depends on besides the language and host (a page's id).
    """
    if not is_cached(request):
        return build()
    from twinning.api.caching import current_generation, kept_for_generation

    key = key_of(request, name, parts)
    entry = kept_for_generation(key, lambda: _built(request, build), TIMEOUT, request)
    if entry["expires"] is not None and entry["expires"] <= timezone.now().timestamp():
        # Read before building, as kept_for_generation does: a change while building
        # leaves the entry under the older generation.
        generation = current_generation(request)[0]
        entry = _built(request, build)
        cache.set(key, (generation, entry), timeout=_timeout(entry))
    else:  # (for an enclosing fragment too)
        cache_tags.tag(request, entry["tags"])
        if entry["expires"] is not None:
            valid_until(request, datetime.datetime.fromtimestamp(entry["expires"], datetime.UTC))
    return entry["value"]


def _built(request: HttpRequest, build: Callable[[], Any]) -> dict:
    lifetime: list = [None]
    lifetimes = _open_lifetimes(request)
    lifetimes.append(lifetime)
    try:
        with cache_tags.collecting(request) as tags:
            value = build()
    finally:
        lifetimes[:] = [kept for kept in lifetimes if kept is not lifetime]
    expires = lifetime[0].timestamp() if lifetime[0] is not None else None
    return {"value": value, "tags": sorted(tags), "expires": expires}


def _timeout(entry: dict) -> int:
    if entry["expires"] is None:
        return TIMEOUT
    return max(1, min(TIMEOUT, int(entry["expires"] - timezone.now().timestamp())))
