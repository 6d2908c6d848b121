"""The OpenAPI 3.1 description of the partner API. ``/openapi.json`` serves it; ``/docs/``
renders it as HTML; the contract tests validate live responses against its schemas.

One source for each fact. Page schemas are built from the serializer fields the pages
endpoint uses (field_schemas.py), parameters and their defaults from the declarations
the views read (parameters.py); what is written here by hand is the shape of objects
built by hand elsewhere (images, page summaries, GeoJSON, actors, errors).

Page items are one ``oneOf`` of a closed schema per page type, with a ``discriminator``
on the top-level ``type`` every item carries (``meta.type`` stays, for older clients).
That keeps ``/pages/`` one endpoint, as Wagtail's API and its filters across types
(``partner``, ``search``) are, and it is the form generators type: openapi-python-client
parses each item into the model its ``type`` maps to, openapi-typescript emits a union
that narrows on ``item.type``. Per-type endpoints would also have typed them, but would
duplicate every list parameter and lose the lists of mixed types; ``if``/``then``
schemas, which validators accept, leave both generators with untyped items.

Where the host installed the partner exchange (twinning.partners), the document also has
its endpoints, which a partner opens with its token (``bearerAuth``; every other endpoint
stays public), and, under OpenAPI 3.1's ``webhooks``, the signed event the site POSTs to
partners.
"""

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from twinning import conf
from twinning.absolute_urls import base_url
from twinning.api import parameters as params
from twinning.api.field_schemas import (
    LANGUAGE,
    PageSchemas,
    nullable,
    page_item,
    page_schemas,
    ref,
)
from twinning.api.images import RENDITIONS
from twinning.choices import ActorKind, MilestoneKind, PartnershipKind, PartnershipStatus

JSON = "application/json"

#: The image formats of ``renditions`` and the keys of ``srcset``.
IMAGE_MIME_TYPES = ["image/webp", "image/jpeg", "image/png", "image/gif"]


def _list_of(schema_name: str) -> dict:
    """A paginated list: ``meta`` (count and links) and ``items`` of one schema."""
    return {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": ref("ListMeta"),
            "items": {"type": "array", "items": ref(schema_name)},
        },
        "additionalProperties": False,
    }


def _headers(*, content: bool) -> dict:
    headers = {
        "ETag": _ref_of("ETag", "headers"),
        "Last-Modified": _ref_of("LastModified", "headers"),
        "Cache-Control": _ref_of("CacheControl", "headers"),
    }
    if content:
        headers["Content-Language"] = _ref_of("ContentLanguage", "headers")
    return headers


def _ref_of(name: str, kind: str) -> dict:
    return {"$ref": f"#/components/{kind}/{name}"}


def _response(media: str, schema: dict, description: str, *, content: bool = True) -> dict:
    return {
        "description": description,
        "headers": _headers(content=content),
        "content": {media: {"schema": schema}},
    }


def _json(schema: dict, description: str, *, content: bool = True) -> dict:
    return _response(JSON, schema, description, content=content)


_ERRORS = {
    "304": _ref_of("NotModified", "responses"),
    "400": _ref_of("BadRequest", "responses"),
}
_NOT_FOUND = {"404": _ref_of("NotFound", "responses")}

#: Every declared parameter, by its component name.
PARAMETER_LISTS = (
    params.PAGE_LIST,
    params.ITEM_DETAIL,
    params.MEDIA_LIST,
    params.ACTOR_LIST,
    params.ACTOR_DETAIL,
    params.MAP,
    params.FEED,
    params.PARTNER_CALENDAR,
    params.EVENTS_CALENDAR,
    params.CHANGES,
)


def _parameters() -> dict:
    declared = {}
    for parameters in PARAMETER_LISTS:
        for parameter in parameters:
            declared[parameter.key] = parameter.openapi()
    return declared


def _shared_schemas() -> dict:
    """Objects the API builds by hand (references.py, images.py, actors, GeoJSON)."""
    from twinning.localize.status import STATES

    string, integer, boolean = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
    url = {"type": "string", "format": "uri"}
    date_time = {"type": "string", "format": "date-time"}
    languages = ", ".join(f"`{code}`" for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
    rendition = {
        "type": "object",
        "required": ["url", "width", "height", "alt"],
        "properties": {"url": url, "width": integer, "height": integer, "alt": string},
        "additionalProperties": False,
    }
    return {
        "Language": {
            "type": "string",
            "description": f"A language of the site's content, as a BCP 47 tag ({languages}).",
            "examples": [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES][:3],
        },
        "ListMeta": {
            "type": "object",
            "required": ["total_count", "next", "previous"],
            "properties": {
                "total_count": {**integer, "description": "Items in the whole list."},
                "next": {
                    **nullable(url),
                    "description": "The next page of the list: this request with `offset` "
                    "moved by `limit`; null on the last page.",
                },
                "previous": {
                    **nullable(url),
                    "description": "The previous page of the list; null on the first.",
                },
            },
            "additionalProperties": False,
        },
        "Error": {
            "type": "object",
            "required": ["message", "parameter"],
            "properties": {
                "message": {**string, "description": "In the response's language."},
                "parameter": {
                    **nullable(string),
                    "description": "The query parameter to fix.",
                },
            },
        },
        "NotFound": {
            "type": "object",
            "required": ["message"],
            "properties": {"message": string},
        },
        "Country": {
            "type": "object",
            "required": ["code", "name"],
            "properties": {
                "code": {
                    "type": "string",
                    "pattern": "^[A-Z]{2}$",
                    "description": "ISO 3166-1 alpha-2.",
                },
                "name": {**string, "description": "In the item's language."},
            },
            "additionalProperties": False,
        },
        "PartialDate": {
            "type": "object",
            "description": "A date known to the year, the month or the day.",
            "required": ["iso", "precision", "year", "label"],
            "properties": {
                "iso": {"type": "string", "pattern": params.PARTIAL_DATE_PATTERN},
                "precision": {"type": "string", "enum": ["year", "month", "day"]},
                "year": integer,
                "month": nullable(integer),
                "day": nullable(integer),
                "label": {**string, "description": "Formatted in the item's language."},
            },
            "additionalProperties": False,
        },
        "Rendition": rendition,
        "ImageRendition": {
            "type": "object",
            "description": "One width of the image in one format; made on first request.",
            "required": ["url", "width", "height", "mime_type"],
            "properties": {
                "url": url,
                "width": integer,
                "height": integer,
                "mime_type": {"type": "string", "enum": IMAGE_MIME_TYPES},
            },
            "additionalProperties": False,
        },
        "Image": {
            "type": "object",
            "required": ["id", "alt", *RENDITIONS, "renditions", "srcset"],
            "properties": {
                "id": integer,
                "title": string,
                "alt": string,
                "width": integer,
                "height": integer,
                **{name: ref("Rendition") for name in RENDITIONS},
                "renditions": {
                    "type": "array",
                    "items": ref("ImageRendition"),
                    "description": "The image at the widths of the site's settings that are "
                    "not wider than the original (or the original's width, when narrower), "
                    "in WebP and in the original's format.",
                },
                "srcset": {
                    "type": "object",
                    "description": "For `<source srcset>`: one string per MIME type of "
                    "`renditions`, e.g. `<url> 320w, <url> 640w`.",
                    "propertyNames": {"enum": IMAGE_MIME_TYPES},
                    "additionalProperties": string,
                },
            },
            "additionalProperties": False,
        },
        "DocumentSummary": {
            "type": "object",
            "required": ["id", "title", "url"],
            "properties": {"id": integer, "title": string, "url": url},
            "additionalProperties": False,
        },
        "PageSummary": {
            "type": "object",
            "required": ["id", "title", "locale", "html_url", "detail_url"],
            "properties": {
                "id": integer,
                "title": string,
                "locale": LANGUAGE,
                "html_url": nullable(url),
                "detail_url": nullable(url),
            },
            "additionalProperties": False,
        },
        "Theme": {
            "type": "object",
            "required": ["id", "slug", "name"],
            "properties": {"id": integer, "slug": nullable(string), "name": string},
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
                "locale": LANGUAGE,
                "id": integer,
                "title": string,
                "html_url": nullable(url),
                "detail_url": nullable(url),
                "is_source": boolean,
                "percent": {
                    **nullable({"type": "integer", "minimum": 0, "maximum": 100}),
                    "description": "Share of the source's text translated.",
                },
                "out_of_date": {
                    **nullable(boolean),
                    "description": "The source changed after this translation.",
                },
                "awaiting_review": {
                    **nullable(boolean),
                    "description": "A newer version of this translation waits for review: "
                    "readers see this one until a reviewer publishes it.",
                },
                "state": {
                    **nullable({"type": "string", "enum": list(STATES)}),
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
                "date": nullable(ref("PartialDate")),
                "kind": {
                    "type": "object",
                    "required": ["code", "label"],
                    "properties": {
                        "code": {"type": "string", "enum": list(MilestoneKind.values)},
                        "label": {**string, "description": "In the item's language."},
                    },
                    "additionalProperties": False,
                },
                "title": string,
                "description": string,
                "image": nullable(ref("Image")),
                "link": nullable(url),
            },
            "additionalProperties": False,
        },
        "StreamField": {
            "type": "object",
            "required": ["html", "blocks"],
            "properties": {
                "html": {**string, "description": "Rendered HTML, links absolute."},
                "blocks": {"type": "array", "items": ref("Block")},
            },
            "additionalProperties": False,
        },
        "Block": {
            "type": "object",
            "description": "One block of a StreamField: its `type` names the block, `value` "
            "is its content (images as `Image` objects, rich text as HTML).",
            "required": ["type", "value"],
            "properties": {"type": string, "id": nullable(string), "value": {}},
        },
        "Related": {
            "type": "object",
            "required": ["id"],
            "properties": {
                "id": integer,
                "meta": {
                    "type": "object",
                    "properties": {"type": string, "detail_url": url},
                },
            },
        },
        "Actor": {
            "type": "object",
            "required": ["id", "meta", "name", "kind", "email", "partner_cities", "themes"],
            "properties": {
                "id": integer,
                "meta": {
                    "type": "object",
                    "required": ["type", "detail_url", "locale", "fallback_from"],
                    "properties": {
                        "type": {"type": "string", "const": "twinning.Actor"},
                        "detail_url": url,
                        "locale": LANGUAGE,
                        "fallback_from": nullable(LANGUAGE),
                    },
                    "additionalProperties": False,
                },
                "name": string,
                "kind": {"type": "string", "enum": list(ActorKind.values)},
                "kind_label": string,
                "description": string,
                "website": nullable(url),
                "email": {
                    **nullable({"type": "string", "format": "email"}),
                    "description": "Only when the actor agreed to its publication.",
                },
                "partner_cities": {"type": "array", "items": ref("PageSummary")},
                "themes": {"type": "array", "items": ref("Theme")},
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
                "detail_url": nullable(url),
            },
            "additionalProperties": False,
        },
        "ActorList": _list_of("Actor"),
        "MediaItem": {
            "type": "object",
            "description": "`id` and `meta.type` are always present; `fields` adds or "
            "removes the others.",
            "required": ["id", "meta"],
            "properties": {
                "id": integer,
                "title": string,
                "width": integer,
                "height": integer,
                "meta": {
                    "type": "object",
                    "required": ["type"],
                    "properties": {
                        "type": string,
                        "detail_url": url,
                        "download_url": url,
                        "tags": {"type": "array", "items": string},
                    },
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
        },
        "MediaList": _list_of("MediaItem"),
        "PartnerFeature": {
            "type": "object",
            "required": ["type", "id", "geometry", "properties"],
            "properties": {
                "type": {"type": "string", "const": "Feature"},
                "id": integer,
                "geometry": {
                    "type": "object",
                    "required": ["type", "coordinates"],
                    "properties": {
                        "type": {"type": "string", "const": "Point"},
                        "coordinates": {
                            "description": "Longitude, then latitude (RFC 7946).",
                            "type": "array",
                            "prefixItems": [
                                {"type": "number", "minimum": -180, "maximum": 180},
                                {"type": "number", "minimum": -90, "maximum": 90},
                            ],
                            "items": {"type": "number"},
                            "minItems": 2,
                            "maxItems": 2,
                        },
                    },
                },
                "properties": ref("PartnerFeatureProperties"),
            },
        },
        "PartnerFeatureProperties": {
            "type": "object",
            "description": "The city, in `locale` (labels in the requested language).",
            "required": [
                "id",
                "name",
                "locale",
                "fallback_from",
                "country_code",
                "country_name",
                "kind",
                "status",
                "year_signed",
                "html_url",
                "detail_url",
            ],
            "properties": {
                "id": {**integer, "description": "Id of the city's page in `locale`."},
                "name": {**string, "description": "The city's name in its page's language."},
                "locale": {**LANGUAGE, "description": "The language of the city's page."},
                "fallback_from": {
                    **nullable(LANGUAGE),
                    "description": "Set when the city is not translated into `locale`.",
                },
                "country_code": {**string, "description": "ISO 3166-1 alpha-2."},
                "country_name": {**string, "description": "In the requested language."},
                "region": string,
                "kind": {"type": "string", "enum": list(PartnershipKind.values)},
                "kind_label": {**string, "description": "In the requested language."},
                "status": {"type": "string", "enum": list(PartnershipStatus.values)},
                "status_label": {**string, "description": "In the requested language."},
                "year_signed": {
                    **nullable(integer),
                    "description": "Year the partnership was signed.",
                },
                "wikidata_id": nullable(string),
                "html_url": {**nullable(url), "description": "The city's page on the site."},
                "detail_url": {**url, "description": "The city in the API (`/pages/{id}/`)."},
                "calendar_url": {**url, "description": "The partnership's calendar (.ics)."},
            },
            "additionalProperties": False,
        },
        "PartnerFeatureCollection": {
            "type": "object",
            "required": ["type", "features"],
            "properties": {
                "type": {"type": "string", "const": "FeatureCollection"},
                "features": {"type": "array", "items": ref("PartnerFeature")},
            },
        },
        "ChangeList": {
            "type": "object",
            "required": ["meta", "items"],
            "properties": {
                "meta": {
                    "type": "object",
                    "required": ["next", "has_more", "retained_from"],
                    "properties": {
                        "next": {
                            **url,
                            "description": "The URL to poll next (it carries `cursor`).",
                        },
                        "has_more": {
                            **boolean,
                            "description": "`next` already has changes: fetch it now rather "
                            "than at the next poll.",
                        },
                        "retained_from": {
                            **date_time,
                            "description": "Changes are kept from this instant on: `since` "
                            "must not be older.",
                        },
                    },
                    "additionalProperties": False,
                },
                "items": {"type": "array", "items": ref("Change")},
            },
            "additionalProperties": False,
        },
        "Change": {
            "type": "object",
            "required": ["id", "type", "locale", "action", "at", "api_url", "html_url"],
            "properties": {
                "id": {**integer, "description": "Id of the page, actor or theme."},
                "type": {
                    **string,
                    "description": "`app_label.ModelName`: a page type, `twinning.Actor` or "
                    "`twinning.CooperationTheme`.",
                    "examples": ["twinning.PartnerCityPage", "twinning.Actor"],
                },
                "locale": LANGUAGE,
                "action": {
                    "type": "string",
                    "enum": ["published", "updated", "unpublished", "deleted", "moved"],
                },
                "at": date_time,
                "api_url": {
                    **nullable(url),
                    "description": "The item in the API; null once it is gone.",
                },
                "html_url": {
                    **nullable(url),
                    "description": "The item on the site; null once it is gone or when it "
                    "has no page.",
                },
            },
            "additionalProperties": False,
        },
    }


def _schemas(pages: PageSchemas) -> dict:
    schemas = _shared_schemas()
    schemas["PageMeta"] = pages.meta
    schemas.update(pages.schemas)
    schemas["PageItem"] = page_item(pages)
    schemas["PageList"] = _list_of("PageItem")
    return schemas


def _components(pages: PageSchemas) -> dict:
    error = {JSON: {"schema": ref("Error")}}
    return {
        "parameters": _parameters(),
        "schemas": _schemas(pages),
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
            "ContentLanguage": {
                "description": "The language of the content: `locale` when given (items "
                "that fall back say so in their own `locale`), else the source language.",
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
                "content": {JSON: {"schema": ref("NotFound")}},
            },
            "UnknownSite": {
                "description": "No site has the host name `site` gives.",
                "content": {JSON: {"schema": ref("NotFound")}},
            },
            "Gone": {
                "description": "`since` (or `cursor`) is older than the changes kept: `parameter` names it; read the full lists again, then ask for the changes since then.",
                "content": error,
            },
            "NotModified": {"description": "Not modified since the `ETag`/date sent."},
        },
    }


def _get(
    summary: str,
    description: str,
    parameters: list[params.Parameter],
    responses: dict,
    tag: str,
    example: str = "",
):
    """A GET operation; ``example`` is a query string the docs page offers to try."""
    operation = {
        "tags": [tag],
        "summary": summary,
        "description": description,
        "parameters": [_ref_of(parameter.key, "parameters") for parameter in parameters],
        "responses": responses,
    }
    if example:
        operation["x-example-query"] = example
    return {"get": operation}


def _operation_id(path: str) -> str:
    words = [word for word in path.replace(".", "_").replace("{", "").split("/") if word]
    return "_".join(words).replace("}", "").replace("-", "_") or "root"


def _paths() -> dict:
    calendar = {"type": "string", "contentMediaType": "text/calendar"}
    paths = {
        "/pages/": _get(
            "Pages",
            "Published pages, in the reader's language with `locale`. Each item's `type` "
            "says which fields it may carry. Lists show a few fields by default; `fields` "
            "adds more (`fields=*` for all).",
            params.PAGE_LIST,
            {
                "200": _json(ref("PageList"), "A page of results."),
                **_ERRORS,
                "404": _ref_of("UnknownSite", "responses"),
            },
            "Pages",
            example="type=twinning.PartnerCityPage&locale=de&fallback=true",
        ),
        "/pages/{id}/": _get(
            "A page",
            "Every field of a published page: partner cities with their history, stories "
            "with their partner cities.",
            params.ITEM_DETAIL,
            {"200": _json(ref("PageItem"), "The page."), **_ERRORS, **_NOT_FOUND},
            "Pages",
        ),
        "/images/": _get(
            "Images",
            "Images outside private collections.",
            params.MEDIA_LIST,
            {"200": _json(ref("MediaList"), "A page of results.", content=False), **_ERRORS},
            "Media",
        ),
        "/images/{id}/": _get(
            "An image",
            "An image outside private collections.",
            params.ITEM_DETAIL,
            {
                "200": _json(ref("MediaItem"), "The image.", content=False),
                **_ERRORS,
                **_NOT_FOUND,
            },
            "Media",
        ),
        "/documents/": _get(
            "Documents",
            "Documents outside private collections.",
            params.MEDIA_LIST,
            {"200": _json(ref("MediaList"), "A page of results.", content=False), **_ERRORS},
            "Media",
        ),
        "/documents/{id}/": _get(
            "A document",
            "A document outside private collections.",
            params.ITEM_DETAIL,
            {
                "200": _json(ref("MediaItem"), "The document.", content=False),
                **_ERRORS,
                **_NOT_FOUND,
            },
            "Media",
        ),
        "/actors/": _get(
            "Actors",
            "The territory's associations, schools, universities... that work with partner "
            "cities. With `locale`, those written or translated in that language; "
            "`fallback=true` adds the others in the source language. Partner cities and "
            "themes come in the actor's language; `email` only when the actor consented.",
            params.ACTOR_LIST,
            {"200": _json(ref("ActorList"), "A page of results."), **_ERRORS},
            "Actors",
            example="locale=de&fallback=true&partner=Q3806",
        ),
        "/actors/{id}/": _get(
            "An actor",
            "One actor, in the language it is written in.",
            params.ACTOR_DETAIL,
            {"200": _json(ref("Actor"), "The actor."), **_ERRORS, **_NOT_FOUND},
            "Actors",
        ),
        "/partners.geojson": _get(
            "Map of the partner cities",
            "Every partner city as a GeoJSON point (RFC 7946, longitude first). Cities not "
            "translated into `locale` come in the source language unless `fallback=false`; "
            "labels are in the requested language.",
            params.MAP,
            {
                "200": _response(
                    "application/geo+json",
                    ref("PartnerFeatureCollection"),
                    "A FeatureCollection.",
                ),
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
            params.FEED,
            {
                "200": _response(
                    "application/atom+xml",
                    {"type": "string", "contentMediaType": "application/atom+xml"},
                    "An Atom feed.",
                ),
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
            "language of the page `id`.",
            params.PARTNER_CALENDAR,
            {
                "200": _response("text/calendar", calendar, "A calendar."),
                **_ERRORS,
                **_NOT_FOUND,
            },
            "Partner cities",
        ),
        "/events.ics": _get(
            "Calendar of events",
            "An iCalendar file (RFC 5545) of every event, upcoming or of the past year, in "
            "`locale` (default: the source language). Timed events are in UTC, all-day "
            "events are dates; UIDs are stable across languages.",
            params.EVENTS_CALENDAR,
            {"200": _response("text/calendar", calendar, "A calendar."), **_ERRORS},
            "Partner cities",
            example="locale=de",
        ),
        "/changes/": _get(
            "Changes",
            "What was published, updated, unpublished, moved or deleted, oldest first: "
            "poll `meta.next` to keep a copy up to date without reading every list again. "
            "Start with `since`, then follow `meta.next` (fetch it at once while "
            "`meta.has_more`).",
            params.CHANGES,
            {
                "200": _json(ref("ChangeList"), "Changes, oldest first."),
                **_ERRORS,
                "410": _ref_of("Gone", "responses"),
            },
            "Changes",
            example="since=2026-01-01T00:00:00Z",
        ),
        "/openapi.json": _get(
            "This description",
            "The OpenAPI 3.1 description of the API.",
            [],
            {"200": _json({"type": "object"}, "The OpenAPI document.", content=False)},
            "About",
        ),
        "/docs/": _get(
            "Documentation",
            "This description as a web page.",
            [],
            {
                "200": _response(
                    "text/html",
                    {"type": "string", "contentMediaType": "text/html"},
                    "An HTML page.",
                    content=False,
                )
            },
            "About",
        ),
    }
    for path, item in paths.items():
        item["get"]["operationId"] = _operation_id(path)
    return paths


# The partner exchange (twinning.partners) ---------------------------------------------------
#
# Its endpoints answer one partner each, with its token; its webhooks are what the site
# POSTs to partners. Both appear only where the host installed the app, as its URLs do.

PARTNER_TAG = "Partner exchange"
PO = "text/x-gettext-translation"
#: Clients that cannot send text/x-gettext-translation (openapi-python-client among them)
#: send the same bytes as a binary body: the file is read whatever its Content-Type.
PO_AS_BYTES = "application/octet-stream"
BEARER = [{"bearerAuth": []}]
WEBHOOK_HEADERS = ("Twinning-Event-Id", "Twinning-Timestamp", "Twinning-Signature")

PARTNER_PAGE_ID = params.Parameter(
    "partner_page_id",
    "page_id",
    "Id of the live page, in any of its languages (the file is made from its source).",
    {"type": "integer", "minimum": 0},
    location="path",
)
PARTNER_LOCALE = params.Parameter(
    "partner_locale",
    "locale",
    "The language to translate into: one of the partner's languages, as its code on this "
    "site (see `languages` in `/partner/`).",
    {"type": "string", "pattern": r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"},
    example="de",
    location="path",
)


def _snippet_models() -> str:
    from twinning.partners.contributions import SNIPPET_MODELS, label

    return ", ".join(f"`{label(model)}`" for model in SNIPPET_MODELS.values())


SNIPPET_MODEL = params.Parameter(
    "snippet_model",
    "model",
    lambda: f"The snippet's type, `app_label.ModelName` (case-insensitive): {_snippet_models()}.",
    example="twinning.Actor",
    location="path",
)
SNIPPET_ID = params.Parameter(
    "snippet_object_id",
    "object_id",
    "Id of the snippet, in any of its languages.",
    {"type": "integer", "minimum": 0},
    location="path",
)


def _delivery_statuses() -> list[str]:
    from twinning.partners.models import WebhookDelivery

    return list(WebhookDelivery.Status.values)


DELIVERY_STATUS = params.Parameter(
    "delivery_status",
    "status",
    lambda: (
        "Only deliveries with this status: "
        + ", ".join(f"`{status}`" for status in _delivery_statuses())
        + "."
    ),
    lambda: {"type": "string", "enum": _delivery_statuses()},
)

#: The partner exchange's parameters, by endpoint.
PARTNER_WEBHOOKS = [params.LIMIT, params.OFFSET, DELIVERY_STATUS]
PARTNER_TRANSLATION = [PARTNER_PAGE_ID, PARTNER_LOCALE]
PARTNER_SNIPPET_TRANSLATION = [SNIPPET_MODEL, SNIPPET_ID, PARTNER_LOCALE]


def partner_exchange_installed() -> bool:
    return apps.is_installed("twinning.partners")


def _event_types() -> tuple[list[str], str]:
    """The event types, and a line per type saying when it is sent."""
    from django.utils import translation

    from twinning.partners.events import EventType

    with translation.override("en"):
        lines = "; ".join(f"`{value}`: {label}" for value, label in EventType.choices)
    return list(EventType.values), lines


def _partner_schemas() -> dict:
    from twinning.partners.events import SUBSCRIBABLE
    from twinning.partners.models import TranslationContribution

    string, integer, boolean = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
    url = {"type": "string", "format": "uri"}
    date_time = {"type": "string", "format": "date-time"}
    uuid = {"type": "string", "format": "uuid"}
    event_types, event_lines = _event_types()
    statuses = list(TranslationContribution.Status.values)
    return {
        "PartnerAccount": {
            "type": "object",
            "description": "The account a token belongs to: what the site sends its partner, "
            "and where.",
            "required": [
                "partner",
                "contact_name",
                "languages",
                "events",
                "webhook_url",
                "active",
                "token",
            ],
            "properties": {
                "partner": {
                    "type": "object",
                    "description": "The partner city's page.",
                    "required": ["id", "title", "wikidata_id", "api_url", "html_url"],
                    "properties": {
                        "id": integer,
                        "title": string,
                        "wikidata_id": nullable(string),
                        "api_url": nullable(url),
                        "html_url": nullable(url),
                    },
                    "additionalProperties": False,
                },
                "contact_name": string,
                "languages": {
                    "type": "array",
                    "items": LANGUAGE,
                    "description": "The languages the partner receives events in and may send "
                    "translations into.",
                },
                "events": {
                    "type": "array",
                    "items": {"type": "string", "enum": [str(value) for value in SUBSCRIBABLE]},
                    "description": "The webhook events wanted; empty for all of them.",
                },
                "webhook_url": {
                    **string,
                    "description": "Where events are POSTed; empty when none is set.",
                },
                "active": boolean,
                "token": {
                    "type": "object",
                    "description": "The token of this request (never the token itself).",
                    "required": ["prefix", "created_at", "expires_at", "last_used_at"],
                    "properties": {
                        "prefix": {**string, "description": "The token's first characters."},
                        "created_at": date_time,
                        "expires_at": {
                            **nullable(date_time),
                            "description": "Set once the token was rotated: it keeps working "
                            "until then.",
                        },
                        "last_used_at": nullable(date_time),
                    },
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
        },
        "WebhookEvent": {
            "type": "object",
            "description": "What the site POSTs to a partner's webhook URL. The same event keeps "
            "its `id` on every try: receivers handle each `id` once.",
            "required": ["id", "type", "occurred_at", "partner", "page"],
            "properties": {
                "id": {**uuid, "description": "The event's id (`Twinning-Event-Id`)."},
                "type": {"type": "string", "enum": event_types, "description": event_lines},
                "occurred_at": date_time,
                "partner": {
                    "type": "object",
                    "description": "The partner city the event is sent to.",
                    "required": ["id", "wikidata_id", "title"],
                    "properties": {
                        "id": {**integer, "description": "Id of the partner city's page."},
                        "wikidata_id": nullable(string),
                        "title": string,
                    },
                    "additionalProperties": False,
                },
                "page": {
                    **nullable(ref("WebhookPage")),
                    "description": "The page the event is about; null for `ping`.",
                },
                "contribution": {
                    **ref("WebhookContribution"),
                    "description": "Only in `contribution.*` events: the translation the "
                    "partner sent, as reviewed.",
                },
            },
            "additionalProperties": False,
        },
        "WebhookPage": {
            "type": "object",
            "required": ["id", "type", "locale", "api_url", "html_url"],
            "properties": {
                "id": {**integer, "description": "Id of the page (or snippet) in `locale`."},
                "type": {
                    **string,
                    "description": "`app_label.ModelName`: a page type, or a snippet's.",
                    "examples": ["twinning.ExchangeStoryPage"],
                },
                "locale": LANGUAGE,
                "api_url": {
                    **nullable(url),
                    "description": "The page in the API; null once unpublished or deleted.",
                },
                "html_url": {
                    **nullable(url),
                    "description": "The page on the site; null once unpublished or deleted.",
                },
            },
            "additionalProperties": False,
        },
        "WebhookContribution": {
            "type": "object",
            "required": ["id", "status", "comment"],
            "properties": {
                "id": integer,
                "status": {"type": "string", "enum": ["approved", "changes_requested"]},
                "comment": {**string, "description": "The reviewer's comment (may be empty)."},
            },
            "additionalProperties": False,
        },
        "WebhookDelivery": {
            "type": "object",
            "description": "One event sent to the partner, and how its delivery went.",
            "required": [
                "event_id",
                "type",
                "status",
                "attempts",
                "created_at",
                "last_attempt_at",
                "next_attempt_at",
                "response_code",
                "duration_ms",
                "error",
                "event",
            ],
            "properties": {
                "event_id": uuid,
                "type": {"type": "string", "enum": event_types},
                "status": {
                    "type": "string",
                    "enum": _delivery_statuses(),
                    "description": "`pending` (to be tried, or tried again at "
                    "`next_attempt_at`), `succeeded`, or `failed` (no try is left).",
                },
                "attempts": {**integer, "description": "Tries so far."},
                "created_at": date_time,
                "last_attempt_at": nullable(date_time),
                "next_attempt_at": nullable(date_time),
                "response_code": {
                    **nullable(integer),
                    "description": "The status the receiver answered on the last try.",
                },
                "duration_ms": nullable(integer),
                "error": {**string, "description": "Why the last try failed; empty if it did not."},
                "event": ref("WebhookEvent"),
            },
            "additionalProperties": False,
        },
        "WebhookLog": _list_of("WebhookDelivery"),
        "ContributionReceived": _contribution_received("page", statuses),
        "SnippetContributionReceived": _contribution_received("snippet", statuses),
        "PartnerError": {
            "type": "object",
            "required": ["message"],
            "properties": {
                "message": {**string, "description": "In the response's language."},
                "problems": {
                    "type": "array",
                    "items": string,
                    "description": "What to correct in the file, one item per problem.",
                },
            },
            "additionalProperties": False,
        },
    }


def _contribution_received(kind: str, statuses: list[str]) -> dict:
    """The answer to a translation sent back: what was received, under ``kind``."""
    integer, string = {"type": "integer"}, {"type": "string"}
    translated = {"id": integer, "locale": LANGUAGE, "title": string}
    if kind == "snippet":
        translated = {"type": {**string, "examples": ["twinning.Actor"]}, **translated}
    return {
        "type": "object",
        "required": ["message", "contribution"],
        "properties": {
            "message": {**string, "description": "In the response's language."},
            "contribution": {
                "type": "object",
                "required": ["id", "status", kind, "strings"],
                "properties": {
                    "id": integer,
                    "status": {
                        "type": "string",
                        "enum": statuses,
                        "description": "`in_review` on arrival.",
                    },
                    kind: {
                        "type": "object",
                        "description": f"The {kind} translated, in the language of the file.",
                        "required": list(translated),
                        "properties": translated,
                        "additionalProperties": False,
                    },
                    "strings": {
                        **integer,
                        "description": "Translated strings taken from the file.",
                    },
                },
                "additionalProperties": False,
            },
        },
        "additionalProperties": False,
    }


def _partner_error(description: str, *, headers: dict | None = None) -> dict:
    response = {"description": description, "content": {JSON: {"schema": ref("PartnerError")}}}
    if headers:
        response["headers"] = headers
    return response


def _partner_components() -> dict:
    per_hour = conf.get("PARTNER_UPLOADS_PER_HOUR")
    return {
        "securitySchemes": {
            "bearerAuth": {
                "type": "http",
                "scheme": "bearer",
                "description": "A partner's API token, given once when its account is made "
                "or its token rotated: `Authorization: Bearer <token>`. It opens only the "
                "partner exchange's endpoints; everything else is public.",
            }
        },
        "headers": {
            "PrivateCacheControl": {
                "description": "`private, no-store`: the partner's own data, never cached.",
                "schema": {"type": "string"},
            },
            "WWWAuthenticate": {
                "description": "`Bearer`: send the token as `Authorization: Bearer <token>`.",
                "schema": {"type": "string"},
            },
            "RetryAfter": {
                "description": "Seconds to wait before sending again.",
                "schema": {"type": "integer", "minimum": 0},
            },
            "ContentDisposition": {
                "description": "`attachment`, with the file's name.",
                "schema": {"type": "string"},
            },
        },
        "responses": {
            "Unauthorized": _partner_error(
                "No token, or one that is unknown, expired or revoked, or the partner's account "
                "is inactive.",
                headers={"WWW-Authenticate": _ref_of("WWWAuthenticate", "headers")},
            ),
            "NotConcerned": _partner_error(
                "The page (or snippet) does not concern the partner, or the language is not one "
                "of the partner's languages."
            ),
            "NoSuchTranslatable": _partner_error(
                "No such live page or snippet, or no such language on the site."
            ),
            "InvalidFile": _partner_error(
                "The file is not a valid PO file, or some translations are erroneous: "
                "`problems` lists them. Nothing was saved."
            ),
            "StaleSource": _partner_error(
                "The file was made from an older version of the source: GET a new one and "
                "translate it. Nothing was saved."
            ),
            "TooLarge": _partner_error(
                "The file is larger than {:,} bytes. Nothing was saved.".format(
                    conf.get("PARTNER_UPLOAD_MAX_BYTES")
                )
            ),
            "TooManyUploads": _partner_error(
                f"More than {per_hour} files sent in an hour: send it again after `Retry-After` "
                "seconds. Nothing was saved.",
                headers={"Retry-After": _ref_of("RetryAfter", "headers")},
            ),
        },
    }


def _private_json(schema: dict, description: str) -> dict:
    return {
        "description": description,
        "headers": {"Cache-Control": _ref_of("PrivateCacheControl", "headers")},
        "content": {JSON: {"schema": schema}},
    }


def _partner_operation(
    operation_id: str,
    summary: str,
    description: str,
    parameters: list[params.Parameter],
    responses: dict,
) -> dict:
    return {
        "tags": [PARTNER_TAG],
        "summary": summary,
        "description": description,
        "operationId": operation_id,
        "security": BEARER,
        "parameters": [_ref_of(parameter.key, "parameters") for parameter in parameters],
        "responses": dict(
            sorted({**responses, "401": _ref_of("Unauthorized", "responses")}.items())
        ),
    }


def _translation_path(
    kind: str,
    concerning: str,
    operation_id: str,
    parameters: list[params.Parameter],
    received: str,
) -> dict:
    """GET the PO file of a ``kind`` (page or snippet), PUT it back translated."""
    refused = {
        "403": _ref_of("NotConcerned", "responses"),
        "404": _ref_of("NoSuchTranslatable", "responses"),
    }
    po_text = {"type": "string", "contentMediaType": PO}
    return {
        "get": _partner_operation(
            operation_id,
            f"The PO file of a {kind}",
            f"The {kind}'s text to translate into `locale`, as a gettext PO file (translations "
            f"already made are filled in). The {kind} must concern the partner ({concerning}), "
            "and `locale` be one of the partner's languages. Translate it with any PO editor "
            "and PUT it back to the same URL.",
            parameters,
            {
                "200": {
                    "description": "The PO file (UTF-8).",
                    "headers": {
                        "Cache-Control": _ref_of("PrivateCacheControl", "headers"),
                        "Content-Disposition": _ref_of("ContentDisposition", "headers"),
                    },
                    "content": {PO: {"schema": po_text}},
                },
                **refused,
            },
        ),
        "put": _partner_operation(
            f"send_{operation_id}",
            f"Send a {kind}'s translation",
            f"The PO file, translated: the body is the file itself. It becomes a draft "
            f"translation of the {kind}, submitted to the site's review (never published "
            "directly), with the partner named as its contributor; the partner's webhook "
            "receives the reviewer's decision (`contribution.approved`, "
            "`contribution.changes_requested`). A refusal saves nothing.",
            parameters,
            {
                "202": _private_json(ref(received), "Received, awaiting review."),
                "400": _ref_of("InvalidFile", "responses"),
                **refused,
                "409": _ref_of("StaleSource", "responses"),
                "413": _ref_of("TooLarge", "responses"),
                "429": _ref_of("TooManyUploads", "responses"),
            },
        )
        | {
            "requestBody": {
                "required": True,
                "description": "The PO file, UTF-8 (as `application/octet-stream` for clients "
                "that cannot send another type).",
                "content": {
                    PO: {"schema": po_text},
                    PO_AS_BYTES: {"schema": {"type": "string", "format": "binary"}},
                },
            }
        },
    }


def _partner_paths() -> dict:
    return {
        "/partner/": {
            "get": _partner_operation(
                "partner",
                "The partner's account",
                "Who the token belongs to: the partner city, its languages, the events it "
                "receives and where, and the token's dates.",
                [],
                {"200": _private_json(ref("PartnerAccount"), "The account.")},
            )
        },
        "/partner/webhooks/": {
            "get": _partner_operation(
                "partner_webhooks",
                "The partner's webhook log",
                "The events sent to the partner, newest first, with each delivery's status, "
                "last response and next try, and the event as sent.",
                PARTNER_WEBHOOKS,
                {
                    "200": _private_json(ref("WebhookLog"), "A page of deliveries."),
                    "400": _ref_of("BadRequest", "responses"),
                },
            )
        },
        "/partner/translations/{page_id}/{locale}.po": _translation_path(
            "page",
            "the partner city's own page, the stories, events and calls naming it, calls "
            "naming no city",
            "partner_translation_po",
            PARTNER_TRANSLATION,
            "ContributionReceived",
        ),
        "/partner/translations/snippets/{model}/{object_id}/{locale}.po": _translation_path(
            "snippet",
            "related to the partner city, as the actors working with it",
            "partner_snippet_translation_po",
            PARTNER_SNIPPET_TRANSLATION,
            "SnippetContributionReceived",
        ),
    }


def _webhooks() -> dict:
    timeout = conf.get("WEBHOOK_TIMEOUT")
    tries = conf.get("WEBHOOK_MAX_ATTEMPTS")
    header = {"type": "string"}
    return {
        "partnerEvent": {
            "post": {
                "tags": [PARTNER_TAG],
                "operationId": "partner_event",
                "summary": "An event, POSTed to the partner's webhook URL",
                "description": (
                    "When content concerning the partner changes, in one of its languages, "
                    "the site POSTs the event to the partner's webhook URL (only the event "
                    "types it asked for; `ping` when an editor sends a test event).\n\n"
                    "Verify the signature before anything else: compute the HMAC-SHA256, "
                    "keyed with the partner's webhook secret, of the `Twinning-Timestamp` "
                    "value, a dot, and the raw body as received (`<timestamp>.<body>`), in "
                    "hexadecimal; it must equal the value after `v1=` in "
                    "`Twinning-Signature` (compare in constant time). Reject a timestamp "
                    "more than 5 minutes old: it is a replay.\n\n"
                    f"Answer with any 2xx within {timeout} seconds to acknowledge. Anything "
                    "else (another status, a timeout, a refused connection) is retried, with "
                    f"exponential backoff, up to {tries} tries over about a day. Delivery is "
                    "at least once: an event may arrive more than once, always with the same "
                    "`id`, so handle each `id` once."
                ),
                "parameters": [
                    {
                        "name": "Twinning-Event-Id",
                        "in": "header",
                        "required": True,
                        "description": "The event's `id`: the same on every try.",
                        "schema": {**header, "format": "uuid"},
                    },
                    {
                        "name": "Twinning-Timestamp",
                        "in": "header",
                        "required": True,
                        "description": "When this try was signed, in Unix seconds.",
                        "schema": {**header, "pattern": r"^\d+$"},
                        "example": "1796648400",
                    },
                    {
                        "name": "Twinning-Signature",
                        "in": "header",
                        "required": True,
                        "description": "`v1=` and the hexadecimal HMAC-SHA256 of "
                        "`<Twinning-Timestamp>.<raw body>` keyed with the webhook secret.",
                        "schema": {**header, "pattern": "^v1=[0-9a-f]{64}$"},
                    },
                    {
                        "name": "User-Agent",
                        "in": "header",
                        "required": True,
                        "description": "`Twinning-Webhooks/1`.",
                        "schema": header,
                    },
                ],
                "requestBody": {
                    "required": True,
                    "content": {JSON: {"schema": ref("WebhookEvent")}},
                },
                "responses": {
                    "2XX": {"description": "Acknowledged: the event is not sent again."},
                    "default": {"description": "Not acknowledged: the event is sent again."},
                },
            }
        }
    }


def add_partner_exchange(document: dict) -> None:
    """The partner exchange's endpoints, security scheme and webhook, in ``document``."""
    components = document["components"]
    for parameter in [*PARTNER_WEBHOOKS, *PARTNER_TRANSLATION, *PARTNER_SNIPPET_TRANSLATION]:
        components["parameters"][parameter.key] = parameter.openapi()
    components["schemas"].update(_partner_schemas())
    for kind, objects in _partner_components().items():
        components.setdefault(kind, {}).update(objects)
    document["paths"].update(_partner_paths())
    document["webhooks"] = _webhooks()
    document["tags"].append(
        {
            "name": PARTNER_TAG,
            "description": "A partner city's own endpoints, with its token: its account, its "
            "webhook log, and translations it sends back. And the events POSTed to it.",
        }
    )
    document["info"]["description"] += (
        " Partner cities with an account also have endpoints of their own (marked with "
        "`bearerAuth`), opened by their token, `Authorization: Bearer <token>`; their answers "
        'are private and never cached; their errors are JSON `{"message", "problems"}`.'
    )


def pages_endpoint(router=None):
    """The viewset serving ``/pages/`` on ``router`` (the plugin's when it has none)."""
    from wagtail.models import Page

    from twinning.api.views import PartnerPagesAPIViewSet

    endpoint = router.get_model_endpoint(Page) if router is not None else None
    return endpoint[1] if endpoint else PartnerPagesAPIViewSet


def openapi_document(server_url: str, router=None, *, partner_exchange: bool | None = None) -> dict:
    """The OpenAPI document, with its server URL (the API's absolute base); with the
    partner exchange's endpoints and webhook if ``partner_exchange`` (by default, when
    twinning.partners is installed)."""
    site_name = getattr(settings, "WAGTAIL_SITE_NAME", "")
    components = _components(page_schemas(pages_endpoint(router), set(_shared_schemas())))
    document = {
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
                'Errors are JSON: `{"message", "parameter"}` (400, 410) or `{"message"}` '
                "(404), in the response's language. Responses carry `ETag` and "
                "`Last-Modified`: revalidate with `If-None-Match` or `If-Modified-Since`. "
                "Partner origins may call it from browsers (CORS, GET)."
            ),
        },
        "servers": [{"url": server_url}],
        "tags": [
            {"name": "Pages", "description": "Pages in every language (Wagtail API v2)."},
            {"name": "Partner cities", "description": "Map, feed and calendars."},
            {"name": "Actors", "description": "The territory's actors working abroad."},
            {"name": "Media", "description": "Public images and documents."},
            {"name": "Changes", "description": "What changed since a given moment."},
            {"name": "About", "description": "This description."},
        ],
        "paths": _paths(),
        "components": components,
    }
    if partner_exchange is None:
        partner_exchange = partner_exchange_installed()
    if partner_exchange:
        add_partner_exchange(document)
    return document


def server_url(request: HttpRequest) -> str:
    """The API's absolute base URL, from where the router is mounted."""
    namespace = request.wagtailapi_router.url_namespace
    return base_url(request, api=True) + reverse(f"{namespace}:openapi").rsplit("/", 1)[0]


@require_safe
def openapi_json(request: HttpRequest) -> JsonResponse:
    document = openapi_document(server_url(request), request.wagtailapi_router)
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})
