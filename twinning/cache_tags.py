"""What a response shows, as cache tags: an edge cache purges by them when content changes.

Every view that builds a public response (HTML page, API list or detail, feed, calendar,
GeoJSON, sitemap) says here what it shows; ``twinning.edge`` sends the tags with the
response (Varnish's xkey header) and purges them when that content changes. One place
names the tags, so the views that show content and the receivers that purge it agree.

Tags are short and stable across languages:

- ``page_tag(page)``: every language version of a page (its translation key): publishing
  a translation changes the other versions' language switchers too;
- ``type_tag(model)``: every response listing pages or snippets of a type (lists, feeds,
  the map, the sitemap), which a new item of that type changes;
- ``about_tag(city)``: every response listing content about a partner city (its page's
  stories, agenda), which a new story or event naming it changes;
- ``object_tag(obj)``: a snippet, image or document shown (by primary key: each
  translation of a snippet is its own object, shown by the pages of its language);
- ``SITE_TAG``: every tagged response (a site or locale changed).

A view whose response shows only what every anonymous reader may see says so with
``shareable``; ``twinning.edge`` then lets the edge keep it (Cache-Control ``s-maxage``).

Tags are kept per request; ``collecting`` gathers those added while a fragment is built,
so that a cached fragment can add them again when it is served from the cache.
"""

import contextlib
from collections.abc import Iterable, Iterator

from django.db.models import Model
from django.http import HttpRequest

from twinning.public import request_cache

SITE_TAG = "tw-site"
_PREFIX = "tw-"


def page_tag(page) -> str:
    return page_tag_for(page.translation_key)


def page_tag_for(translation_key) -> str:
    """``page_tag`` of the pages with ``translation_key`` (a UUID), without loading them."""
    return f"{_PREFIX}p-{translation_key.hex}"


def type_tag(model: type[Model] | Model) -> str:
    return f"{_PREFIX}t-{model._meta.label_lower}"


def about_tag(city) -> str:
    return about_tag_for(city.translation_key)


def about_tag_for(translation_key) -> str:
    """``about_tag`` of the partner city with ``translation_key``, without loading it."""
    return f"{_PREFIX}a-{translation_key.hex}"


def object_tag(obj: Model) -> str:
    return object_tag_for(obj._meta.label_lower, obj.pk)


def object_tag_for(label_lower: str, pk) -> str:
    """``object_tag`` of the object of model ``label_lower`` with primary key ``pk``
    (for references read from Wagtail's reference index, without loading the objects)."""
    return f"{_PREFIX}o-{label_lower}-{pk}"


def _tag_sets(request: HttpRequest) -> list[set[str]]:
    """The request's tag set, then one set per fragment being collected."""
    return request_cache.remembered(request, "cache_tags", lambda: [{SITE_TAG}])


def tag(request: HttpRequest | None, *tags: str | Iterable[str]) -> None:
    """Say that the response to ``request`` shows what ``tags`` name."""
    if request is None:
        return
    flat = set()
    for item in tags:
        if isinstance(item, str):
            flat.add(item)
        else:
            flat.update(item)
    for tags_set in _tag_sets(request):
        tags_set.update(flat)


def shareable(request: HttpRequest | None) -> None:
    """Say that the response to ``request`` is the same for every anonymous reader and
    shows nothing restricted: an edge cache may keep it until its tags are purged."""
    if request is not None:
        request_cache.remembered(request, "cache_tags_shareable", lambda: True)


def holds_until(request: HttpRequest | None, moment) -> None:
    """Say that the response to ``request`` changes with the clock at ``moment`` (an event
    ending, a call opening or closing): no cache may keep it longer."""
    if request is None or moment is None:
        return
    kept = request_cache.remembered(request, "cache_tags_holds_until", lambda: [None])
    kept[0] = moment if kept[0] is None else min(kept[0], moment)


def held_until(request: HttpRequest):
    """The moment said by ``holds_until`` for ``request`` (the earliest), else None."""
    return request_cache.remembered(request, "cache_tags_holds_until", lambda: [None], keep=False)[
        0
    ]


def is_shareable(request: HttpRequest) -> bool:
    return request_cache.remembered(request, "cache_tags_shareable", lambda: False, keep=False)


def tags_of(request: HttpRequest) -> frozenset[str]:
    """Every tag said for ``request`` so far (at least ``SITE_TAG``)."""
    return frozenset(_tag_sets(request)[0])


@contextlib.contextmanager
def collecting(request: HttpRequest | None) -> Iterator[set[str]]:
    """The tags added while the block runs (they count for the response as well)."""
    collected: set[str] = set()
    if request is None:
        yield collected
        return
    sets = _tag_sets(request)
    sets.append(collected)
    try:
        yield collected
    finally:
        # (by identity: two fragments may have collected equal sets)
        sets[:] = [kept for kept in sets if kept is not collected]
