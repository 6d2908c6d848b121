"""``limit`` and ``offset`` that stay fast at any depth of a large listing.

* The page of items is found by id first (``SELECT id … ORDER BY path OFFSET n``, which
  walks an index, see migration 0003), then its rows are read by id: a deep offset
  never sorts or reads the bodies of the pages it skips.
* The total count is kept in the cache per content generation (see caching.py): it only
  changes when content does, and every change retires it.
* ``meta.next`` and ``meta.previous`` are the same request with ``offset`` moved by
  ``limit`` (null past either end), absolute like every URL of the response.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _

from wagtail.api.v2.pagination import WagtailPagination

from rest_framework.response import Response

from twinning.absolute_urls import base_url
from twinning.api.caching import kept_for_generation
from twinning.api.errors import BadRequest
from twinning.api.parameters import LIMIT, positive_int


def cached_count(queryset, request: HttpRequest | None = None) -> int:
    """``queryset.count()``, remembered until content next changes (the generation read
    once for ``request``)."""
    if not isinstance(queryset, QuerySet):
        return queryset.count()
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return 0
    digest = hashlib.sha256(f"{queryset.db}:{sql}:{params!r}".encode()).hexdigest()
    key = f"twinning-api:count:{digest}"
    return kept_for_generation(key, queryset.count, timeout=24 * 3600, request=request)


def page_of(queryset, offset: int, limit: int) -> list:
    """Items ``offset`` to ``offset + limit`` of ``queryset``, in its order."""
    if not isinstance(queryset, QuerySet) or limit == 0:
        return list(queryset[offset : offset + limit])
    ids = list(queryset.values_list("pk", flat=True)[offset : offset + limit])
    if not ids:
        return []
    rows = {obj.pk: obj for obj in queryset.order_by().filter(pk__in=ids)}
    return [rows[pk] for pk in ids if pk in rows]


def offset_url(request: HttpRequest, offset: int) -> str:
    """The request's absolute URL with ``offset`` set, every other parameter kept."""
    query = request.GET.copy()
    query["offset"] = str(offset)
    path = escape_uri_path(request.path)
    return f"{base_url(request, api=True)}{path}?{query.urlencode(safe=',')}"


class Pagination(WagtailPagination):
    """``limit`` and ``offset``, with errors naming them, and links to the pages around."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        offset = positive_int(request.GET.get("offset", "0"), "offset")
        limit = positive_int(request.GET.get("limit", str(LIMIT.get_default())), "limit")
        if limit_max and limit > limit_max:
            raise BadRequest(
                _("limit cannot be higher than %(max)d.") % {"max": limit_max}, "limit"
            )
        self.view = view
        self.request = getattr(request, "_request", request)  # a REST framework request
        self.offset, self.limit = offset, limit
        self.total_count = cached_count(queryset, self.request)
        return page_of(queryset, offset, limit)

    def meta(self) -> dict:
        """``total_count``, and the URLs of the next and previous pages (None past the ends)."""
        offset, limit = self.offset, self.limit
        more = limit > 0 and offset + limit < self.total_count
        return {
            "total_count": self.total_count,
            "next": offset_url(self.request, offset + limit) if more else None,
            "previous": (
                offset_url(self.request, max(0, offset - limit))
                if limit > 0 and offset > 0
                else None
            ),
        }

    def get_paginated_response(self, data):
        return Response({"meta": self.meta(), "items": data})
