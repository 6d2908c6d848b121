"""International and European events: Europe day, the market of the twin cities...

An event is upcoming until it ends, so one in progress still leads the list. Yearly
events are entered once per year with Wagtail's "Copy" action, then re-dated.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from twinning.admin.forms import LocaleScopedPageForm
from twinning.blocks import BodyBlock
from twinning.models.actors import Actor
from twinning.models.calls import ProjectCallPage
from twinning.models.index_page import IndexPage
from twinning.models.mixins import (
    BaseTemplateMixin,
    DemoContentMixin,
    HeroImageMixin,
    KnownRestrictionsMixin,
    translatable_fields,
)
from twinning.models.panels import tabbed_edit_handler
from twinning.models.querysets import (
    linked_to,
    localize_all,
    localize_related,
    named_in_language_of,
)
from twinning.models.snippets import CooperationTheme
from twinning.models.stories import ExchangeStoryPage
from twinning.public.aliases import with_text_language
from twinning.public.visibility import visible_among
from twinning.validators import latitude_validators, longitude_validators, parse_whole_number


def _moment(moment: datetime.datetime | None) -> datetime.datetime:
    return moment or timezone.now()


class EventQuerySet(PageQuerySet):
    def upcoming_at(self, moment: datetime.datetime | None = None) -> "EventQuerySet":
        """Events not yet over at ``moment``: those in progress included."""
        return self.filter(end__gt=_moment(moment))

    def past_at(self, moment: datetime.datetime | None = None) -> "EventQuerySet":
        return self.filter(end__lte=_moment(moment))

    def soonest_first(self) -> "EventQuerySet":
        return self.order_by("start", "pk")

    def newest_first(self) -> "EventQuerySet":
        return self.order_by("-start", "-pk")

    def concerning(self, city) -> "EventQuerySet":
        """Events involving ``city``, whichever language's page of the city they name."""
        through = EventPage.partner_cities.through
        return self.filter(linked_to(through, "eventpage_id", city))

    def concerning_in_its_language(self, city) -> "EventQuerySet":
        """Events of ``city``'s language involving it (the city page's agenda)."""
        return self.filter(named_in_language_of(city, "event"))

    def naming(self, actor) -> "EventQuerySet":
        """Events the actor organised or took part in (any language version of it)."""
        key = actor.translation_key
        return self.filter(
            Q(organiser__translation_key=key) | Q(actors__translation_key=key)
        ).distinct()


EventManager = PageManager.from_queryset(EventQuerySet)


@dataclass
class ActorRecord:
    """What an actor did and with whom, in one language: shown on the filtered listing."""

    actor: Actor
    partner_cities: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    stories: list = field(default_factory=list)
    calls: list = field(default_factory=list)


def actor_record(actor: Actor, locale: Locale) -> ActorRecord:
    """The actor in ``locale`` (or its original) with its cities, stories and calls there."""
    actor = localize_all([actor], locale)[0]
    key = actor.translation_key
    return ActorRecord(
        actor=actor,
        partner_cities=visible_among(
            localize_all(actor.partner_cities.all().order_by("title"), locale)
        ),
        themes=localize_all(actor.themes.all(), locale),
        stories=list(
            ExchangeStoryPage.objects.live()
            .public()
            .filter(locale_id=locale.pk, actors__translation_key=key)
            .distinct()
            .newest_first()
            .select_related("hero_image")
        ),
        calls=list(
            ProjectCallPage.objects.live()
            .public()
            .filter(locale_id=locale.pk)
            .naming(actor)
            .order_by("-closes_at")
        ),
    )


class EventIndexPage(IndexPage):
    """Upcoming events first (soonest first), then past ones (most recent first)."""

    subpage_types = ["twinning.EventPage"]

    past_per_page = 20

    class Meta:
        verbose_name = _("events index")

    def events(self) -> EventQuerySet:
        return with_text_language(
            EventPage.objects.child_of(self).live().public().select_related("hero_image")
        )

    def upcoming(self, moment: datetime.datetime | None = None, events=None) -> EventQuerySet:
        events = self.events() if events is None else events
        return events.upcoming_at(moment).soonest_first()

    def past(self, moment: datetime.datetime | None = None, events=None) -> EventQuerySet:
        events = self.events() if events is None else events
        return events.past_at(moment).newest_first()

    def attach_stories(self, events: list) -> list:
        """Sets ``told_by`` on each event: the stories in this language that tell it.

        One query for the whole list.
        """
        keys = {event.translation_key for event in events}
        told_by: dict = {key: [] for key in keys}
        if keys:
            stories = (
                ExchangeStoryPage.objects.live()
                .public()
                .filter(locale_id=self.locale_id, event__translation_key__in=keys)
                .annotate(event_key=F("event__translation_key"))
                .newest_first()
            )
            for story in stories:
                told_by[story.event_key].append(story)
        for event in events:
            event.told_by = told_by.get(event.translation_key, [])
        return events

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = self.events()
        record = None
        actor_param = request.GET.get("actor", "").strip()
        if actor_param:
            actor_id = parse_whole_number(actor_param, minimum=1)
            actor = Actor.objects.filter(pk=actor_id).first() if actor_id else None
            if actor is None:
                context["filter_error"] = _(
                    "No actor matches this address: showing every event instead."
                )
            else:
                record = actor_record(actor, self.locale)
                events = events.naming(actor)
        past = Paginator(self.past(events=events), self.past_per_page).get_page(
            request.GET.get("page")
        )
        context.update(
            upcoming=list(self.upcoming(events=events)),
            past=past,
            past_events=self.attach_stories(list(past)),
            actor_record=record,
        )
        return context


class EventForm(LocaleScopedPageForm):
    locale_scoped_fields = ("partner_cities", "themes", "actors")


class EventPage(KnownRestrictionsMixin, HeroImageMixin, DemoContentMixin, BaseTemplateMixin, Page):
    """An international or European event, in Aix or with a partner city."""

    served_select_related = ["hero_image"]

    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: shown in lists and previews.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Only the dates count: the times are ignored and not shown."),
    )
    place_name = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("E.g. Cours Mirabeau, town hall.")
    )
    place_address = models.TextField(_("address"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=latitude_validators,
        help_text=_("Decimal degrees, WGS 84, between -90 and 90 (Aix: 43.52630)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=longitude_validators,
        help_text=_("Decimal degrees, WGS 84, between -180 and 180 (Aix: 5.44540)."),
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Live stream or video meeting, if any.")
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    partner_cities = ParentalManyToManyField(
        "twinning.PartnerCityPage",
        verbose_name=_("partner cities involved"),
        blank=True,
        related_name="events",
    )
    themes = ParentalManyToManyField(
        CooperationTheme, verbose_name=_("themes"), blank=True, related_name="+"
    )
    organiser = models.ForeignKey(
        Actor,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
        help_text=_("Leave empty when the city organises it."),
    )
    actors = ParentalManyToManyField(
        Actor, verbose_name=_("actors taking part"), blank=True, related_name="events"
    )

    objects = EventManager()
    base_form_class = EventForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        FieldPanel("body"),
    ]
    facts_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("place_address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("registration_url"),
        FieldPanel("organiser"),
        FieldPanel("actors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partner_cities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("is_demo_content")]
    edit_handler = tabbed_edit_handler(content_panels, facts_panels, promote_panels)

    parent_page_types = ["twinning.EventIndexPage"]
    subpage_types: list[str] = []
    translatable_fields = translatable_fields(
        translated=["summary", "hero_image_alt", "body", "place_name"],
        synchronized=[
            "hero_image",
            "start",
            "end",
            "all_day",
            "place_address",
            "latitude",
            "longitude",
            "online_url",
            "registration_url",
            "partner_cities",
            "themes",
            "organiser",
            "actors",
            "is_demo_content",
        ],
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("place_name"),
        index.AutocompleteField("title"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    api_fields = [
        "summary",
        "start",
        "end",
        "all_day",
        "place_name",
        "place_address",
        "latitude",
        "longitude",
        "online_url",
        "registration_url",
        "partner_cities",
        "themes",
        "organiser",
        "actors",
        "hero_image",
        "body",
        "is_demo_content",
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end:
            if self.all_day:
                self.start, self.end = whole_days(self.start, self.end)
            if self.end < self.start:
                errors["end"] = _("The event ends before it starts: choose an end after the start.")
        if (self.latitude is None) != (self.longitude is None):
            field_name = "longitude" if self.longitude is None else "latitude"
            errors[field_name] = _("Give both latitude and longitude, or neither.")
        if errors:
            raise ValidationError(errors)

    @property
    def local_start(self) -> datetime.datetime:
        return timezone.localtime(self.start)

    @property
    def local_end(self) -> datetime.datetime:
        return timezone.localtime(self.end)

    @property
    def is_single_day(self) -> bool:
        return self.local_start.date() == self.local_end.date()

    def is_past_at(self, moment: datetime.datetime | None = None) -> bool:
        return self.end <= _moment(moment)

    @property
    def is_past(self) -> bool:
        return self.is_past_at()

    def localized_partner_cities(self) -> list:
        return visible_among(
            localize_related(self.partner_cities.all().order_by("title"), self.locale_id)
        )

    def localized_themes(self) -> list:
        return localize_related(self.themes.all(), self.locale_id)

    def localized_organiser(self) -> Actor | None:
        return localize_all([self.organiser], self.locale)[0] if self.organiser else None

    def localized_actors(self) -> list:
        return localize_related(self.actors.all(), self.locale_id)

    def stories(self):
        """Stories in this page's language that tell this event."""
        return (
            ExchangeStoryPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, event__translation_key=self.translation_key)
            .newest_first()
            .select_related("hero_image")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            partner_cities=self.localized_partner_cities(),
            themes=self.localized_themes(),
            organiser=self.localized_organiser(),
            actors=self.localized_actors(),
            stories=self.stories(),
            # Actors' names link to this listing filtered by actor.
            events_index=self.get_parent(),
        )
        return context


def whole_days(
    start: datetime.datetime, end: datetime.datetime
) -> tuple[datetime.datetime, datetime.datetime]:
    """From the first second of the start's day to the last of the end's day.

    Days are those of the site's time zone (TIME_ZONE), the one the site displays.
    """
    zone = timezone.get_default_timezone()
    first = timezone.localtime(start, zone).date()
    last = timezone.localtime(end, zone).date()
    return (
        timezone.make_aware(datetime.datetime.combine(first, datetime.time.min), zone),
        timezone.make_aware(datetime.datetime.combine(last, datetime.time(23, 59, 59)), zone),
    )


__all__ = ["ActorRecord", "EventIndexPage", "EventPage", "EventQuerySet", "actor_record"]
