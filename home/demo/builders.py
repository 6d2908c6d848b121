"""Model instances built in memory from the plain specs, for validation and for writing."""

import datetime
from decimal import Decimal

from django.utils import timezone

from wagtail.models import Locale, Page

from home.demo.specs import (
    ActorSpec,
    CallSpec,
    CitySpec,
    EventSpec,
    PageSpec,
    StorySpec,
    ThemeSpec,
    body_stream_data,
    paragraph,
)
from twinning.models import (
    Actor,
    ContentPage,
    CooperationTheme,
    EventIndexPage,
    EventPage,
    ExchangeStoryIndexPage,
    ExchangeStoryPage,
    PartnerCityIndexPage,
    PartnerCityPage,
    PartnershipMilestone,
    ProjectCallIndexPage,
    ProjectCallPage,
)
from twinning.models.events import whole_days

PAGE_MODELS: dict[str, type[Page]] = {
    "cities_index": PartnerCityIndexPage,
    "stories_index": ExchangeStoryIndexPage,
    "events_index": EventIndexPage,
    "calls_index": ProjectCallIndexPage,
    "content": ContentPage,
}


def rich_text(text: str) -> str:
    return body_stream_data([paragraph(text)], {})[0]["value"] if text else ""


def build_theme(spec: ThemeSpec, locale: Locale) -> CooperationTheme:
    return CooperationTheme(
        slug=spec.slug,
        name=spec.name,
        description=spec.description,
        sort_order=spec.sort_order,
        locale=locale,
    )


def build_page(spec: PageSpec) -> Page:
    model = PAGE_MODELS[spec.model]
    page = model(title=spec.title, slug=spec.slug, show_in_menus=spec.show_in_menus)
    # Index pages have a rich-text introduction, content pages a plain one.
    page.intro = spec.intro if model is ContentPage else rich_text(spec.intro)
    if hasattr(page, "body"):
        page.body = body_stream_data(list(spec.body), {})
    return page


def build_city(
    spec: CitySpec,
    locale: Locale,
    themes: list[CooperationTheme] | None = None,
    hero_image=None,
) -> PartnerCityPage:
    """A city with its milestones; links to other cities are left empty until they exist."""
    city = PartnerCityPage(
        title=spec.title,
        slug=spec.slug,
        country=spec.country,
        region=spec.region,
        latitude=spec.latitude,
        longitude=spec.longitude,
        kind=spec.kind,
        signed=spec.signed,
        wikidata_id=spec.wikidata_id,
        intro=spec.intro,
        hero_image=hero_image,
        body=body_stream_data(list(spec.body), {}),
    )
    city.themes = themes or []
    # The editor's order is the chronological order.
    ordered = sorted(spec.milestones, key=lambda milestone: milestone.date)
    city.milestones = [
        PartnershipMilestone(
            date=milestone.date,
            kind=milestone.kind,
            title=milestone.title,
            description=milestone.description,
            sort_order=position,
            locale=locale,
        )
        for position, milestone in enumerate(ordered)
    ]
    return city


def build_story(
    spec: StorySpec,
    city_pks: dict[str, int] | None = None,
    cities: list[PartnerCityPage] | None = None,
    themes: list[CooperationTheme] | None = None,
    hero_image=None,
    actors: list[Actor] | None = None,
    event: EventPage | None = None,
    funded_by_call: ProjectCallPage | None = None,
) -> ExchangeStoryPage:
    story = ExchangeStoryPage(
        title=spec.title,
        slug=spec.slug,
        date=spec.date,
        audience=spec.audience,
        summary=spec.summary,
        hero_image=hero_image,
        is_demo_content=True,
        body=body_stream_data(list(spec.body), city_pks or {}),
        event=event,
        funded_by_call=funded_by_call,
    )
    story.partner_cities = cities or []
    story.themes = themes or []
    story.actors = actors or []
    return story


def build_actor(
    spec: ActorSpec,
    locale: Locale,
    cities: list[PartnerCityPage] | None = None,
    themes: list[CooperationTheme] | None = None,
) -> Actor:
    actor = Actor(
        name=spec.name,
        kind=spec.kind,
        description=spec.description,
        website=spec.website,
        email=spec.email,
        contact_consent=spec.contact_consent,
        is_demo_content=True,
        locale=locale,
    )
    actor.partner_cities = cities or []
    actor.themes = themes or []
    return actor


def paris_time(moment: datetime.datetime) -> datetime.datetime:
    """A naive date and time of the specs, read in the site's time zone (Paris)."""
    return timezone.make_aware(moment, timezone.get_default_timezone())


def event_bounds(spec: EventSpec) -> tuple[datetime.datetime, datetime.datetime]:
    """Aware start and end; an all-day event spans whole days, as the admin saves it."""
    start, end = spec.start, spec.end
    if not isinstance(start, datetime.datetime):
        start = datetime.datetime.combine(start, datetime.time.min)
    if not isinstance(end, datetime.datetime):
        end = datetime.datetime.combine(end, datetime.time.min)
    start, end = paris_time(start), paris_time(end)
    return whole_days(start, end) if spec.all_day else (start, end)


def _coordinate(value: str) -> Decimal | None:
    return Decimal(value) if value else None


def build_event(
    spec: EventSpec,
    city_pks: dict[str, int] | None = None,
    cities: list[PartnerCityPage] | None = None,
    themes: list[CooperationTheme] | None = None,
    organiser: Actor | None = None,
    actors: list[Actor] | None = None,
) -> EventPage:
    start, end = event_bounds(spec)
    event = EventPage(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        body=body_stream_data(list(spec.body), city_pks or {}),
        start=start,
        end=end,
        all_day=spec.all_day,
        place_name=spec.place_name,
        place_address=spec.place_address,
        latitude=_coordinate(spec.latitude),
        longitude=_coordinate(spec.longitude),
        organiser=organiser,
        is_demo_content=True,
    )
    event.partner_cities = cities or []
    event.themes = themes or []
    event.actors = actors or []
    return event


def build_call(
    spec: CallSpec,
    city_pks: dict[str, int] | None = None,
    cities: list[PartnerCityPage] | None = None,
    themes: list[CooperationTheme] | None = None,
    actors: list[Actor] | None = None,
) -> ProjectCallPage:
    call = ProjectCallPage(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        eligibility=rich_text(spec.eligibility),
        body=body_stream_data(list(spec.body), city_pks or {}),
        opens_at=paris_time(spec.opens_at),
        closes_at=paris_time(spec.closes_at),
        apply_url=spec.apply_url,
        apply_email=spec.apply_email,
        is_demo_content=True,
    )
    call.partner_cities = cities or []
    call.themes = themes or []
    call.actors = actors or []
    return call
