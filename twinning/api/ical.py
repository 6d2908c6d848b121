"""A partnership's calendar (RFC 5545): its milestones known to the day, as all-day
events, the events the city takes part in, and the calls for projects open to it; and the
site-wide calendar of events (``/events.ics``).

A call for projects that is open or upcoming appears as two all-day events, its opening
day and its closing day (the last day to apply, in the site's time zone): a call lasts
weeks, and a bar across a partner's calendar for all that time would hide the one date
that matters. A call naming no partner city is open to all of them, so it is in every
partner's calendar. A call leaves the calendar when it closes: the response's cache
lifetime stops at the next opening or closing.

``/partners/<id>/calendar.ics`` takes the id of the city's page in any language, or the
city's Wikidata ID (``/partners/Q3806/calendar.ics``); the
milestones come in ``locale`` (default: that page's language), falling back to the
source language when the city is not translated (events and calls too, one by one).
UIDs derive from translation keys: a milestone or an event keeps its UID in every language
and export.

A text in another language than the calendar's (a fallback) carries it in a ``LANGUAGE``
parameter (RFC 5545, 3.2.10) on its SUMMARY, DESCRIPTION and LOCATION; such an item is
written wholly in its own language, labels included. Timed events are in UTC, all-day
events are dates. ``Content-Language`` is the calendar's language.
"""

import datetime
from urllib.parse import urlsplit

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from icalendar import Calendar, Event

from twinning import cache_tags
from twinning.absolute_urls import URLBuilder
from twinning.api.call_boundaries import expire_with_call_statuses
from twinning.api.errors import NotFound, json_errors
from twinning.api.filters import WIKIDATA_ID
from twinning.api.languages import (
    in_locale,
    locales,
    parse_boolean,
    parse_locale,
    set_content_language,
    source_locale,
)
from twinning.api.parameters import CALENDAR_FALLBACK, positive_int, reject_unknown
from twinning.api.site_state import scope
from twinning.models import EventPage, PartnerCityPage, PartnershipMilestone, ProjectCallPage
from twinning.public.visibility import visible_pages

PARAMETERS = {"locale", "fallback"}
EVENTS_PARAMETERS = {"locale", "fallback"}
#: How far back the site-wide calendar of events goes.
PAST_EVENTS = datetime.timedelta(days=365)


def _city_in(request, identifier: str, locale, fallback: bool) -> PartnerCityPage:
    cities = visible_pages(scope(request), PartnerCityPage, aliases=True)
    if WIKIDATA_ID.match(identifier):
        found = cities.filter(wikidata_id=identifier).order_by("alias_of_id", "pk").first()
    else:
        found = cities.filter(pk=positive_int(identifier, "id")).first()
    if found is None:
        raise NotFound(
            _("No published partner city has the id or Wikidata ID %(id)s.") % {"id": identifier}
        )
    versions = {
        city.locale_id: city
        for city in visible_pages(scope(request), PartnerCityPage).filter(
            translation_key=found.translation_key
        )
    }
    wanted = locale.pk if locale else found.locale_id
    source = source_locale(request)
    city = versions.get(wanted)
    if city is None and (fallback or locale is None) and source is not None:
        city = versions.get(source.pk)
    if city is None:
        raise NotFound(
            _("Partner city %(id)s has no published version in %(language)s.")
            % {"id": identifier, "language": locale.language_code if locale else "?"}
        )
    return city


def text_parameters(text_language: str, calendar_language: str) -> dict:
    """``LANGUAGE`` for a text in another language than the calendar's."""
    return {"LANGUAGE": text_language} if text_language != calendar_language else {}


def event_location(page: EventPage) -> str:
    """Where an event takes place: its place and address, else its online link."""
    location = ", ".join(part for part in (page.place_name, page.place_address) if part)
    return location or page.online_url


def milestone_event(
    milestone: PartnershipMilestone,
    city,
    urls: URLBuilder,
    host: str,
    stamp,
    *,
    city_language: str,
    language: str,
):
    """A milestone known to the day; ``language`` is the calendar's."""
    text = text_parameters(city_language, language)
    date = milestone.partial_date.as_date()
    event = Event()
    event.add("uid", f"milestone-{milestone.translation_key}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", date)
    event.add("dtend", date + datetime.timedelta(days=1))
    event.add("summary", milestone.title, parameters=text)
    page_url = urls.page_url(city)
    description = "\n\n".join(part for part in (milestone.description, page_url) if part)
    if description:
        event.add("description", description, parameters=text)
    if page_url:
        event.add("url", page_url)
    with translation.override(city_language):
        event.add("categories", [str(milestone.get_kind_display())], parameters=text)
    event.add("transp", "TRANSPARENT")
    event.add("class", "PUBLIC")
    return event


def event_component(
    page: EventPage, urls: URLBuilder, host: str, stamp, *, text_language: str, language: str
) -> Event:
    """An event page: all-day events by their dates, others by their times (in UTC).

    ``text_language`` is the page's, ``language`` the calendar's.
    """
    text = text_parameters(text_language, language)
    event = Event()
    event.add("uid", f"event-{page.translation_key}@{host}")
    event.add("dtstamp", stamp)
    if page.all_day:
        start = timezone.localtime(page.start).date()
        end = timezone.localtime(page.end).date()
        event.add("dtstart", start)
        event.add("dtend", max(end, start) + datetime.timedelta(days=1))
    else:
        event.add("dtstart", page.start.astimezone(datetime.UTC))
        event.add("dtend", page.end.astimezone(datetime.UTC))
    event.add("summary", page.title, parameters=text)
    url = urls.page_url(page)
    description = "\n\n".join(part for part in (page.summary, url) if part)
    if description:
        event.add("description", description, parameters=text)
    location = event_location(page)
    if location:
        event.add("location", location, parameters=text)
    if url:
        event.add("url", url)
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(datetime.UTC))
    event.add("class", "PUBLIC")
    return event


def call_components(
    call: ProjectCallPage, urls: URLBuilder, host: str, stamp, *, text_language: str, language: str
) -> list[Event]:
    """The opening day and the closing day of a call, as all-day events, labelled in the
    call's language (``text_language``; ``language`` is the calendar's)."""
    text = text_parameters(text_language, language)
    zone = timezone.get_default_timezone()
    # closes_at is the first closed instant: the last day to apply is the one before it.
    last_moment = call.closes_at - datetime.timedelta(microseconds=1)
    with translation.override(text_language):
        days = (
            ("opens", timezone.localtime(call.opens_at, zone).date(), _("Call opens: %(title)s")),
            ("closes", timezone.localtime(last_moment, zone).date(), _("Call closes: %(title)s")),
        )
    url = urls.page_url(call)
    description = "\n\n".join(part for part in (call.summary, url) if part)
    components = []
    for name, day, summary in days:
        event = Event()
        event.add("uid", f"call-{name}-{call.translation_key}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
        event.add("summary", summary % {"title": call.title}, parameters=text)
        if description:
            event.add("description", description, parameters=text)
        if url:
            event.add("url", url)
        event.add("transp", "TRANSPARENT")
        event.add("class", "PUBLIC")
        components.append(event)
    return components


def calls_open_to(request: HttpRequest, city: PartnerCityPage, locale: Locale):
    """Calls open or upcoming naming the city or no city, in ``locale`` or the source's."""
    calls = in_locale(
        visible_pages(scope(request), ProjectCallPage), request, locale, fallback=True
    )
    concerning = Q(partner_cities__translation_key=city.translation_key) | Q(
        partner_cities__isnull=True
    )
    return calls.filter(concerning, closes_at__gt=timezone.now()).distinct()


def events_with(request: HttpRequest, city: PartnerCityPage, locale: Locale):
    """Public events the city takes part in, in ``locale`` or else the source's."""
    events = in_locale(visible_pages(scope(request), EventPage), request, locale, fallback=True)
    return events.filter(partner_cities__translation_key=city.translation_key).distinct()


@require_safe
@json_errors
def partner_calendar(request: HttpRequest, pk: str) -> HttpResponse:
    reject_unknown(request, PARAMETERS)
    locale = parse_locale(request)
    fallback = parse_boolean(request, "fallback", default=CALENDAR_FALLBACK.get_default())
    city = _city_in(request, pk.strip(), locale, fallback)
    cache_tags.tag(
        request,
        cache_tags.page_tag(city),
        cache_tags.about_tag(city),
        cache_tags.type_tag(EventPage),
        cache_tags.type_tag(ProjectCallPage),
    )
    codes = {key: loc.language_code for key, loc in locales(request).items()}
    # The calendar's language: the one asked for, else that of the page named by the URL.
    locale = locale or locales(request)[city.locale_id]
    language = locale.language_code
    urls = URLBuilder(request)
    host = urlsplit(urls.base).hostname or "localhost"
    stamp = (city.last_published_at or timezone.now()).astimezone(datetime.UTC)

    with translation.override(language):
        calendar = Calendar()
        calendar.add("prodid", f"-//{host}//Partner cities API//{language.upper()}")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", _("Partnership with %(city)s") % {"city": city.title})
        for milestone in city.ordered_milestones:
            partial = milestone.partial_date
            if partial is not None and partial.precision == "day":
                calendar.add_component(
                    milestone_event(
                        milestone,
                        city,
                        urls,
                        host,
                        stamp,
                        city_language=codes[city.locale_id],
                        language=language,
                    )
                )
        for page in events_with(request, city, locale):
            calendar.add_component(
                event_component(
                    page, urls, host, stamp, text_language=codes[page.locale_id], language=language
                )
            )
        for call in calls_open_to(request, city, locale):
            for component in call_components(
                call, urls, host, stamp, text_language=codes[call.locale_id], language=language
            ):
                calendar.add_component(component)
    expire_with_call_statuses(request)

    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    set_content_language(response, [language])
    response["Content-Disposition"] = f'inline; filename="{city.slug}.ics"'
    return response


@require_safe
@json_errors
def events_calendar(request: HttpRequest) -> HttpResponse:
    """Every event of the site, upcoming and of the past year, in ``locale``.

    Events not translated into ``locale`` come in the source language unless
    ``fallback=false``.
    """
    reject_unknown(request, EVENTS_PARAMETERS)
    cache_tags.tag(request, cache_tags.type_tag(EventPage))
    locale = parse_locale(request) or source_locale(request)
    fallback = parse_boolean(request, "fallback", default=CALENDAR_FALLBACK.get_default())
    language = locale.language_code
    codes = {key: loc.language_code for key, loc in locales(request).items()}
    urls = URLBuilder(request)
    host = urlsplit(urls.base).hostname or "localhost"
    events = in_locale(visible_pages(scope(request), EventPage), request, locale, fallback=fallback)
    events = list(events.filter(end__gte=timezone.now() - PAST_EVENTS).order_by("start", "pk"))
    latest = max(
        (page.last_published_at for page in events if page.last_published_at), default=None
    )
    stamp = (latest or timezone.now()).astimezone(datetime.UTC)

    with translation.override(language):
        calendar = Calendar()
        calendar.add("prodid", f"-//{host}//Partner cities API//{language.upper()}")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", _("International events"))
        for page in events:
            calendar.add_component(
                event_component(
                    page, urls, host, stamp, text_language=codes[page.locale_id], language=language
                )
            )

    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    set_content_language(response, [language])
    response["Content-Disposition"] = f'inline; filename="events-{language}.ics"'
    return response
