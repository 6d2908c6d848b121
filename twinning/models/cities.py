"""Partner cities: the index (with its map and timeline), each city and its history."""

from django import forms
from django.db import models
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

import swapper
from django_countries.fields import CountryField

from twinning import cache_tags
from twinning.admin.forms import LocaleScopedPageForm
from twinning.blocks import BodyBlock
from twinning.choices import Continent, MilestoneKind, PartnershipKind, PartnershipStatus
from twinning.geography import continent_of
from twinning.models.index_page import IndexPage
from twinning.models.mixins import (
    BaseTemplateMixin,
    DemoContentMixin,
    HeroImageMixin,
    KnownRestrictionsMixin,
    alt_text_field,
    alt_text_of,
    translatable_fields,
)
from twinning.models.panels import tabbed_edit_handler
from twinning.models.querysets import localize_all, localize_related
from twinning.models.snippets import CooperationTheme
from twinning.partial_dates import PartialDate, PartialDateField
from twinning.public import fragments
from twinning.public.aliases import resolve_aliases, with_text_language
from twinning.public.request_cache import tree_children, tree_root
from twinning.public.visibility import public, view_restrictions
from twinning.validators import latitude_validators, longitude_validators, validate_wikidata_id


class PartnerCityIndexPage(RoutablePageMixin, IndexPage):
    """All partner cities on one page, grouped by partnership kind; a map and a timeline."""

    subpage_types = ["twinning.PartnerCityPage"]

    class Meta:
        verbose_name = _("partner cities index")

    def cities(self):
        return with_text_language(
            PartnerCityPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .order_by("title")
        )

    def public_cities(self) -> list:
        """The live cities of this language, untranslated ones as their French page."""
        cities = self.cities().select_related("locale")
        among = cities.model.objects.live().public().select_related("hero_image", "locale")
        return resolve_aliases(cities, among=among)

    # The map and the timeline are sub-URLs of the index, so that each language tree has
    # its own. Their views live with the other views: models never import them.

    @path("map/", name="partner_map")
    def partner_map(self, request):
        from twinning.public.routing import partner_map

        return partner_map(self, request)

    @path("timeline/", name="partnership_timeline")
    def partnership_timeline(self, request):
        from twinning.public.routing import partnership_timeline

        return partnership_timeline(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cities = list(self.cities())
        countries = sorted({(c.country.code, c.country.name) for c in cities}, key=lambda x: x[1])
        continents = [c for c in Continent if any(city.continent == c for city in cities)]
        country = request.GET.get("country", "").upper()
        continent = request.GET.get("continent", "").lower()
        if country:
            cities = [city for city in cities if city.country.code == country]
        if continent:
            cities = [city for city in cities if city.continent == continent]
        groups = [
            (kind, [city for city in cities if city.kind == kind]) for kind in PartnershipKind
        ]
        context.update(
            groups=[(kind, members) for kind, members in groups if members],
            city_count=len(cities),
            countries=countries,
            continents=continents,
            selected_country=country,
            selected_continent=continent,
        )
        return context


class PartnershipMilestone(TranslatableMixin, Orderable):
    """One dated step in the history of a partnership, edited inline on the city page."""

    page = ParentalKey(
        "twinning.PartnerCityPage", related_name="milestones", on_delete=models.CASCADE
    )
    date = PartialDateField(
        _("date"),
        help_text=_("Year (1960), month (1960-10) or day (1960-10-20), as precisely as known."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MilestoneKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = alt_text_field()
    link_url = models.URLField(_("link"), blank=True, help_text=_("A page telling more, if any."))
    link_page = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("or a page of this site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldRowPanel([FieldPanel("link_url"), FieldPanel("link_page")]),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("image_alt"),
        SynchronizedField("date", overridable=False),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("image", overridable=False),
        SynchronizedField("link_url", overridable=False),
        SynchronizedField("link_page", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partnership milestone")
        verbose_name_plural = _("partnership milestones")

    def __str__(self):
        return f"{self.date} {self.title}"

    @property
    def image_alt_text(self) -> str:
        return alt_text_of(self.image, self.image_alt)

    @property
    def partial_date(self) -> PartialDate | None:
        return PartialDate.parse(self.date)

    @cached_property
    def link_target(self) -> Page | None:
        """The linked page in the reader's language (the city page fills it in bulk)."""
        return self.link_page.localized if self.link_page_id else None


_LINK_IN_LOCALE = ("id", "url_path", "translation_key")


def linked_page_in_locale(locale_id: int) -> dict:
    """Annotations of a milestone: what its linked page's live version in a locale needs
    to be linked to (its id and URL path)."""
    version = Page.objects.filter(
        translation_key=OuterRef("link_page__translation_key"), locale_id=locale_id, live=True
    )
    return {
        f"link_in_locale_{name}": Subquery(version.values(name)[:1]) for name in _LINK_IN_LOCALE
    }


def localized_link_page(milestone: PartnershipMilestone) -> Page:
    """The milestone's linked page in the locale of ``linked_page_in_locale``, else itself.

    Built from the annotations as a page with only those fields loaded (Django loads any
    other on access): enough for its URL.
    """
    if getattr(milestone, "link_in_locale_id", None) is None:
        return milestone.link_page
    loaded = {name: getattr(milestone, f"link_in_locale_{name}") for name in _LINK_IN_LOCALE}
    loaded["live"] = True
    names = [f.attname for f in Page._meta.concrete_fields if f.attname in loaded]
    return Page.from_db(milestone._state.db, names, [loaded[name] for name in names])


#: The pages that name partner cities, by their field on ``PartnerCityLink``.
LINKING_MODELS = {
    "twinning.exchangestorypage": "story",
    "twinning.eventpage": "event",
    "twinning.projectcallpage": "call",
}


class PartnerCityLinkQuerySet(QuerySet):
    def naming(self, city) -> "PartnerCityLinkQuerySet":
        """Links to ``city`` (to any language's page of it) from pages of its language."""
        return self.filter(city_key=city.translation_key, locale_id=city.locale_id)

    def of(self, model: type[Page]) -> "PartnerCityLinkQuerySet":
        """The links from pages of ``model``."""
        return self.filter(**{f"{LINKING_MODELS[model._meta.label_lower]}__isnull": False})

    def refresh(self, model: type[Page], page_ids=None) -> None:
        """Rewrite the rows of these pages of ``model`` (None: all of them) from their
        ``partner_cities``."""
        name = LINKING_MODELS[model._meta.label_lower]
        field = model._meta.get_field("partner_cities")
        owner = field.m2m_field_name()
        rows = field.remote_field.through.objects.all()
        stale = self.of(model)
        if page_ids is not None:
            page_ids = list(page_ids)
            if not page_ids:
                return
            rows = rows.filter(**{f"{owner}_id__in": page_ids})
            stale = stale.filter(**{f"{name}_id__in": page_ids})
        stale.delete()
        links = rows.values_list(
            f"{owner}_id",
            "partnercitypage_id",
            "partnercitypage__translation_key",
            f"{owner}__locale_id",
        )
        self.bulk_create(
            (
                PartnerCityLink(city_id=city, city_key=key, locale_id=locale, **{name + "_id": pk})
                for pk, city, key, locale in links.iterator(chunk_size=2000)
            ),
            batch_size=2000,
        )

    def rebuild(self) -> None:
        """Every row again, from the links themselves: after links were written without
        the ORM's signals (a bulk import, a restored table)."""
        from django.apps import apps

        for label in LINKING_MODELS:
            self.refresh(apps.get_model(label))


class PartnerCityLink(models.Model):
    """A story, event or call naming a partner city, as the city's page looks it up.

    One row per link of their ``partner_cities`` (kept in step by signal_handlers), with
    the city's translation key and the naming page's locale: every language version of
    a story may link the source language's city, and a city page reads the rows of its
    own language only, through one index, instead of every language's links.
    """

    city = models.ForeignKey("twinning.PartnerCityPage", on_delete=models.CASCADE, related_name="+")
    city_key = models.UUIDField()
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    story = models.ForeignKey(
        "twinning.ExchangeStoryPage", null=True, on_delete=models.CASCADE, related_name="+"
    )
    event = models.ForeignKey(
        "twinning.EventPage", null=True, on_delete=models.CASCADE, related_name="+"
    )
    call = models.ForeignKey(
        "twinning.ProjectCallPage", null=True, on_delete=models.CASCADE, related_name="+"
    )

    objects = PartnerCityLinkQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["city_key", "locale", name],
                condition=models.Q(**{f"{name}__isnull": False}),
                name=f"twinning_citylink_{name}",
            )
            for name in LINKING_MODELS.values()
        ]

    def __str__(self):
        return f"{self.city_key} ({self.locale_id})"


class PartnerCityForm(LocaleScopedPageForm):
    locale_scoped_fields = ("themes",)


class PartnerCityPage(
    KnownRestrictionsMixin, HeroImageMixin, DemoContentMixin, BaseTemplateMixin, Page
):
    """One partner city: its facts, its partnership history and its stories."""

    base_form_class = PartnerCityForm
    served_select_related = ["hero_image"]

    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=120, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=latitude_validators,
        help_text=_("Decimal degrees, WGS 84, between -90 and 90 (Tübingen: 48.5216)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=longitude_validators,
        help_text=_("Decimal degrees, WGS 84, between -180 and 180 (Tübingen: 9.0576)."),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    kind = models.CharField(
        _("partnership kind"),
        max_length=20,
        choices=PartnershipKind.choices,
        default=PartnershipKind.TWINNING,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PartnershipStatus.choices,
        default=PartnershipStatus.ACTIVE,
    )
    signed = PartialDateField(
        _("date signed"),
        blank=True,
        help_text=_("Year (1977), month or full date (1960-10-20) of the agreement."),
    )
    website = models.URLField(_("official website"), blank=True)
    wikidata_id = models.CharField(
        _("Wikidata ID"),
        max_length=16,
        blank=True,
        db_index=True,
        validators=[validate_wikidata_id],
        help_text=_(
            "The city's Wikidata item, e.g. Q3806 for Tübingen. Partners use it to find their page."
        ),
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown in lists.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    themes = ParentalManyToManyField(
        CooperationTheme, verbose_name=_("themes of cooperation"), blank=True, related_name="+"
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        FieldPanel("body"),
        InlinePanel("milestones", label=_("Partnership history"), heading=_("Milestones")),
    ]
    facts_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("population"),
                FieldPanel("wikidata_id"),
                FieldPanel("website"),
            ],
            heading=_("The city"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldPanel("signed"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("The partnership"),
        ),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("is_demo_content")]
    edit_handler = tabbed_edit_handler(content_panels, facts_panels, promote_panels)

    parent_page_types = ["twinning.PartnerCityIndexPage"]
    subpage_types: list[str] = []
    translatable_fields = translatable_fields(
        translated=["region", "intro", "hero_image_alt", "body", "milestones"],
        synchronized=[
            "country",
            "hero_image",
            "latitude",
            "longitude",
            "population",
            "kind",
            "status",
            "signed",
            "website",
            "wikidata_id",
            "themes",
            "is_demo_content",
        ],
    )
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("region"),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("country"),
        index.FilterField("kind"),
        index.FilterField("status"),
    ]
    api_fields = [
        "intro",
        "country",
        "region",
        "latitude",
        "longitude",
        "population",
        "kind",
        "status",
        "signed",
        "website",
        "wikidata_id",
        "hero_image",
        "body",
        "milestones",
        "themes",
        "is_demo_content",
    ]

    class Meta:
        verbose_name = _("partner city")
        verbose_name_plural = _("partner cities")

    @property
    def continent(self) -> Continent | None:
        return continent_of(self.country.code)

    @property
    def signed_date(self) -> PartialDate | None:
        return PartialDate.parse(self.signed)

    @cached_property
    def ordered_milestones(self) -> list[PartnershipMilestone]:
        """Milestones in chronological order; the editor's order breaks ties.

        Images, linked pages and the linked pages' live versions in the page's language
        (the reader's) come in the same query, whatever the number of milestones.
        """
        milestones = self.milestones.all().select_related("image", "link_page")
        in_memory = not isinstance(milestones, QuerySet)  # a preview's unsaved milestones
        if not in_memory:
            milestones = milestones.annotate(**linked_page_in_locale(self.locale_id))
        milestones = sorted(milestones, key=lambda m: (m.date, m.sort_order or 0))
        linked = [m for m in milestones if m.link_page_id]
        if in_memory:
            targets = localize_all([m.link_page for m in linked], self.locale)
        else:
            targets = [localized_link_page(m) for m in linked]
        for milestone, target in zip(linked, targets, strict=True):
            # A page not published yet is not linked (a preview shows what readers get).
            milestone.link_target = target if target.live else None
        return milestones

    def localized_themes(self):
        return localize_related(self.themes.all(), self.locale_id)

    def stories(self, restrictions=None):
        """Published, public stories about this city; ``restrictions`` as read for the request."""
        from twinning.models.stories import ExchangeStoryPage  # stories import this module

        return with_text_language(
            public(ExchangeStoryPage.objects.live(), restrictions)
            .concerning_in_its_language(self)
            .newest_first()
            .select_related("hero_image")
            .defer("body")
        )

    def shown_stories(self, restrictions=None, request=None) -> list:
        """The newest stories about the city, as its page lists them (tagged for ``request``)."""

        stories = list(self.stories(restrictions)[:12])
        # A story newly naming the city purges its about-tag; one shown, its own tag.
        cache_tags.tag(
            request, cache_tags.about_tag(self), [cache_tags.page_tag(s) for s in stories]
        )
        return stories

    def shown_themes(self, request=None) -> list:
        themes = self.localized_themes()
        cache_tags.tag(request, [cache_tags.object_tag(theme) for theme in themes])
        return themes

    def shown_milestones(self, request=None) -> list[PartnershipMilestone]:
        milestones = self.ordered_milestones
        cache_tags.tag(
            request,
            [cache_tags.page_tag(m.link_target) for m in milestones if m.link_target],
            [cache_tags.object_tag(m.image) for m in milestones if m.image_id],
        )
        return milestones

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        restrictions = view_restrictions(request)
        context["milestones"] = SimpleLazyObject(lambda: self.shown_milestones(request))
        # Read when the page's fragments are built, not when they come from the cache.
        context["stories"] = SimpleLazyObject(lambda: self.shown_stories(restrictions, request))
        context["themes"] = SimpleLazyObject(lambda: self.shown_themes(request))
        context["agenda"] = SimpleLazyObject(
            lambda: self.agenda(restrictions=restrictions, request=request)
        )
        return context

    def agenda(self, moment=None, restrictions=None, request=None):
        """Upcoming events, open calls and local actors for this city (see agenda.py).

        With the ``request``, the events listing is looked for among the sections that
        routing read.
        """
        # The agenda's models import this module.
        from twinning.models.agenda import (
            Actor,
            city_agenda,
            next_change,
        )

        root = tree_root(request)
        sections = None
        if root is not None and root.locale_id == self.locale_id:
            sections = tree_children(request, root)
        agenda = city_agenda(self, moment, restrictions=restrictions, sections=sections)
        if fragments.is_cached(request):
            fragments.valid_until(request, next_change(self, agenda, moment, restrictions))
        shown = [*agenda.upcoming_events, *agenda.open_calls]
        cache_tags.tag(
            request,
            # Events and calls naming the city purge its about-tag (not every city page
            # at each publish); actors are few and rarely changed: their whole type.
            cache_tags.about_tag(self),
            cache_tags.type_tag(Actor),
            [cache_tags.page_tag(page) for page in shown],
            [cache_tags.object_tag(actor) for actor in agenda.actors],
            [cache_tags.page_tag(agenda.events_index)] if agenda.events_index else [],
        )
        return agenda
