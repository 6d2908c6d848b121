"""The OpenAPI 3.1 description of the partner API: the one place every path, parameter
and response schema is written down. ``/openapi.json`` serves it; ``/docs/`` renders it
as HTML; the contract tests validate live responses against its schemas.

Written by hand as a Python dict: the API is small, and a description written for
partners reads better than one generated from serializers.
"""

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from twinning import conf
from twinning.absolute_urls import base_url
from twinning.api.filters import SEARCH_RESULTS_MAX
from twinning.api.images import RENDITIONS
from twinning.choices import ActorKind, CallStatus, PartnershipKind, PartnershipStatus
from twinning.validators import WIKIDATA_ID_PATTERN

JSON = "application/json"


def _ref(name: str, kind: str = "schemas") -> dict:
    return {"$ref": f"#/components/{kind}/{name}"}


def _list_of(schema_name: str) -> dict:
    """A paginated list: ``meta.total_count`` and ``items`` of one schema."""
    return {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["total_count"],
                "properties": {"total_count": {"type": "integer"}},
            },
            "items": {"type": "array", "items": _ref(schema_name)},
        },
    }


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def _json(schema: dict, description: str) -> dict:
    return {
        "description": description,
        "headers": _CACHE_HEADERS,
        "content": {JSON: {"schema": schema}},
    }


def _query(name: str, description: str, schema: dict | None = None, **extra) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
        **extra,
    }


_CACHE_HEADERS = {
    "ETag": _ref("ETag", "headers"),
    "Last-Modified": _ref("LastModified", "headers"),
    "Cache-Control": _ref("CacheControl", "headers"),
}

_ERRORS = {
    "304": _ref("NotModified", "responses"),
    "400": _ref("BadRequest", "responses"),
}


def _languages() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def _parameters() -> dict:
    languages = _languages()
    return {
        "locale": _query(
            "locale",
            "Language of the items (a content language of the site). Pages that are not "
            "translated into it are left out, unless `fallback=true`.",
            {"type": "string", "enum": languages},
            example="de",
        ),
        "fallback": _query(
            "fallback",
            "With `locale`: items without a live translation in that language come in the "
            "source language, with `meta.fallback_from` set to that language.",
            {"type": "boolean", "default": False},
        ),
        "type": _query(
            "type",
            "Page type(s), `app_label.ModelName`, separated by commas. Fields specific to a "
            "type (and filters on them) need it.",
            example="twinning.PartnerCityPage",
        ),
        "fields": _query(
            "fields",
            "Fields to add (`fields=body`), remove (`fields=-title`), all (`*`) or none (`_`).",
            example="*",
        ),
        "limit": _query(
            "limit",
            f"Number of items (maximum {getattr(settings, 'WAGTAILAPI_LIMIT_MAX', 20)}).",
            {"type": "integer", "minimum": 0, "default": 20},
        ),
        "offset": _query(
            "offset", "Items to skip.", {"type": "integer", "minimum": 0, "default": 0}
        ),
        "order": _query(
            "order",
            "Field to order by, `-` first for descending order, or `random`.",
            example="-first_published_at",
        ),
        "search": _query(
            "search",
            "Full-text search; results by relevance unless `order` is given (at most "
            f"{SEARCH_RESULTS_MAX} matches are considered).",
        ),
        "search_operator": _query(
            "search_operator",
            "How search words combine.",
            {"type": "string", "enum": ["and", "or"]},
        ),
        "translation_of": _query(
            "translation_of",
            "The other live translations of this page id.",
            {"type": "integer", "minimum": 0},
        ),
        "child_of": _query(
            "child_of", "Children of this page id (or `root`, the home page).", example="root"
        ),
        "descendant_of": _query(
            "descendant_of", "Descendants of this page id (or `root`).", example="root"
        ),
        "ancestor_of": _query(
            "ancestor_of", "Ancestors of this page id.", {"type": "integer", "minimum": 0}
        ),
        "site": _query("site", "Host name of the site (defaults to the requested host)."),
        "partner": _query(
            "partner",
            "A partner city: its page id in any language, or its Wikidata ID. Keeps the "
            "city's own page and the pages about it (stories, events, calls for projects; "
            "a call naming no city is open to every partner city).",
            example="Q3806",
        ),
        "theme": _query(
            "theme",
            "A cooperation theme: its id (any language) or its identifier.",
            example="mobility",
        ),
        "date_from": _query(
            "date_from",
            "Stories from this date on (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive).",
            {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
            example="2016",
        ),
        "date_to": _query(
            "date_to",
            "Stories up to this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive).",
            {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
            example="2016-12",
        ),
        "kind": _query(
            "kind",
            "Partner cities by kind of partnership (several separated by commas).",
            {"type": "string"},
            example=PartnershipKind.TWINNING.value,
        ),
        "status": _query(
            "status",
            "Partner cities by status of the partnership (several separated by commas). "
            "With `type=twinning.ProjectCallPage`: calls for projects by status at the time "
            "of the request, `open`, `upcoming` or `closed` (several separated by commas).",
            {"type": "string"},
            example=PartnershipStatus.ACTIVE.value,
        ),
        "start_from": _query(
            "start_from",
            "Events starting at or after this moment: an ISO date (from the start of that "
            "day, in the site's time zone) or date-time (with an offset, or in the site's "
            "time zone).",
            {"type": "string"},
            example="2026-05-01",
        ),
        "start_to": _query(
            "start_to",
            "Events starting at or before this moment: an ISO date (to the end of that "
            "day) or date-time.",
            {"type": "string"},
            example="2026-05-31T23:59:59+02:00",
        ),
        "feed_type": _query(
            "type",
            "What the feed carries: `stories`, `events`, `calls`, several separated by "
            "commas (default: `stories`). Newest first by the day a story tells of, an "
            "event's start, a call's opening.",
            {"type": "string", "pattern": "^(stories|events|calls)(,(stories|events|calls))*$"},
            example="stories,events,calls",
        ),
        "calendar_fallback": _query(
            "fallback",
            "Items not translated into `locale` come in the source language (default), "
            "or are left out with `fallback=false`.",
            {"type": "boolean", "default": True},
        ),
        "actor_kind": _query(
            "kind",
            "Actors of this kind (several separated by commas).",
            {"type": "string"},
            example=ActorKind.ASSOCIATION.value,
        ),
        "actor_partner": _query(
            "partner",
            "Actors working with this partner city: its page id in any language, or its "
            "Wikidata ID.",
            example="Q3806",
        ),
        "cache_buster": _query("_", "Ignored (lets clients bypass their own caches)."),
        "id": {
            "name": "id",
            "in": "path",
            "required": True,
            "description": "Id of the item.",
            "schema": {"type": "integer", "minimum": 0},
        },
        "partner_id": {
            "name": "id",
            "in": "path",
            "required": True,
            "description": "The partner city: its page id in any language, or its Wikidata ID.",
            "schema": {
                "anyOf": [
                    {"type": "integer", "minimum": 0},
                    {"type": "string", "pattern": WIKIDATA_ID_PATTERN},
                ]
            },
            "example": "Q3806",
        },
    }


_PAGE_LIST_PARAMETERS = [
    "locale",
    "fallback",
    "type",
    "fields",
    "limit",
    "offset",
    "order",
    "search",
    "search_operator",
    "translation_of",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "site",
    "partner",
    "theme",
    "date_from",
    "date_to",
    "start_from",
    "start_to",
    "kind",
    "status",
    "cache_buster",
]
_ACTOR_LIST_PARAMETERS = [
    "locale",
    "fallback",
    "actor_partner",
    "actor_kind",
    "theme",
    "limit",
    "offset",
    "cache_buster",
]
_MEDIA_LIST_PARAMETERS = [
    "fields",
    "limit",
    "offset",
    "order",
    "search",
    "search_operator",
    "cache_buster",
]


def _schemas() -> dict:
    from twinning.localize.status import STATES

    string, integer, boolean = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
    url = {"type": "string", "format": "uri"}
    date_time = {"type": "string", "format": "date-time"}
    language = {"type": "string", "enum": _languages()}
    choice = {
        "type": "object",
        "required": ["code", "label"],
        "properties": {"code": string, "label": string},
        "additionalProperties": False,
    }
    page_meta = {
        "type": "object",
        "required": ["type", "detail_url", "html_url", "locale"],
        "properties": {
            "type": string,
            "detail_url": url,
            "html_url": _nullable(url),
            "slug": string,
            "show_in_menus": boolean,
            "seo_title": string,
            "search_description": string,
            "first_published_at": _nullable(date_time),
            "last_published_at": _nullable(date_time),
            "locale": language,
            "fallback_from": {
                **_nullable(language),
                "description": "The language the item comes in because it has no live "
                "translation in the requested `locale` (null otherwise).",
            },
            "translations": {"type": "array", "items": _ref("Translation")},
            "parent": _nullable(_ref("PageSummary")),
        },
        "additionalProperties": False,
    }

    def page(properties: dict, *, closed: bool) -> dict:
        return {
            "type": "object",
            "required": ["id", "meta"],
            "properties": {
                "id": integer,
                "meta": _ref("PageMeta"),
                "title": string,
                **properties,
            },
            "additionalProperties": not closed,
        }

    city_fields = {
        "intro": string,
        "country": _nullable(_ref("Country")),
        "region": string,
        "latitude": {"type": "number", "minimum": -90, "maximum": 90},
        "longitude": {"type": "number", "minimum": -180, "maximum": 180},
        "population": _nullable(integer),
        "kind": _nullable(_ref("Choice")),
        "status": _nullable(_ref("Choice")),
        "signed": _nullable(_ref("PartialDate")),
        "website": string,
        "wikidata_id": string,
        "hero_image": _nullable(_ref("Image")),
        "body": _nullable(_ref("StreamField")),
        "milestones": {"type": "array", "items": _ref("Milestone")},
        "themes": {"type": "array", "items": _ref("Theme")},
        "is_demo_content": {
            **boolean,
            "description": "Illustrative text written for a demonstration, not a real account.",
        },
    }
    story_fields = {
        "date": {"type": "string", "format": "date"},
        "summary": string,
        "audience": _nullable(_ref("Choice")),
        "participants": _nullable(integer),
        "hero_image": _nullable(_ref("Image")),
        "body": _nullable(_ref("StreamField")),
        "partner_cities": {"type": "array", "items": _ref("PageSummary")},
        "themes": {"type": "array", "items": _ref("Theme")},
        "is_demo_content": boolean,
    }
    call_fields = {
        "summary": string,
        "eligibility": {**string, "description": "Who may apply (HTML)."},
        "body": _nullable(_ref("StreamField")),
        "opens_at": date_time,
        "closes_at": {**date_time, "description": "The call is closed from this moment on."},
        "status": {
            "type": "string",
            "enum": list(CallStatus.values),
            "description": "Derived from the dates at the time of the response.",
        },
        "grant_min": _nullable(integer),
        "grant_max": _nullable(integer),
        "currency": {**string, "description": "ISO 4217 code of the grants."},
        "budget_note": string,
        "documents": _nullable(_ref("StreamField")),
        "apply_url": string,
        "apply_email": string,
        "partner_cities": {
            "type": "array",
            "items": _ref("PageSummary"),
            "description": "Empty: projects with any partner city may apply.",
        },
        "themes": {"type": "array", "items": _ref("Theme")},
        "actors": {"type": "array", "items": _ref("ActorSummary")},
        "is_demo_content": boolean,
    }
    event_fields = {
        "summary": string,
        "start": date_time,
        "end": date_time,
        "all_day": {**boolean, "description": "Only the dates count, not the times."},
        "place_name": string,
        "place_address": string,
        "latitude": _nullable({"type": "number", "minimum": -90, "maximum": 90}),
        "longitude": _nullable({"type": "number", "minimum": -180, "maximum": 180}),
        "online_url": string,
        "registration_url": string,
        "partner_cities": {"type": "array", "items": _ref("PageSummary")},
        "themes": {"type": "array", "items": _ref("Theme")},
        "organiser": {
            **_nullable(_ref("ActorSummary")),
            "description": "The actor organising the event; null when the city does.",
        },
        "actors": {"type": "array", "items": _ref("ActorSummary")},
        "hero_image": _nullable(_ref("Image")),
        "body": _nullable(_ref("StreamField")),
        "is_demo_content": boolean,
    }
    rendition = {
        "type": "object",
        "required": ["url", "width", "height", "alt"],
        "properties": {"url": url, "width": integer, "height": integer, "alt": string},
        "additionalProperties": False,
    }
    return {
        "Error": {
            "type": "object",
            "required": ["message", "parameter"],
            "properties": {
                "message": string,
                "parameter": {
                    **_nullable(string),
                    "description": "The query parameter to fix.",
                },
            },
        },
        "NotFound": {
            "type": "object",
            "required": ["message"],
            "properties": {"message": string},
        },
        "Choice": choice,
        "Country": {
            "type": "object",
            "required": ["code", "name"],
            "properties": {
                "code": {"type": "string", "pattern": "^[A-Z]{2}$"},
                "name": string,
            },
            "additionalProperties": False,
        },
        "PartialDate": {
            "type": "object",
            "description": "A date known to the year, the month or the day.",
            "required": ["iso", "precision", "year", "label"],
            "properties": {
                "iso": {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                "precision": {"type": "string", "enum": ["year", "month", "day"]},
                "year": integer,
                "month": _nullable(integer),
                "day": _nullable(integer),
                "label": {**string, "description": "Formatted in the item's language."},
            },
            "additionalProperties": False,
        },
        "Rendition": rendition,
        "Image": {
            "type": "object",
            "required": ["id", "alt", *RENDITIONS],
            "properties": {
                "id": integer,
                "title": string,
                "alt": string,
                "width": integer,
                "height": integer,
                **{name: _ref("Rendition") for name in RENDITIONS},
            },
            "additionalProperties": False,
        },
        "PageSummary": {
            "type": "object",
            "required": ["id", "title", "locale", "html_url", "detail_url"],
            "properties": {
                "id": integer,
                "title": string,
                "locale": language,
                "html_url": _nullable(url),
                "detail_url": _nullable(url),
            },
            "additionalProperties": False,
        },
        "Theme": {
            "type": "object",
            "required": ["id", "slug", "name"],
            "properties": {"id": integer, "slug": _nullable(string), "name": string},
            "additionalProperties": False,
        },
        "Translation": {
            "type": "object",
            "required": [
                "locale",
                "id",
                "html_url",
                "detail_url",
                "percent",
                "out_of_date",
                "awaiting_review",
                "state",
            ],
            "properties": {
                "locale": language,
                "id": integer,
                "title": string,
                "html_url": _nullable(url),
                "detail_url": _nullable(url),
                "is_source": boolean,
                "percent": {
                    **_nullable({"type": "integer", "minimum": 0, "maximum": 100}),
                    "description": "Share of the source's text translated.",
                },
                "out_of_date": {
                    **_nullable(boolean),
                    "description": "The source changed after this translation.",
                },
                "awaiting_review": {
                    **_nullable(boolean),
                    "description": "A newer version of this translation waits for review: "
                    "readers see this one until a reviewer publishes it.",
                },
                "state": {
                    **_nullable({"type": "string", "enum": list(STATES)}),
                    "description": "What readers of this language get: `live` (translated "
                    "and up to date; always so for the source), `out_of_date` (the source "
                    "changed since), `awaiting_review` (a newer translation waits for review), "
                    "`untranslated` (published with none of its text translated: readers get "
                    "the source's text). `draft` and `missing` never appear here, where only "
                    "live translations are listed.",
                },
            },
            "additionalProperties": False,
        },
        "Milestone": {
            "type": "object",
            "required": ["id", "date", "kind", "title"],
            "properties": {
                "id": integer,
                "date": _nullable(_ref("PartialDate")),
                "kind": _ref("Choice"),
                "title": string,
                "description": string,
                "image": _nullable(_ref("Image")),
                "link": _nullable(url),
            },
            "additionalProperties": False,
        },
        "StreamField": {
            "type": "object",
            "required": ["html", "blocks"],
            "properties": {
                "html": {**string, "description": "Rendered HTML, links absolute."},
                "blocks": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["type", "value"],
                        "properties": {"type": string, "id": _nullable(string), "value": {}},
                    },
                },
            },
            "additionalProperties": False,
        },
        "PageMeta": page_meta,
        "PartnerCity": page(city_fields, closed=True),
        "ExchangeStory": page(story_fields, closed=True),
        "ProjectCall": page(call_fields, closed=True),
        "Event": page(event_fields, closed=True),
        "Page": page({}, closed=False),
        "PageItem": {
            "description": "A page; partner cities and stories have the fields of their type.",
            "type": "object",
            "allOf": [
                {
                    "if": {
                        "properties": {
                            "meta": {"properties": {"type": {"const": "twinning.PartnerCityPage"}}}
                        }
                    },
                    "then": _ref("PartnerCity"),
                },
                {
                    "if": {
                        "properties": {
                            "meta": {
                                "properties": {"type": {"const": "twinning.ExchangeStoryPage"}}
                            }
                        }
                    },
                    "then": _ref("ExchangeStory"),
                },
                {
                    "if": {
                        "properties": {
                            "meta": {"properties": {"type": {"const": "twinning.ProjectCallPage"}}}
                        }
                    },
                    "then": _ref("ProjectCall"),
                },
                {
                    "if": {
                        "properties": {
                            "meta": {"properties": {"type": {"const": "twinning.EventPage"}}}
                        }
                    },
                    "then": _ref("Event"),
                },
                _ref("Page"),
            ],
        },
        "PageList": _list_of("PageItem"),
        "Actor": {
            "type": "object",
            "required": ["id", "meta", "name", "kind", "email", "partner_cities", "themes"],
            "properties": {
                "id": integer,
                "meta": {
                    "type": "object",
                    "required": ["type", "detail_url", "locale", "fallback_from"],
                    "properties": {
                        "type": {"const": "twinning.Actor"},
                        "detail_url": url,
                        "locale": language,
                        "fallback_from": _nullable(language),
                    },
                    "additionalProperties": False,
                },
                "name": string,
                "kind": {"type": "string", "enum": list(ActorKind.values)},
                "kind_label": string,
                "description": string,
                "website": _nullable(url),
                "email": {
                    **_nullable({"type": "string", "format": "email"}),
                    "description": "Only when the actor agreed to its publication.",
                },
                "partner_cities": {"type": "array", "items": _ref("PageSummary")},
                "themes": {"type": "array", "items": _ref("Theme")},
                "is_demo_content": boolean,
            },
            "additionalProperties": False,
        },
        "ActorSummary": {
            "type": "object",
            "required": ["id", "name", "kind", "detail_url"],
            "properties": {
                "id": integer,
                "name": string,
                "kind": {"type": "string", "enum": list(ActorKind.values)},
                "detail_url": _nullable(url),
            },
            "additionalProperties": False,
        },
        "ActorList": _list_of("Actor"),
        "MediaItem": {
            "type": "object",
            "required": ["id", "meta", "title"],
            "properties": {
                "id": integer,
                "title": string,
                "width": integer,
                "height": integer,
                "meta": {
                    "type": "object",
                    "required": ["type", "detail_url", "download_url"],
                    "properties": {
                        "type": string,
                        "detail_url": url,
                        "download_url": url,
                        "tags": {"type": "array", "items": string},
                    },
                },
            },
        },
        "MediaList": _list_of("MediaItem"),
        "PartnerFeature": {
            "type": "object",
            "required": ["type", "id", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "id": integer,
                "geometry": {
                    "type": "object",
                    "required": ["type", "coordinates"],
                    "properties": {
                        "type": {"const": "Point"},
                        "coordinates": {
                            "description": "Longitude, then latitude (RFC 7946).",
                            "type": "array",
                            "prefixItems": [
                                {"type": "number", "minimum": -180, "maximum": 180},
                                {"type": "number", "minimum": -90, "maximum": 90},
                            ],
                            "minItems": 2,
                            "maxItems": 2,
                        },
                    },
                },
                "properties": {
                    "type": "object",
                    "required": [
                        "id",
                        "name",
                        "locale",
                        "country_code",
                        "country_name",
                        "kind",
                        "status",
                        "year_signed",
                        "html_url",
                        "detail_url",
                    ],
                    "properties": {
                        "id": integer,
                        "name": string,
                        "locale": language,
                        "fallback_from": _nullable(language),
                        "country_code": string,
                        "country_name": string,
                        "region": string,
                        "kind": {"type": "string", "enum": list(PartnershipKind.values)},
                        "kind_label": string,
                        "status": {"type": "string", "enum": list(PartnershipStatus.values)},
                        "status_label": string,
                        "year_signed": _nullable(integer),
                        "wikidata_id": _nullable(string),
                        "html_url": _nullable(url),
                        "detail_url": url,
                        "calendar_url": url,
                    },
                    "additionalProperties": False,
                },
            },
        },
        "PartnerFeatureCollection": {
            "type": "object",
            "required": ["type", "features"],
            "properties": {
                "type": {"const": "FeatureCollection"},
                "features": {"type": "array", "items": _ref("PartnerFeature")},
            },
        },
    }


def _components() -> dict:
    error = {JSON: {"schema": _ref("Error")}}
    return {
        "parameters": _parameters(),
        "schemas": _schemas(),
        "headers": {
            "ETag": {
                "description": "Validator of the response body: send it back in "
                "`If-None-Match` to get a 304 when nothing changed.",
                "schema": {"type": "string"},
            },
            "LastModified": {
                "description": "When the site's content last changed; `If-Modified-Since` "
                "gets a 304 when nothing changed since.",
                "schema": {"type": "string"},
            },
            "CacheControl": {
                "description": "`public, max-age={}`: responses may be cached and shared.".format(
                    conf.get("API_CACHE_MAX_AGE")
                ),
                "schema": {"type": "string"},
            },
        },
        "responses": {
            "BadRequest": {
                "description": "A query parameter is wrong: `parameter` names it.",
                "content": error,
            },
            "NotFound": {
                "description": "No such published item.",
                "content": {JSON: {"schema": _ref("NotFound")}},
            },
            "NotModified": {"description": "Not modified since the `ETag`/date sent."},
        },
    }


def _get(
    summary: str,
    description: str,
    parameters: list[str],
    responses: dict,
    tag: str,
    example: str = "",
):
    """A GET operation; ``example`` is a query string the docs page offers to try."""
    operation = {
        "tags": [tag],
        "summary": summary,
        "description": description,
        "parameters": [_ref(name, "parameters") for name in parameters],
        "responses": responses,
    }
    if example:
        operation["x-example-query"] = example
    return {"get": operation}


def _paths() -> dict:
    not_found = {"404": _ref("NotFound", "responses")}
    return {
        "/pages/": _get(
            "Pages",
            "Published pages, in the reader's language with `locale`. Lists show a few "
            "fields by default; `fields` adds more (`fields=*` for all).",
            _PAGE_LIST_PARAMETERS,
            {"200": _json(_ref("PageList"), "A page of results."), **_ERRORS},
            "Pages",
            example="type=twinning.PartnerCityPage&locale=de&fallback=true",
        ),
        "/pages/{id}/": _get(
            "A page",
            "Every field of a published page: partner cities with their history, stories "
            "with their partner cities.",
            ["id", "fields", "cache_buster"],
            {"200": _json(_ref("PageItem"), "The page."), **_ERRORS, **not_found},
            "Pages",
        ),
        "/images/": _get(
            "Images",
            "Images outside private collections.",
            _MEDIA_LIST_PARAMETERS,
            {"200": _json(_ref("MediaList"), "A page of results."), **_ERRORS},
            "Media",
        ),
        "/images/{id}/": _get(
            "An image",
            "An image outside private collections.",
            ["id", "fields", "cache_buster"],
            {"200": _json(_ref("MediaItem"), "The image."), **_ERRORS, **not_found},
            "Media",
        ),
        "/documents/": _get(
            "Documents",
            "Documents outside private collections.",
            _MEDIA_LIST_PARAMETERS,
            {"200": _json(_ref("MediaList"), "A page of results."), **_ERRORS},
            "Media",
        ),
        "/documents/{id}/": _get(
            "A document",
            "A document outside private collections.",
            ["id", "fields", "cache_buster"],
            {"200": _json(_ref("MediaItem"), "The document."), **_ERRORS, **not_found},
            "Media",
        ),
        "/actors/": _get(
            "Actors",
            "The territory's associations, schools, universities... that work with partner "
            "cities. With `locale`, those written or translated in that language; "
            "`fallback=true` adds the others in the source language. Partner cities and "
            "themes come in the actor's language; `email` only when the actor consented.",
            _ACTOR_LIST_PARAMETERS,
            {"200": _json(_ref("ActorList"), "A page of results."), **_ERRORS},
            "Actors",
            example="locale=de&fallback=true&partner=Q3806",
        ),
        "/actors/{id}/": _get(
            "An actor",
            "One actor, in the language it is written in.",
            ["id", "cache_buster"],
            {"200": _json(_ref("Actor"), "The actor."), **_ERRORS, **not_found},
            "Actors",
        ),
        "/partners.geojson": _get(
            "Map of the partner cities",
            "Every partner city as a GeoJSON point (RFC 7946, longitude first). Cities not "
            "translated into `locale` come in the source language (`fallback` is true by "
            "default here); labels are in the requested language.",
            ["locale", "fallback", "kind", "status"],
            {
                "200": {
                    "description": "A FeatureCollection.",
                    "headers": _CACHE_HEADERS,
                    "content": {
                        "application/geo+json": {"schema": _ref("PartnerFeatureCollection")}
                    },
                },
                **_ERRORS,
            },
            "Partner cities",
            example="locale=de",
        ),
        "/feeds/stories.atom": _get(
            "Feed of exchange stories, events and calls",
            "An Atom feed (RFC 4287) of the newest stories in `locale` (default: the source "
            "language), optionally about one `partner`; each entry links its translations. "
            "`type` adds events and calls for projects.",
            ["locale", "fallback", "partner", "feed_type"],
            {
                "200": {
                    "description": "An Atom feed.",
                    "headers": _CACHE_HEADERS,
                    "content": {"application/atom+xml": {"schema": {"type": "string"}}},
                },
                **_ERRORS,
            },
            "Partner cities",
            example="locale=de&partner=Q3806",
        ),
        "/partners/{id}/calendar.ics": _get(
            "Calendar of a partnership",
            "An iCalendar file (RFC 5545) of the partnership's milestones known to the day "
            "(as all-day events), of the events the city takes part in, and of the calls for "
            "projects open or upcoming that concern it (a call naming no city concerns them "
            "all) as two all-day events, its opening day and its last day to apply. UIDs are "
            "stable across languages. Timed events are in UTC. `locale` defaults to the "
            "language of the page `id`; the source language stands in when the city is not "
            "translated.",
            ["partner_id", "locale", "fallback"],
            {
                "200": {
                    "description": "A calendar.",
                    "headers": _CACHE_HEADERS,
                    "content": {"text/calendar": {"schema": {"type": "string"}}},
                },
                **_ERRORS,
                **not_found,
            },
            "Partner cities",
        ),
        "/events.ics": _get(
            "Calendar of events",
            "An iCalendar file (RFC 5545) of every event, upcoming or of the past year, in "
            "`locale` (default: the source language); events not translated come in the "
            "source language unless `fallback=false`. Timed events are in UTC, all-day "
            "events are dates; UIDs are stable across languages.",
            ["locale", "calendar_fallback"],
            {
                "200": {
                    "description": "A calendar.",
                    "headers": _CACHE_HEADERS,
                    "content": {"text/calendar": {"schema": {"type": "string"}}},
                },
                **_ERRORS,
            },
            "Partner cities",
            example="locale=de",
        ),
        "/openapi.json": _get(
            "This description",
            "The OpenAPI 3.1 description of the API.",
            [],
            {"200": _json({"type": "object"}, "The OpenAPI document.")},
            "About",
        ),
        "/docs/": _get(
            "Documentation",
            "This description as a web page.",
            [],
            {
                "200": {
                    "description": "An HTML page.",
                    "headers": _CACHE_HEADERS,
                    "content": {"text/html": {"schema": {"type": "string"}}},
                }
            },
            "About",
        ),
    }


def openapi_document(server_url: str) -> dict:
    """The OpenAPI document, with its server URL (the API's absolute base)."""
    site_name = getattr(settings, "WAGTAIL_SITE_NAME", "")
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Partner cities API",
            "version": "2",
            "summary": f"{site_name}: partner cities, partnerships and exchange stories."
            if site_name
            else "Partner cities, partnerships and exchange stories.",
            "description": (
                "Read-only, public, cache-friendly. Every URL in a response is absolute. "
                'Errors are JSON: `{"message", "parameter"}` (400) or `{"message"}` (404). '
                "Responses carry `ETag` and `Last-Modified`: revalidate with `If-None-Match` "
                "or `If-Modified-Since`. Partner origins may call it from browsers (CORS, GET)."
            ),
        },
        "servers": [{"url": server_url}],
        "tags": [
            {"name": "Pages", "description": "Pages in every language (Wagtail API v2)."},
            {"name": "Partner cities", "description": "Map, feed and calendar."},
            {"name": "Actors", "description": "The territory's actors working abroad."},
            {"name": "Media", "description": "Public images and documents."},
            {"name": "About", "description": "This description."},
        ],
        "paths": _paths(),
        "components": _components(),
    }


def server_url(request: HttpRequest) -> str:
    """The API's absolute base URL, from where the router is mounted."""
    namespace = request.wagtailapi_router.url_namespace
    return base_url(request, api=True) + reverse(f"{namespace}:openapi").rsplit("/", 1)[0]


@require_safe
def openapi_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        openapi_document(server_url(request)), json_dumps_params={"ensure_ascii": False}
    )
