"""An Atom feed (RFC 4287) of exchange stories in one language, optionally for one partner.

``type`` adds events and calls for projects (``type=stories,events,calls``; default:
stories). Entries of every type come newest first by the date they are about: the day a
story tells of, an event's start, a call's opening.

Entry ids are stable URNs derived from the story's translation key and language, so a
story keeps its id when its title or address changes; each entry links the story's other
live translations with ``hreflang``.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from twinning.absolute_urls import URLBuilder
from twinning.api.errors import BadRequest, json_errors
from twinning.api.filters import concerning_q, resolve_partner
from twinning.api.languages import (
    in_locale,
    live_translations,
    locales,
    parse_boolean,
    parse_locale,
    source_locale,
)
from twinning.api.params import reject_unknown
from twinning.api.site_state import scope
from twinning.models import (
    EventPage,
    ExchangeStoryIndexPage,
    ExchangeStoryPage,
    PartnerCityPage,
    ProjectCallPage,
)
from twinning.public.visibility import visible_pages

PARAMETERS = {"locale", "fallback", "partner", "type"}
#: The feed's ``type`` values, the page type of each, and the date its entries sort by.
ENTRY_TYPES = {
    "stories": (ExchangeStoryPage, "date"),
    "events": (EventPage, "start"),
    "calls": (ProjectCallPage, "opens_at"),
}
DEFAULT_TYPES = ("stories",)
#: Entries in the feed: the newest stories.
FEED_SIZE = 50


def parse_types(request: HttpRequest) -> tuple[str, ...]:
    """The ``type`` values (comma-separated), in a fixed order; a 400 naming an unknown one."""
    raw = request.GET.get("type")
    if raw is None:
        return DEFAULT_TYPES
    values = {value.strip() for value in raw.split(",") if value.strip()}
    unknown = sorted(values - set(ENTRY_TYPES))
    if unknown or not values:
        raise BadRequest(
            _("Unknown type %(value)r: use stories, events or calls, separated by commas.")
            % {"value": ",".join(unknown) or raw},
            "type",
        )
    return tuple(name for name in ENTRY_TYPES if name in values)


def _sort_moment(page) -> datetime.datetime:
    value = getattr(page, "date", None) if isinstance(page, ExchangeStoryPage) else None
    if value is not None:
        return datetime.datetime.combine(value, datetime.time(), tzinfo=datetime.UTC)
    for name in ("start", "opens_at"):
        if getattr(page, name, None) is not None:
            return getattr(page, name)
    return page.first_published_at or datetime.datetime.min.replace(tzinfo=datetime.UTC)


def entry_id(translation_key, language: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.UUID(str(translation_key)), language)}"


class StoriesAtomFeed(Atom1Feed):
    """Atom with ``hreflang`` alternates for each entry's other translations."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for alternate in item.get("alternates", ()):
            handler.addQuickElement(
                "link",
                "",
                {
                    "rel": "alternate",
                    "type": "text/html",
                    "hreflang": alternate["hreflang"],
                    "href": alternate["href"],
                },
            )


@dataclass
class FeedRequest:
    request: HttpRequest
    locale: Locale
    partner: PartnerCityPage | None
    urls: URLBuilder
    stories: list = field(default_factory=list)
    languages: dict = field(default_factory=dict)
    alternates: dict = field(default_factory=dict)
    types: tuple[str, ...] = DEFAULT_TYPES


class StoriesFeed(Feed):
    feed_type = StoriesAtomFeed

    def __call__(self, request, *args, **kwargs):
        locale = parse_locale(request) or source_locale(request)
        with translation.override(locale.language_code):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs) -> FeedRequest:
        reject_unknown(request, PARAMETERS)
        locale = parse_locale(request) or source_locale(request)
        fallback = parse_boolean(request, "fallback")
        raw_partner = request.GET.get("partner")
        partner = resolve_partner(request, raw_partner) if raw_partner is not None else None
        types = parse_types(request)
        stories = []
        for name in types:
            model, date_field = ENTRY_TYPES[name]
            pages = in_locale(
                visible_pages(scope(request), model), request, locale, fallback=fallback
            )
            if partner is not None:
                pages = pages.filter(concerning_q(partner))
            stories += pages.order_by(f"-{date_field}", "-pk")[:FEED_SIZE]
        stories = sorted(stories, key=lambda page: (_sort_moment(page), page.pk), reverse=True)
        stories = stories[:FEED_SIZE]
        feed = FeedRequest(request, locale, partner, URLBuilder(request), stories, types=types)
        feed.languages = {pk: loc.language_code for pk, loc in locales(request).items()}
        for key, versions in live_translations(request, stories).items():
            feed.alternates[key] = versions
        if partner is not None:
            localized = (
                visible_pages(scope(request), PartnerCityPage)
                .filter(translation_key=partner.translation_key, locale=locale)
                .first()
            )
            feed.partner = localized or partner
        return feed

    def title(self, obj: FeedRequest) -> str:
        site = getattr(settings, "WAGTAIL_SITE_NAME", "")
        if obj.types != DEFAULT_TYPES:
            if obj.partner is not None:
                return _("News of the partnership with %(city)s — %(site)s") % {
                    "city": obj.partner.title,
                    "site": site,
                }
            return _("International news — %(site)s") % {"site": site}
        if obj.partner is not None:
            return _("Exchange stories with %(city)s — %(site)s") % {
                "city": obj.partner.title,
                "site": site,
            }
        return _("Exchange stories — %(site)s") % {"site": site}

    def subtitle(self, obj: FeedRequest) -> str:
        return _("Stories of exchanges with the partner cities.")

    def link(self, obj: FeedRequest) -> str:
        index = (
            visible_pages(scope(obj.request), ExchangeStoryIndexPage)
            .filter(locale=obj.locale)
            .first()
        )
        if obj.partner is not None:
            return obj.urls.page_url(obj.partner) or obj.urls.absolute("/")
        return (obj.urls.page_url(index) if index else None) or obj.urls.absolute("/")

    def feed_url(self, obj: FeedRequest) -> str:
        return obj.urls.absolute(obj.request.get_full_path())

    def feed_guid(self, obj: FeedRequest) -> str:
        kinds = ",".join(obj.types) if obj.types != DEFAULT_TYPES else "stories"
        scope = f"{kinds}:{obj.locale.language_code}:{obj.partner.translation_key if obj.partner else ''}"
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, scope)}"

    def author_name(self, obj: FeedRequest) -> str:
        return getattr(settings, "WAGTAIL_SITE_NAME", "") or obj.urls.base

    def author_link(self, obj: FeedRequest) -> str:
        return obj.urls.absolute("/")

    def items(self, obj: FeedRequest):
        return [(obj, story) for story in obj.stories]

    def item_title(self, item) -> str:
        return item[1].title

    def item_description(self, item) -> str:
        return escape(item[1].summary)

    def item_link(self, item) -> str:
        obj, story = item
        return obj.urls.page_url(story)

    def item_guid(self, item) -> str:
        obj, story = item
        return entry_id(story.translation_key, obj.languages[story.locale_id])

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item[1].first_published_at

    def item_updateddate(self, item):
        """Atom requires it: the last publication, else the day the story tells of."""
        story = item[1]
        return story.last_published_at or story.first_published_at or _sort_moment(story)

    def item_extra_kwargs(self, item) -> dict:
        obj, story = item
        alternates = [
            {"hreflang": obj.languages[version.locale_id], "href": obj.urls.page_url(version)}
            for version in obj.alternates.get(story.translation_key, [])
            if version.pk != story.pk
        ]
        return {"alternates": alternates}


stories_feed = require_safe(json_errors(StoriesFeed()))
