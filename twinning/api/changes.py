"""``/changes/``: what was published, updated, unpublished, moved or deleted since a moment.

A partner reads everything once, then asks for the changes ``since`` that moment and
follows ``meta.next`` from then on, polling it. The log is written by change_log.py.

Paging never skips nor repeats a change, even while changes are being written: the
cursor is a position in the order in which rows become *final*, and a response only
serves rows that can no longer be preceded by a row committed later.

- On PostgreSQL, rows are ordered by ``(transaction_id, id)``, the id of the transaction
  that wrote them first. Every transaction below ``pg_snapshot_xmin`` of the current
  snapshot has ended and every new one gets a higher id, so the rows below it are all
  there for good: only those are served. A row of a transaction still running (and any
  row after it) waits for the next poll; such a response is cached for seconds only.
- On SQLite one transaction writes at a time, and ids (AUTOINCREMENT, never reused) are
  given out in that order: rows up to the highest committed id are final.

An id alone would not do on PostgreSQL: ids are drawn when rows are inserted, so a
transaction holding id 5 can commit after another has committed id 6, and a reader that
already went past 6 would never see 5.

``since`` is a moment (``at``, when the row was written): the first request serves rows
from it; the cursor takes over from there. ``meta.retained_from`` says from when the log
is complete; an older ``since`` (or cursor) is a 410.
"""

import base64
import binascii
import datetime
import re

from django.apps import apps
from django.db import connection
from django.db.models import Max, Q
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Page, get_page_models

from twinning import cache_tags
from twinning.absolute_urls import URLBuilder
from twinning.api.caching import cap_lifetime
from twinning.api.change_log import SHOWN, label, retained_from
from twinning.api.errors import BadRequest, json_errors
from twinning.api.filters import resolve_partner
from twinning.api.languages import parse_locale
from twinning.api.models import Change
from twinning.api.parameters import positive_int, reject_unknown
from twinning.api.site_state import scope
from twinning.public.visibility import visible_pages
from twinning.validators import parse_whole_number

PARAMETERS = {"since", "cursor", "locale", "partner", "type", "limit"}
DEFAULT_LIMIT = 100
MAX_LIMIT = 500
#: How long a response that left rows of running transactions for later may be cached.
UNSETTLED_LIFETIME = datetime.timedelta(seconds=5)
#: A "+" of an offset that the query string turned into a space.
_SPACED_OFFSET = re.compile(r" (\d{2}(?::?\d{2})?)$")


class Gone(BadRequest):
    """A 410: the log no longer reaches that far back."""


def snippet_models() -> list:
    from twinning.models import Actor, CooperationTheme

    return [Actor, CooperationTheme]


# Parameters -------------------------------------------------------------------------------


def parse_limit(request: HttpRequest) -> int:
    if "limit" not in request.GET:
        return DEFAULT_LIMIT
    limit = positive_int(request.GET["limit"], "limit")
    if not 1 <= limit <= MAX_LIMIT:
        raise BadRequest(
            _("limit must be between 1 and %(max)s, not %(value)s.")
            % {"max": MAX_LIMIT, "value": limit},
            "limit",
        )
    return limit


def parse_since(raw: str) -> datetime.datetime:
    value = _SPACED_OFFSET.sub(r"+\1", raw.strip())
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None or timezone.is_naive(moment):
        raise BadRequest(
            _(
                "since must be a moment in ISO 8601 with its time zone, like "
                "2026-05-01T08:00:00Z, not %(value)r."
            )
            % {"value": raw},
            "since",
        )
    return moment


def parse_types(request: HttpRequest) -> list[str] | None:
    """The ``app.Model`` labels asked for; a page type includes the types derived from it."""
    raw = request.GET.get("type")
    if raw is None:
        return None
    known = [*get_page_models(), *snippet_models()]
    by_label = {label(model).lower(): model for model in known}
    labels = set()
    for name in (part.strip() for part in raw.split(",")):
        model = by_label.get(name.lower())
        if model is None:
            raise BadRequest(
                _("Unknown type %(value)r: use app.Model, like twinning.PartnerCityPage.")
                % {"value": name},
                "type",
            )
        labels |= {label(other) for other in known if issubclass(other, model)}
    return sorted(labels)


class Position:
    """Where a partner is in the log: after row ``(transaction_id, id)``, as of ``at``."""

    def __init__(self, transaction_id: int, row_id: int, at: datetime.datetime):
        self.transaction_id = transaction_id
        self.row_id = row_id
        self.at = at

    def key(self) -> tuple[int, int]:
        return self.transaction_id, self.row_id

    def after_q(self) -> Q:
        return Q(transaction_id__gt=self.transaction_id) | Q(
            transaction_id=self.transaction_id, id__gt=self.row_id
        )

    def encode(self) -> str:
        text = f"{self.transaction_id}.{self.row_id}.{int(self.at.timestamp() * 1000)}"
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, raw: str) -> "Position":
        try:
            text = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode("ascii")
            numbers = [parse_whole_number(part) for part in text.split(".")]
            if None in numbers:
                raise ValueError(text)
            transaction_id, row_id, millis = numbers
            at = datetime.datetime.fromtimestamp(millis / 1000, tz=datetime.UTC)
        except (ValueError, UnicodeDecodeError, binascii.Error, OverflowError, OSError):
            raise BadRequest(
                _("cursor is not one this API gave: use meta.next as it is."), "cursor"
            ) from None
        return cls(transaction_id, row_id, at)


# Reading ----------------------------------------------------------------------------------


def horizon() -> tuple[int, int]:
    """The ``(transaction_id, id)`` up to which rows are final (see the module docstring)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            return cursor.fetchone()[0], 0  # every row below the oldest running transaction
    return 0, Change.objects.aggregate(last=Max("id"))["last"] or 0


def changes(request: HttpRequest) -> tuple[list[Change], Position, bool, datetime.datetime]:
    """The rows of this response, the position after them, whether more are final, and
    from when the log is complete."""
    limit = parse_limit(request)
    locale = parse_locale(request)
    types = parse_types(request)
    city = resolve_partner(request, request.GET["partner"]) if "partner" in request.GET else None
    complete_from = retained_from()
    now = timezone.now()
    if "cursor" in request.GET:
        if "since" in request.GET:
            raise BadRequest(
                _("Give since or cursor, not both: meta.next already says where you are."),
                "cursor",
            )
        position = Position.decode(request.GET["cursor"])
        if position.at < complete_from:
            raise Gone(_too_old(complete_from), "cursor")
        rows = Change.objects.filter(position.after_q())
    elif "since" in request.GET:
        since = parse_since(request.GET["since"])
        if since < complete_from:
            raise Gone(_too_old(complete_from), "since")
        position = Position(0, 0, now)
        rows = Change.objects.filter(at__gte=since)
    else:
        raise BadRequest(
            _("since is required: the moment of your last full read, like 2026-05-01T08:00:00Z."),
            "since",
        )
    final = horizon()
    if connection.vendor != "postgresql":
        rows = rows.filter(id__lte=final[1])
    if locale is not None:
        rows = rows.filter(locale=locale.language_code)
    if types is not None:
        rows = rows.filter(type__in=types)
    if city is not None:
        rows = rows.filter(Q(partners__contains=f"|{city.translation_key}|") | Q(partners="*"))
    fetched = list(rows.order_by("transaction_id", "id")[: limit + 1])
    served = [row for row in fetched if (row.transaction_id, row.id) <= final]
    if len(served) > limit:
        last = served[limit - 1]
        return served[:limit], Position(last.transaction_id, last.id, last.at), True, complete_from
    if len(served) < len(fetched):  # rows of transactions still running: poll again soon
        cap_lifetime(request, now + UNSETTLED_LIFETIME)
    after = max(final, position.key())
    return served, Position(*after, now), False, complete_from


def _too_old(complete_from: datetime.datetime) -> str:
    return _(
        "The changes log is complete from %(moment)s only: read everything again, then "
        "ask for the changes since then."
    ) % {"moment": complete_from.isoformat(timespec="seconds")}


def serialize(request: HttpRequest, rows: list[Change]) -> list[dict]:
    """Items with their current URLs, for pages still visible and actors still there
    (a constant number of queries, whatever the number of rows)."""
    urls = URLBuilder(request)
    shown = [row for row in rows if row.action in SHOWN]
    models = {row.type: _model(row.type) for row in rows}
    page_ids = {row.object_id for row in shown if _is_page(models[row.type])}
    pages = (
        visible_pages(scope(request))
        .filter(pk__in=page_ids)
        .only("id", "url_path", "path")
        .in_bulk()
        if page_ids
        else {}
    )
    from twinning.models import Actor

    actor_ids = {row.object_id for row in shown if models[row.type] is Actor}
    actors = set(Actor.objects.filter(pk__in=actor_ids).values_list("pk", flat=True))
    namespace = request.wagtailapi_router.url_namespace
    items = []
    for row in rows:
        model = models[row.type]
        api_url = html_url = None
        if row.action in SHOWN:
            if _is_page(model) and row.object_id in pages:
                api_url = urls.api_detail_url(model, row.object_id)
                html_url = urls.page_url(pages[row.object_id])
            elif model is Actor and row.object_id in actors:
                api_url = urls.reverse(f"{namespace}:actor-detail", row.object_id)
        items.append(
            {
                "id": row.object_id,
                "type": row.type,
                "locale": row.locale,
                "action": row.action,
                "at": row.at,
                "api_url": api_url,
                "html_url": html_url,
            }
        )
    return items


def _model(name: str):
    try:
        return apps.get_model(name)
    except (LookupError, ValueError):
        return None  # a type since removed from the project


def _is_page(model) -> bool:
    return isinstance(model, type) and issubclass(model, Page)


@require_safe
@json_errors
def changes_feed(request: HttpRequest) -> JsonResponse:
    reject_unknown(request, PARAMETERS)
    cache_tags.tag(request, cache_tags.type_tag(Change))
    try:
        rows, after, has_more, complete_from = changes(request)
    except Gone as exc:
        response = JsonResponse(
            {"message": exc.message, "parameter": exc.parameter},
            status=410,
            json_dumps_params={"ensure_ascii": False},
        )
        response["Cache-Control"] = "no-cache"
        return response
    kept = {name: request.GET.get(name) for name in ("locale", "partner", "type", "limit")}
    namespace = request.wagtailapi_router.url_namespace
    next_url = URLBuilder(request).reverse(
        f"{namespace}:changes", query={**kept, "cursor": after.encode()}
    )
    return JsonResponse(
        {
            "meta": {"next": next_url, "has_more": has_more, "retained_from": complete_from},
            "items": serialize(request, rows),
        },
        json_dumps_params={"ensure_ascii": False},
    )
