"""An Atom feed (RFC 4287) of exchange stories in one language, optionally for one partner.

``type`` adds events and calls for projects (``type=stories,events,calls``; default:
stories). Entries of every type come newest first by the date they are about: the day a
story tells of, an event's start, a call's opening; that date is the entry's
``published``, and its last publication its ``updated``.

Entry ids are stable URNs derived from the story's translation key and language, so a
story keeps its id when its title or address changes; each entry links the story's other
live translations with ``hreflang``. Each entry's ``xml:lang`` is the language of its
text (the source language for a fallback entry); its summary is plain text; its themes
are ``category`` elements (``term`` the theme's identifier, ``label`` its name in the
requested language where translated). An event entry also tells when and where in its
summary, and in the elements of the RSS event module (``ev:startdate``, ``ev:enddate``,
``ev:location``, namespace ``http://purl.org/rss/1.0/modules/event/``).
"""

import datetime
import html
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.db.models import F, OuterRef, Q, Subquery
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, rfc3339_date
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from twinning import cache_tags
from twinning.absolute_urls import URLBuilder
from twinning.api.errors import BadRequest, json_errors
from twinning.api.filters import concerning_q, resolve_partner
from twinning.api.ical import event_location
from twinning.api.languages import (
    in_locale,
    live_translations,
    locales,
    parse_boolean,
    parse_locale,
    set_content_language,
    source_locale,
)
from twinning.api.parameters import FALLBACK, reject_unknown
from twinning.api.site_state import scope
from twinning.models import (
    EventPage,
    ExchangeStoryIndexPage,
    ExchangeStoryPage,
    PartnerCityPage,
    ProjectCallPage,
)
from twinning.models.snippets import CooperationTheme
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
#: The RSS 1.0 event module, read by feed readers that show events.
EVENT_NAMESPACE = "http://purl.org/rss/1.0/modules/event/"


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


def published_moment(page) -> datetime.datetime:
    """The instant an entry is about: a story's day (midnight in the site's time zone), an
    event's start, a call's opening."""
    if isinstance(page, ExchangeStoryPage) and page.date is not None:
        midnight = datetime.datetime.combine(page.date, datetime.time())
        return timezone.make_aware(midnight, timezone.get_default_timezone())
    for name in ("start", "opens_at"):
        if getattr(page, name, None) is not None:
            return getattr(page, name)
    return page.first_published_at or datetime.datetime.min.replace(tzinfo=datetime.UTC)


def entry_id(translation_key, language: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.UUID(str(translation_key)), language)}"


@dataclass
class Landmarks:
    """What the feed's head names, in the requested language."""

    site_name: str
    index: object = None
    partner: object = None


def landmarks_in(request: HttpRequest, locale: Locale, partner) -> Landmarks:
    """The site's name, the stories' index and the partner's page in ``locale`` (one query).

    ``WAGTAIL_SITE_NAME`` is written in the source language: another language takes the
    title of the site's root page published in it, and the name as set when there is none.
    """
    name = getattr(settings, "WAGTAIL_SITE_NAME", "")
    source = source_locale(request)
    roots = scope(request).root_paths or ()
    wanted = Q(content_type=ContentType.objects.get_for_model(ExchangeStoryIndexPage))
    if source is None or source.pk != locale.pk:
        wanted |= Q(path__in=roots)
    if partner is not None:
        wanted |= Q(
            translation_key=partner.translation_key,
            content_type=ContentType.objects.get_for_model(PartnerCityPage),
        )
    found = Landmarks(name)
    pages = (
        visible_pages(scope(request))
        .filter(wanted, locale=locale)
        .only("id", "title", "url_path", "path", "translation_key", "content_type_id")
        .order_by("path")
    )
    for page in pages:
        if page.path in roots:
            found.site_name = page.title or name
        elif partner is not None and page.translation_key == partner.translation_key:
            found.partner = page
        elif found.index is None:
            found.index = page
    return found


def themes_by_page(pages: list, locale: Locale) -> dict[int, list[dict]]:
    """Each page's themes as Atom categories: ``term`` the identifier, ``label`` the name in
    ``locale`` where translated (else its own, with its ``locale_id``). One query for pages
    of every type."""
    ids_by_model: dict = {}
    for page in pages:
        ids_by_model.setdefault(type(page), []).append(page.pk)
    translated = CooperationTheme.objects.filter(
        translation_key=OuterRef("cooperationtheme__translation_key"), locale=locale
    ).values("name")[:1]
    rows = [
        model.themes.through.objects.filter(**{f"{model._meta.model_name}_id__in": ids})
        .annotate(page=F(f"{model._meta.model_name}_id"), translated_name=Subquery(translated))
        .values_list(
            "page",
            "cooperationtheme__sort_order",
            "cooperationtheme__slug",
            "cooperationtheme__name",
            "cooperationtheme__locale_id",
            "translated_name",
        )
        for model, ids in ids_by_model.items()
    ]
    if not rows:
        return {}
    query = rows[0].union(*rows[1:], all=True) if len(rows) > 1 else rows[0]
    found: dict[int, list] = {}
    for page_id, _order, slug, name, locale_id, translated_name in sorted(
        query, key=lambda row: (row[1], row[5] or row[3])
    ):
        found.setdefault(page_id, []).append(
            {
                "term": slug,
                "label": translated_name or name,
                "locale_id": locale.pk if translated_name else locale_id,
            }
        )
    return found


def event_when(page: EventPage) -> str:
    """When an event takes place, as its page shows it, in plain text."""
    return html.unescape(
        strip_tags(render_to_string("twinning/includes/event_when.html", {"event": page}))
    ).strip()


class StoriesAtomFeed(Atom1Feed):
    """Atom whose entries carry their own language, plain-text summaries, themes with
    labels, ``hreflang`` alternates for their other translations and, for events, the
    RSS event module's elements."""

    def root_attributes(self):
        attributes = super().root_attributes()
        if any(item.get("event") for item in self.items):
            attributes["xmlns:ev"] = EVENT_NAMESPACE
        return attributes

    def latest_post_date(self):
        """The feed's ``updated``: its entries' last change (an event may start later)."""
        changes = [item["updateddate"] for item in self.items if item["updateddate"]]
        return max(changes) if changes else super().latest_post_date()

    def item_attributes(self, item):
        return {"xml:lang": item["language"]} if item.get("language") else {}

    def add_item_elements(self, handler, item):
        handler.addQuickElement("title", item["title"])
        handler.addQuickElement("link", "", {"href": item["link"], "rel": "alternate"})
        handler.addQuickElement("published", rfc3339_date(item["pubdate"]))
        handler.addQuickElement("updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("id", item["unique_id"])
        # Plain text (the default type): written once escaped, as XML wants it.
        handler.addQuickElement("summary", item["description"])
        for category in item.get("themes", ()):
            handler.addQuickElement("category", "", category)
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
        event = item.get("event")
        if event:
            handler.addQuickElement("ev:startdate", event["start"])
            handler.addQuickElement("ev:enddate", event["end"])
            if event["location"]:
                handler.addQuickElement("ev:location", event["location"])


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
    site_name: str = ""
    #: The stories' index in the requested language (a record with its URL path), if any.
    index: object = None
    #: Each entry's themes (by page id), named in the requested language where translated.
    themes: dict = field(default_factory=dict)


class StoriesFeed(Feed):
    feed_type = StoriesAtomFeed

    def __call__(self, request, *args, **kwargs):
        locale = parse_locale(request) or source_locale(request)
        with translation.override(locale.language_code):
            response = super().__call__(request, *args, **kwargs)
        set_content_language(response, [locale.language_code])
        return response

    def get_object(self, request, *args, **kwargs) -> FeedRequest:
        reject_unknown(request, PARAMETERS)
        locale = parse_locale(request) or source_locale(request)
        fallback = parse_boolean(request, "fallback", default=FALLBACK.get_default())
        raw_partner = request.GET.get("partner")
        partner = resolve_partner(request, raw_partner) if raw_partner is not None else None
        types = parse_types(request)
        stories = []
        for name in types:
            model, date_field = ENTRY_TYPES[name]
            cache_tags.tag(request, cache_tags.type_tag(model))
            pages = in_locale(
                visible_pages(scope(request), model), request, locale, fallback=fallback
            )
            if partner is not None:
                pages = pages.filter(concerning_q(partner))
            stories += pages.order_by(f"-{date_field}", "-pk")[:FEED_SIZE]
        stories = sorted(stories, key=lambda page: (published_moment(page), page.pk), reverse=True)
        stories = stories[:FEED_SIZE]
        feed = FeedRequest(request, locale, partner, URLBuilder(request), stories, types=types)
        feed.languages = {pk: loc.language_code for pk, loc in locales(request).items()}
        feed.themes = themes_by_page(stories, locale)
        for key, versions in live_translations(request, stories).items():
            feed.alternates[key] = versions
        landmarks = landmarks_in(request, locale, partner)
        feed.site_name = landmarks.site_name
        feed.index = landmarks.index
        feed.partner = landmarks.partner or partner
        return feed

    def title(self, obj: FeedRequest) -> str:
        site = obj.site_name
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
        if obj.partner is not None:
            return obj.urls.page_url(obj.partner) or obj.urls.absolute("/")
        index = obj.index
        return (obj.urls.page_url(index) if index else None) or obj.urls.absolute("/")

    def feed_url(self, obj: FeedRequest) -> str:
        return obj.urls.absolute(obj.request.get_full_path())

    def feed_guid(self, obj: FeedRequest) -> str:
        kinds = ",".join(obj.types) if obj.types != DEFAULT_TYPES else "stories"
        scope = f"{kinds}:{obj.locale.language_code}:{obj.partner.translation_key if obj.partner else ''}"
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, scope)}"

    def author_name(self, obj: FeedRequest) -> str:
        return obj.site_name or obj.urls.base

    def author_link(self, obj: FeedRequest) -> str:
        return obj.urls.absolute("/")

    def items(self, obj: FeedRequest):
        return [(obj, story) for story in obj.stories]

    def item_title(self, item) -> str:
        return item[1].title

    def item_description(self, item) -> str:
        """The summary as written (plain text); an event's first tells when and where."""
        obj, story = item
        if not isinstance(story, EventPage):
            return story.summary
        with translation.override(obj.languages[story.locale_id]):
            facts = " · ".join(part for part in (event_when(story), event_location(story)) if part)
        return "\n\n".join(part for part in (facts, story.summary) if part)

    def item_link(self, item) -> str:
        obj, story = item
        return obj.urls.page_url(story)

    def item_guid(self, item) -> str:
        obj, story = item
        return entry_id(story.translation_key, obj.languages[story.locale_id])

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return published_moment(item[1])

    def item_updateddate(self, item):
        """The last publication (Atom requires it), else the moment the entry is about."""
        story = item[1]
        return story.last_published_at or story.first_published_at or published_moment(story)

    def item_extra_kwargs(self, item) -> dict:
        obj, story = item
        language = obj.languages[story.locale_id]
        alternates = [
            {"hreflang": obj.languages[version.locale_id], "href": obj.urls.page_url(version)}
            for version in obj.alternates.get(story.translation_key, [])
            if version.pk != story.pk
        ]
        themes = []
        for theme in obj.themes.get(story.pk, ()):
            category = {"term": theme["term"], "label": theme["label"]}
            if obj.languages[theme["locale_id"]] != language:
                category["xml:lang"] = obj.languages[theme["locale_id"]]
            themes.append(category)
        extra = {"language": language, "alternates": alternates, "themes": themes}
        if isinstance(story, EventPage):
            extra["event"] = event_moments(story)
        return extra


def event_moments(page: EventPage) -> dict:
    """The RSS event module's values: all-day events by their local dates (the last day
    included), others by their instants in UTC."""
    if page.all_day:
        start, end = page.local_start.date().isoformat(), page.local_end.date().isoformat()
    else:
        start, end = rfc3339_date(page.start), rfc3339_date(page.end)
    return {"start": start, "end": end, "location": event_location(page)}


stories_feed = require_safe(json_errors(StoriesFeed()))
