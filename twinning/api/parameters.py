"""Query parameters of the partner API, declared once: the OpenAPI document describes
them from here, and the views read their defaults from here, so the two cannot differ.
The checks every endpoint shares (unknown parameters, NUL characters, whole numbers) are
here too: each failure is a 400 naming the parameter.

A parameter that means different things on different endpoints (``fallback`` is false on
lists and true on the map and calendars; ``status`` filters calls only on pages) is
declared once per meaning; each endpoint lists the declarations it reads.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from twinning.api.errors import BadRequest
from twinning.choices import ActorKind, CallStatus, PartnershipKind, PartnershipStatus
from twinning.validators import (
    MAX_INTEGER,
    SEARCH_MAX_LENGTH,
    SEARCH_MAX_TERMS,
    WIKIDATA_ID_PATTERN,
    parse_whole_number,
    search_terms,
)

NO_DEFAULT = object()
PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _choices(choices) -> str:
    return ", ".join(f"`{value}`" for value in choices.values)


@dataclass(frozen=True)
class Parameter:
    """One query (or path) parameter: its name, schema, description and default.

    ``key`` names it among the document's components (``name`` may repeat with other
    meanings); ``description``, ``schema`` and ``default`` may be callables, read when
    used, so that settings (and the views' own constants) are read where they are kept.
    """

    key: str
    name: str
    description: str | Callable[[], str]
    schema: dict | Callable[[], dict] = field(default_factory=lambda: {"type": "string"})
    default: Any = NO_DEFAULT
    example: Any = None
    location: str = "query"

    def get_default(self):
        return self.default() if callable(self.default) else self.default

    def boolean(self, request: HttpRequest) -> bool:
        """The parameter as a boolean, its declared default when absent or empty."""
        from twinning.api.languages import parse_boolean

        return parse_boolean(request, self.name, default=self.get_default())

    def openapi(self) -> dict:
        schema = dict(self.schema() if callable(self.schema) else self.schema)
        if self.default is not NO_DEFAULT:
            schema["default"] = self.get_default()
        description = self.description() if callable(self.description) else self.description
        parameter = {
            "name": self.name,
            "in": self.location,
            "required": self.location == "path",
            "description": description,
            "schema": schema,
        }
        if self.example is not None:
            parameter["example"] = self.example
        return parameter


def limit_max() -> int:
    return getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)


def default_limit() -> int:
    """Items of a list when ``limit`` is not given: 20, or the maximum when smaller."""
    return min(20, limit_max() or 20)


def _languages() -> str:
    return ", ".join(f"`{code}`" for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)


def _locale_description() -> str:
    return (
        "Language of the items: a BCP 47 language tag, case-insensitive, with `-` or `_` "
        "(`de`, `de-DE`, `pt_BR`). A language of the site matches exactly first, else by "
        f"the tag's primary language (`de-AT` gives `de`). This site's languages: "
        f"{_languages()}; another tag is a 400 naming them."
    )


#: A BCP 47 tag as partners send it (the server matches it to one of its languages).
LANGUAGE_TAG = {
    "type": "string",
    "pattern": r"^[A-Za-z]{2,8}([_-][A-Za-z0-9]{1,8})*$",
    "examples": ["de", "de-DE", "pt-BR", "ar"],
}

LOCALE = Parameter("locale", "locale", _locale_description, LANGUAGE_TAG, example="de")
FALLBACK = Parameter(
    "fallback",
    "fallback",
    "With `locale`: items without a live translation in that language come in the "
    "source language, with `meta.fallback_from` set to that language; without it they "
    "are left out.",
    {"type": "boolean"},
    default=False,
)
MAP_FALLBACK = Parameter(
    "map_fallback",
    "fallback",
    "Cities not translated into `locale` come in the source language, with "
    "`fallback_from` set (default: every city is on the map), or are left out with "
    "`fallback=false`.",
    {"type": "boolean"},
    default=True,
)
CALENDAR_FALLBACK = Parameter(
    "calendar_fallback",
    "fallback",
    "Items not translated into `locale` come in the source language (default), or are "
    "left out with `fallback=false`.",
    {"type": "boolean"},
    default=True,
)
PAGE_TYPE = Parameter(
    "type",
    "type",
    "Page type(s), `app_label.ModelName`, separated by commas. Fields specific to a type "
    "(and filters on them) need it.",
    example="twinning.PartnerCityPage",
)
FIELDS = Parameter(
    "fields",
    "fields",
    "Fields to add (`fields=body`), remove (`fields=-title`), all (`*`) or only the "
    "ones always present (`_`). `id`, `type` and `meta` are always present: removing "
    "them is a 400.",
    example="*",
)
LIMIT = Parameter(
    "limit",
    "limit",
    lambda: f"Number of items (at most {limit_max()}).",
    lambda: {"type": "integer", "minimum": 0, **({"maximum": limit_max()} if limit_max() else {})},
    default=default_limit,
)
#: An id or offset in a URL (validators.MAX_INTEGER: more is a 400, not a database error).
WHOLE_NUMBER = {"type": "integer", "minimum": 0, "maximum": MAX_INTEGER}
OFFSET = Parameter(
    "offset",
    "offset",
    f"Items to skip (at most {MAX_INTEGER}).",
    WHOLE_NUMBER,
    default=0,
)
ORDER = Parameter(
    "order",
    "order",
    "Field to order by, `-` first for descending order, or `random`.",
    example="-first_published_at",
)
SEARCH = Parameter(
    "search",
    "search",
    lambda: (
        "Full-text search; results by relevance unless `order` is given (at most "
        f"{_search_results_max()} matches are considered). At most {SEARCH_MAX_LENGTH} "
        f"characters and {SEARCH_MAX_TERMS} words; quotes and operators are searched as "
        "plain words."
    ),
    {"type": "string", "minLength": 1, "maxLength": SEARCH_MAX_LENGTH},
)
SEARCH_OPERATOR = Parameter(
    "search_operator",
    "search_operator",
    "How search words combine.",
    {"type": "string", "enum": ["and", "or"]},
)
TRANSLATION_OF = Parameter(
    "translation_of",
    "translation_of",
    "The other live translations of this page id.",
    WHOLE_NUMBER,
)
CHILD_OF = Parameter(
    "child_of", "child_of", "Children of this page id (or `root`, the home page).", example="root"
)
DESCENDANT_OF = Parameter(
    "descendant_of", "descendant_of", "Descendants of this page id (or `root`).", example="root"
)
ANCESTOR_OF = Parameter("ancestor_of", "ancestor_of", "Ancestors of this page id.", WHOLE_NUMBER)
SITE = Parameter("site", "site", "Host name of the site (defaults to the requested host).")
PARTNER = Parameter(
    "partner",
    "partner",
    "A partner city: its page id in any language, or its Wikidata ID. Keeps the city's "
    "own page and the pages about it (stories, events, calls for projects; a call naming "
    "no city is open to every partner city).",
    example="Q3806",
)
THEME = Parameter(
    "theme",
    "theme",
    "A cooperation theme: its id (any language) or its identifier.",
    example="mobility",
)
DATE_FROM = Parameter(
    "date_from",
    "date_from",
    "Stories from this date on (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive).",
    {"type": "string", "pattern": PARTIAL_DATE_PATTERN},
    example="2016",
)
DATE_TO = Parameter(
    "date_to",
    "date_to",
    "Stories up to this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive).",
    {"type": "string", "pattern": PARTIAL_DATE_PATTERN},
    example="2016-12",
)
START_FROM = Parameter(
    "start_from",
    "start_from",
    "Events starting at or after this moment: an ISO date (from the start of that day, "
    "in the site's time zone) or date-time (with an offset, or in the site's time zone).",
    example="2026-05-01",
)
START_TO = Parameter(
    "start_to",
    "start_to",
    "Events starting at or before this moment: an ISO date (to the end of that day) or date-time.",
    example="2026-05-31T23:59:59+02:00",
)
CITY_KIND = Parameter(
    "kind",
    "kind",
    f"Partner cities by kind of partnership: {_choices(PartnershipKind)} (several "
    "separated by commas).",
    example=PartnershipKind.TWINNING.value,
)
PAGE_STATUS = Parameter(
    "status",
    "status",
    f"Partner cities by status of the partnership: {_choices(PartnershipStatus)}. With "
    "`type=twinning.ProjectCallPage`: calls for projects by status at the time of the "
    f"request, {_choices(CallStatus)}. Several separated by commas.",
    example=PartnershipStatus.ACTIVE.value,
)
CITY_STATUS = Parameter(
    "city_status",
    "status",
    f"Partner cities by status of the partnership: {_choices(PartnershipStatus)} "
    "(several separated by commas).",
    example=PartnershipStatus.ACTIVE.value,
)
FEED_TYPE = Parameter(
    "feed_type",
    "type",
    "What the feed carries: `stories`, `events`, `calls`, several separated by commas. "
    "Newest first by the day a story tells of, an event's start, a call's opening.",
    {"type": "string", "pattern": "^(stories|events|calls)(,(stories|events|calls))*$"},
    default=lambda: ",".join(_feed_default_types()),
    example="stories,events,calls",
)
ACTOR_KIND = Parameter(
    "actor_kind",
    "kind",
    f"Actors of this kind: {_choices(ActorKind)} (several separated by commas).",
    example=ActorKind.ASSOCIATION.value,
)
ACTOR_PARTNER = Parameter(
    "actor_partner",
    "partner",
    "Actors working with this partner city: its page id in any language, or its Wikidata ID.",
    example="Q3806",
)
CACHE_BUSTER = Parameter("cache_buster", "_", "Ignored (lets clients bypass their own caches).")
ID = Parameter("id", "id", "Id of the item.", WHOLE_NUMBER, location="path")
PARTNER_ID = Parameter(
    "partner_id",
    "id",
    "The partner city: its page id in any language, or its Wikidata ID.",
    {
        "anyOf": [
            WHOLE_NUMBER,
            {"type": "string", "pattern": WIKIDATA_ID_PATTERN},
        ]
    },
    example="Q3806",
    location="path",
)


def _feed_default_types() -> tuple[str, ...]:
    from twinning.api.feeds import DEFAULT_TYPES

    return DEFAULT_TYPES


def _search_results_max() -> int:
    from twinning.api.filters import SEARCH_RESULTS_MAX

    return SEARCH_RESULTS_MAX


#: Each endpoint's own parameters, in the order the documentation lists them.
PAGE_LIST = [
    LOCALE,
    FALLBACK,
    PAGE_TYPE,
    FIELDS,
    LIMIT,
    OFFSET,
    ORDER,
    SEARCH,
    SEARCH_OPERATOR,
    TRANSLATION_OF,
    CHILD_OF,
    DESCENDANT_OF,
    ANCESTOR_OF,
    SITE,
    PARTNER,
    THEME,
    DATE_FROM,
    DATE_TO,
    START_FROM,
    START_TO,
    CITY_KIND,
    PAGE_STATUS,
    CACHE_BUSTER,
]
ITEM_DETAIL = [ID, FIELDS, CACHE_BUSTER]
MEDIA_LIST = [FIELDS, LIMIT, OFFSET, ORDER, SEARCH, SEARCH_OPERATOR, CACHE_BUSTER]
ACTOR_LIST = [LOCALE, FALLBACK, ACTOR_PARTNER, ACTOR_KIND, THEME, LIMIT, OFFSET, CACHE_BUSTER]
ACTOR_DETAIL = [ID, CACHE_BUSTER]
MAP = [LOCALE, MAP_FALLBACK, CITY_KIND, CITY_STATUS, CACHE_BUSTER]
FEED = [LOCALE, FALLBACK, PARTNER, FEED_TYPE, CACHE_BUSTER]
PARTNER_CALENDAR = [PARTNER_ID, LOCALE, CALENDAR_FALLBACK, CACHE_BUSTER]
EVENTS_CALENDAR = [LOCALE, CALENDAR_FALLBACK, CACHE_BUSTER]


def _changes_limits() -> tuple[int, int]:
    """The changes feed's default and largest ``limit``, which its view declares."""
    from twinning.api.changes import DEFAULT_LIMIT, MAX_LIMIT

    return DEFAULT_LIMIT, MAX_LIMIT


SINCE = Parameter(
    "since",
    "since",
    "Changes from this instant on (ISO 8601 date-time with an offset, e.g. "
    "`2026-05-01T00:00:00Z`). Older than `meta.retained_from`: a 410; start again from "
    "the full lists then. Leave it out when following `meta.next`, which carries `cursor`.",
    {"type": "string", "format": "date-time"},
    example="2026-05-01T00:00:00Z",
)
CURSOR = Parameter(
    "cursor",
    "cursor",
    "Where the previous answer stopped: copy `meta.next` rather than building it.",
)
CHANGE_TYPE = Parameter(
    "change_type",
    "type",
    "Only changes of these types, `app_label.ModelName`, separated by commas (page types, "
    "`twinning.Actor`, `twinning.CooperationTheme`).",
    example="twinning.PartnerCityPage,twinning.ExchangeStoryPage",
)
CHANGES_LIMIT = Parameter(
    "changes_limit",
    "limit",
    lambda: f"Number of changes, from 1 to {_changes_limits()[1]}.",
    lambda: {"type": "integer", "minimum": 1, "maximum": _changes_limits()[1]},
    default=lambda: _changes_limits()[0],
)
CHANGES = [SINCE, LOCALE, PARTNER, CHANGE_TYPE, CHANGES_LIMIT, CURSOR, CACHE_BUSTER]


# Checks shared by every endpoint --------------------------------------------------------


def reject_unknown(request: HttpRequest, allowed: set[str]) -> None:
    """400 naming the first parameter the endpoint does not know."""
    reject_null_characters(request)
    unknown = sorted(set(request.GET) - allowed - {"_"})
    if unknown:
        raise BadRequest(
            _("Unknown query parameter %(name)r: see the API documentation.")
            % {"name": unknown[0]},
            unknown[0],
        )


def reject_null_characters(request: HttpRequest) -> None:
    """NUL cannot be stored nor searched (PostgreSQL refuses it): a 400, not a 500."""
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequest(
                _("%(name)s contains a null character.") % {"name": name.replace("\x00", "")},
                name.replace("\x00", ""),
            )


def positive_int(value: str, parameter: str, *, maximum: int = MAX_INTEGER) -> int:
    """A whole number from 0 to ``maximum`` in ASCII digits, else a 400 naming the
    parameter (see validators.parse_whole_number: one parser for the API and the site)."""
    number = parse_whole_number(value, maximum=maximum)
    if number is not None:
        return number
    if isinstance(value, str) and value.isascii() and value.isdigit():
        raise BadRequest(
            _("%(name)s cannot be higher than %(max)d.") % {"name": parameter, "max": maximum},
            parameter,
        )
    raise BadRequest(
        _("%(name)s must be a positive whole number, not %(value)r.")
        % {"name": parameter, "value": value},
        parameter,
    )


def search_query(raw: str, parameter: str = "search") -> str:
    """``search`` as plain words within the bounds (validators.search_terms), else a 400."""
    try:
        query = search_terms(raw)
    except ValidationError as exc:
        raise BadRequest(
            _("%(name)s: %(reason)s") % {"name": parameter, "reason": " ".join(exc.messages)},
            parameter,
        ) from exc
    return query
