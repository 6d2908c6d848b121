"""What is coming with a partner city: its upcoming events, open calls and local actors."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Min
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from twinning.models.actors import Actor, one_per_actor
from twinning.models.calls import ProjectCallPage
from twinning.models.events import EventIndexPage, EventPage
from twinning.public.aliases import with_text_language
from twinning.public.visibility import is_public, public


@dataclass
class CityAgenda:
    upcoming_events: list = field(default_factory=list)
    open_calls: list = field(default_factory=list)
    actors: list = field(default_factory=list)
    # Where an actor's name links to: the events listing filtered by that actor.
    events_index: EventIndexPage | None = None

    def __bool__(self) -> bool:
        return bool(self.upcoming_events or self.open_calls or self.actors)


def city_agenda(
    city,
    moment: datetime.datetime | None = None,
    limit: int = 6,
    restrictions: list[PageViewRestriction] | None = None,
    sections: list[Page] | None = None,
) -> CityAgenda:
    """The city page's sections, in the city page's language. A fixed number of queries.

    ``restrictions``: the view restrictions already read for the request, if any;
    ``sections``: the pages under the home page of the city's language, if already read.
    """
    moment = moment or timezone.now()
    events = with_text_language(
        public(EventPage.objects.live(), restrictions)
        .concerning_in_its_language(city)
        .upcoming_at(moment)
        .soonest_first()
        .select_related("hero_image")[:limit]
    )
    calls = with_text_language(
        public(ProjectCallPage.objects.live(), restrictions)
        .concerning_in_its_language(city)
        .open_at(moment)
        .order_by("closes_at", "pk")[:limit]
    )
    return CityAgenda(
        upcoming_events=list(events),
        open_calls=list(calls),
        actors=one_per_actor(Actor.objects.concerning(city), city.locale_id),
        events_index=events_index(city, restrictions, sections),
    )


def events_index(city, restrictions=None, sections: list[Page] | None = None) -> Page | None:
    """The events listing of the city's language, where an actor's name leads.

    Events listings are children of a home page: with ``sections`` (the children of the
    home page of the city's language, read while routing) no query is needed.
    """
    if sections is not None and restrictions is not None:
        for page in sections:
            if (
                page.specific_class is EventIndexPage
                and page.live
                and page.locale_id == city.locale_id
                and is_public(page, restrictions)
            ):
                return page
        return None
    return (
        public(EventIndexPage.objects.live(), restrictions).filter(locale_id=city.locale_id).first()
    )


def next_change(
    city,
    agenda: CityAgenda,
    moment: datetime.datetime | None = None,
    restrictions: list[PageViewRestriction] | None = None,
) -> datetime.datetime | None:
    """When ``agenda`` changes with the clock: a shown event ends, a shown call closes or
    a call opens (one query, for the calls not open yet)."""
    moment = moment or timezone.now()
    opening = (
        public(ProjectCallPage.objects.live(), restrictions)
        .concerning_in_its_language(city)
        .upcoming_at(moment)
        .aggregate(first=Min("opens_at"))["first"]
    )
    moments = [event.end for event in agenda.upcoming_events]
    moments += [call.closes_at for call in agenda.open_calls]
    return min([*moments, opening] if opening else moments, default=None)
