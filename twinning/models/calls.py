"""Calls for projects: the city's grants for local actors going international.

A call's status (upcoming, open, closed) is derived from its dates every time it is
read, so it can never disagree with them. A call is open from ``opens_at`` included to
``closes_at`` excluded: at the closing instant it is closed.
"""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from twinning import compat
from twinning.admin.forms import LocaleScopedPageForm
from twinning.blocks import BodyBlock
from twinning.choices import CallStatus
from twinning.document_blocks import DocumentsBlock
from twinning.models.actors import Actor
from twinning.models.index_page import IndexPage
from twinning.models.mixins import (
    BaseTemplateMixin,
    DemoContentMixin,
    KnownRestrictionsMixin,
    translatable_fields,
)
from twinning.models.panels import tabbed_edit_handler
from twinning.models.querysets import linked_to, localize_related, named_in_language_of
from twinning.models.snippets import CooperationTheme
from twinning.models.stories import ExchangeStoryPage
from twinning.public.aliases import with_text_language
from twinning.public.visibility import visible_among
from twinning.validators import validate_currency_code

ELIGIBILITY_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def _moment(moment: datetime.datetime | None) -> datetime.datetime:
    return moment or timezone.now()


class ProjectCallQuerySet(PageQuerySet):
    """Status filters computed by the database at a given moment (default: now).

    The three filters split any set of calls without overlap, as ``status_at`` does.
    """

    def open_at(self, moment: datetime.datetime | None = None) -> "ProjectCallQuerySet":
        moment = _moment(moment)
        return self.filter(opens_at__lte=moment, closes_at__gt=moment)

    def upcoming_at(self, moment: datetime.datetime | None = None) -> "ProjectCallQuerySet":
        moment = _moment(moment)
        return self.filter(opens_at__gt=moment, closes_at__gt=moment)

    def closed_at(self, moment: datetime.datetime | None = None) -> "ProjectCallQuerySet":
        return self.filter(closes_at__lte=_moment(moment))

    def in_status(
        self, status: str, moment: datetime.datetime | None = None
    ) -> "ProjectCallQuerySet":
        """Calls in ``status`` ("upcoming", "open" or "closed"); ValueError otherwise."""
        status = CallStatus(status)
        if status == CallStatus.OPEN:
            return self.open_at(moment)
        if status == CallStatus.UPCOMING:
            return self.upcoming_at(moment)
        return self.closed_at(moment)

    def concerning(self, city) -> "ProjectCallQuerySet":
        """Calls naming ``city`` (in any language) or naming no city, i.e. open to all."""
        through = ProjectCallPage.partner_cities.through
        names_a_city = Exists(through.objects.filter(projectcallpage_id=OuterRef("pk")))
        return self.filter(linked_to(through, "projectcallpage_id", city) | ~names_a_city)

    def concerning_in_its_language(self, city) -> "ProjectCallQuerySet":
        """Calls of ``city``'s language naming it or naming no city (the city page's)."""
        through = ProjectCallPage.partner_cities.through
        names_a_city = Exists(through.objects.filter(projectcallpage_id=OuterRef("pk")))
        return self.filter(locale_id=city.locale_id).filter(
            named_in_language_of(city, "call") | ~names_a_city
        )

    def naming(self, actor) -> "ProjectCallQuerySet":
        return self.filter(actors__translation_key=actor.translation_key).distinct()


ProjectCallManager = PageManager.from_queryset(ProjectCallQuerySet)


@dataclass
class CallSections:
    """The index's order: open calls, then upcoming ones, then closed ones by year."""

    open: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)
    closed_by_year: list[tuple[int, list]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.open or self.upcoming or self.closed_by_year)


class ProjectCallIndexPage(IndexPage):
    """The calls for projects, open ones first."""

    subpage_types = ["twinning.ProjectCallPage"]

    class Meta:
        verbose_name = _("calls for projects index")

    def calls(self) -> ProjectCallQuerySet:
        return with_text_language(ProjectCallPage.objects.child_of(self).live().public())

    def sections(self, moment: datetime.datetime | None = None) -> CallSections:
        """Open calls closing soonest first, upcoming opening soonest first, then the
        closed ones grouped by the (local) year they closed, most recent first."""
        moment = _moment(moment)
        calls = self.calls()
        closed = calls.closed_at(moment).order_by("-closes_at", "-pk")
        return CallSections(
            open=list(calls.open_at(moment).order_by("closes_at", "pk")),
            upcoming=list(calls.upcoming_at(moment).order_by("opens_at", "pk")),
            closed_by_year=[
                (year, list(group))
                for year, group in groupby(
                    closed, key=lambda c: timezone.localtime(c.closes_at).year
                )
            ],
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections()
        return context


class ProjectCallForm(compat.DeferredValidationFlagMixin, LocaleScopedPageForm):
    """Offers choices in the call's language; asks for a way to apply before publishing."""

    locale_scoped_fields = ("partner_cities", "themes", "actors")

    def clean(self):
        cleaned_data = super().clean()
        # A draft may be incomplete; a published call must say how to apply.
        if not self.is_deferred_validation and not (
            cleaned_data.get("apply_url") or cleaned_data.get("apply_email")
        ):
            self.add_error(
                "apply_url",
                _("Give the address of the application form or a contact e-mail, or both."),
            )
        return cleaned_data


class ProjectCallPage(KnownRestrictionsMixin, DemoContentMixin, BaseTemplateMixin, Page):
    """A call for projects: who may apply, for what, until when, and how."""

    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: shown in lists and previews.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    eligibility = RichTextField(
        _("who may apply"),
        features=ELIGIBILITY_FEATURES,
        help_text=_("Which actors may apply, and on what conditions."),
    )
    themes = ParentalManyToManyField(
        CooperationTheme, verbose_name=_("themes"), blank=True, related_name="+"
    )
    partner_cities = ParentalManyToManyField(
        "twinning.PartnerCityPage",
        verbose_name=_("partner cities concerned"),
        blank=True,
        related_name="project_calls",
        help_text=_("Leave empty if projects with any partner city may apply."),
    )
    actors = ParentalManyToManyField(
        Actor,
        verbose_name=_("actors involved"),
        blank=True,
        related_name="project_calls",
        help_text=_("Co-organisers or actors that help applicants, if any."),
    )
    opens_at = models.DateTimeField(_("opens at"), help_text=_("Applications accepted from."))
    closes_at = models.DateTimeField(
        _("closes at"), help_text=_("Deadline: the call is closed from this moment on.")
    )
    # Amounts in whole units of a currency, not free text: lists, the API and partners
    # can compare and format them in their own language; the note carries the rest
    # ("up to half of the project's budget").
    grant_min = models.PositiveIntegerField(_("smallest grant"), null=True, blank=True)
    grant_max = models.PositiveIntegerField(_("largest grant"), null=True, blank=True)
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default="EUR",
        validators=[validate_currency_code],
        help_text=_("ISO 4217 code, e.g. EUR."),
    )
    budget_note = models.CharField(
        _("about the funding"),
        max_length=255,
        blank=True,
        help_text=_("For example: up to half of the project's budget."),
    )
    documents = StreamField(
        DocumentsBlock(),
        verbose_name=_("documents to download"),
        blank=True,
        help_text=_(
            "Rules, application form... Translators may replace a file by its translation."
        ),
    )
    apply_url = models.URLField(
        _("application form"), blank=True, help_text=_("Address of the online application.")
    )
    apply_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("Where applications or questions go.")
    )

    objects = ProjectCallManager()
    base_form_class = ProjectCallForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("eligibility"),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]
    facts_panels = [
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("grant_min"), FieldPanel("grant_max"), FieldPanel("currency")]
                ),
                FieldPanel("budget_note"),
            ],
            heading=_("Funding"),
        ),
        MultiFieldPanel(
            [FieldPanel("apply_url"), FieldPanel("apply_email")], heading=_("How to apply")
        ),
        FieldPanel("partner_cities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("actors", widget=forms.CheckboxSelectMultiple),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("is_demo_content")]
    edit_handler = tabbed_edit_handler(content_panels, facts_panels, promote_panels)

    parent_page_types = ["twinning.ProjectCallIndexPage"]
    subpage_types: list[str] = []
    translatable_fields = translatable_fields(
        translated=["summary", "body", "eligibility", "budget_note", "documents"],
        synchronized=[
            "themes",
            "partner_cities",
            "actors",
            "opens_at",
            "closes_at",
            "grant_min",
            "grant_max",
            "currency",
            "apply_url",
            "apply_email",
            "is_demo_content",
        ],
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("eligibility"),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]
    api_fields = [
        "summary",
        "eligibility",
        "body",
        "opens_at",
        "closes_at",
        "status",
        "grant_min",
        "grant_max",
        "currency",
        "budget_note",
        "documents",
        "apply_url",
        "apply_email",
        "partner_cities",
        "themes",
        "actors",
        "is_demo_content",
    ]

    class Meta:
        verbose_name = _("call for projects")
        verbose_name_plural = _("calls for projects")
        indexes = [models.Index(fields=["opens_at", "closes_at"])]

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _(
                "The call closes before it opens: choose a closing date after the opening date."
            )
        grants = (self.grant_min, self.grant_max)
        if None not in grants and grants[0] > grants[1]:
            errors["grant_max"] = _("The largest grant is smaller than the smallest one.")
        if errors:
            raise ValidationError(errors)

    def status_at(self, moment: datetime.datetime | None = None) -> CallStatus:
        moment = _moment(moment)
        if moment >= self.closes_at:
            return CallStatus.CLOSED
        if moment < self.opens_at:
            return CallStatus.UPCOMING
        return CallStatus.OPEN

    @property
    def status(self) -> CallStatus:
        """Upcoming, open or closed, now. Never stored: the dates are the only truth."""
        return self.status_at()

    @property
    def is_open(self) -> bool:
        return self.status == CallStatus.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == CallStatus.CLOSED

    def localized_partner_cities(self) -> list:
        return visible_among(
            localize_related(self.partner_cities.all().order_by("title"), self.locale_id)
        )

    def localized_themes(self) -> list:
        return localize_related(self.themes.all(), self.locale_id)

    def localized_actors(self) -> list:
        return localize_related(self.actors.all(), self.locale_id)

    def funded_stories(self):
        """Stories in this page's language that tell projects this call funded."""
        return (
            ExchangeStoryPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, funded_by_call__translation_key=self.translation_key)
            .newest_first()
            .select_related("hero_image")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            status=self.status,
            partner_cities=self.localized_partner_cities(),
            themes=self.localized_themes(),
            actors=self.localized_actors(),
            funded_stories=self.funded_stories(),
        )
        return context


__all__ = [
    "CallSections",
    "ProjectCallIndexPage",
    "ProjectCallPage",
    "ProjectCallQuerySet",
]
