"""Exchange stories: what happened with the partners, and the index that lists them."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from twinning import conf
from twinning.admin.forms import LocaleScopedPageForm
from twinning.blocks import BodyBlock
from twinning.choices import Audience
from twinning.models.cities import PartnerCityPage
from twinning.models.index_page import IndexPage
from twinning.models.mixins import (
    BaseTemplateMixin,
    DemoContentMixin,
    HeroImageMixin,
    KnownRestrictionsMixin,
    translatable_fields,
)
from twinning.models.panels import tabbed_edit_handler
from twinning.models.querysets import ExchangeStoryManager, localize_related
from twinning.models.snippets import CooperationTheme
from twinning.public.aliases import with_text_language
from twinning.public.visibility import public, view_restrictions


class ExchangeStoryIndexPage(IndexPage):
    subpage_types = ["twinning.ExchangeStoryPage"]

    class Meta:
        verbose_name = _("exchange stories index")

    def stories(self, restrictions=None):
        """Published, public stories; ``restrictions`` as read for the request."""
        return with_text_language(
            public(ExchangeStoryPage.objects.child_of(self).live(), restrictions)
            .newest_first()
            .select_related("hero_image")
            .defer("body")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        restrictions = view_restrictions(request)
        # The filters are read by a form of the public views: imported when serving.
        from twinning.public.filters import StoryFilterForm

        stories, filters = StoryFilterForm(request.GET).apply(self.stories(restrictions))
        paginator = Paginator(stories, conf.get("STORIES_PER_PAGE"))
        page = paginator.get_page(request.GET.get("page"))
        context.update(
            stories=page,
            paginator=paginator,
            filters=filters,
            partner_choices=with_text_language(
                public(PartnerCityPage.objects.live(), restrictions)
                .filter(locale_id=self.locale_id)
                .order_by("title")
            ),
            theme_choices=CooperationTheme.objects.filter(locale_id=self.locale_id),
            audience_choices=Audience.choices,
            year_choices=[
                d.year
                for d in ExchangeStoryPage.objects.child_of(self)
                .live()
                .dates("date", "year", order="DESC")
            ],
        )
        return context


class ExchangeStoryForm(LocaleScopedPageForm):
    """Offers cities, themes and actors of the story's own language; requires a city."""

    locale_scoped_fields = ("partner_cities", "themes", "actors")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("partner_cities")
        if field is None:
            return
        field.required = True
        field.error_messages["required"] = _(
            "Choose at least one partner city: a story tells of an exchange with a partner."
        )


class ExchangeStoryPage(
    KnownRestrictionsMixin, HeroImageMixin, DemoContentMixin, BaseTemplateMixin, Page
):
    """A story of an exchange with one or more partner cities."""

    served_select_related = ["hero_image"]

    date = models.DateField(_("date"), help_text=_("When the exchange took place (or began)."))
    partner_cities = ParentalManyToManyField(
        PartnerCityPage, verbose_name=_("partner cities"), related_name="exchange_stories"
    )
    themes = ParentalManyToManyField(
        CooperationTheme, verbose_name=_("themes"), blank=True, related_name="+"
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, blank=True)
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: shown in lists, feeds and previews.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    actors = ParentalManyToManyField(
        "twinning.Actor", verbose_name=_("actors"), blank=True, related_name="stories"
    )
    funded_by_call = models.ForeignKey(
        "twinning.ProjectCallPage",
        verbose_name=_("funded by the call for projects"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    event = models.ForeignKey(
        "twinning.EventPage",
        verbose_name=_("event it tells"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ExchangeStoryManager()
    base_form_class = ExchangeStoryForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        FieldPanel("body"),
    ]
    facts_panels = [
        FieldPanel("date"),
        FieldPanel("partner_cities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("participants")]),
        FieldPanel("actors", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("funded_by_call"), FieldPanel("event")]),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("is_demo_content")]
    edit_handler = tabbed_edit_handler(content_panels, facts_panels, promote_panels)

    parent_page_types = ["twinning.ExchangeStoryIndexPage"]
    subpage_types: list[str] = []
    translatable_fields = translatable_fields(
        translated=["summary", "hero_image_alt", "body"],
        synchronized=[
            "date",
            "hero_image",
            "partner_cities",
            "themes",
            "audience",
            "participants",
            "is_demo_content",
            "actors",
            "funded_by_call",
            "event",
        ],
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("date"),
        index.FilterField("audience"),
    ]
    api_fields = [
        "date",
        "summary",
        "partner_cities",
        "themes",
        "audience",
        "participants",
        "hero_image",
        "body",
        "is_demo_content",
    ]

    class Meta:
        verbose_name = _("exchange story")
        verbose_name_plural = _("exchange stories")
        indexes = [models.Index(fields=["date"])]

    def localized_partner_cities(self):
        """Published cities only; ``filter`` also reads the unsaved choices of a preview."""
        cities = self.partner_cities.filter(live=True).order_by("title")
        return localize_related(cities, self.locale_id)

    def localized_themes(self):
        return localize_related(self.themes.all(), self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        view_restrictions(request)  # read once for the links, menu and languages it shows
        # Read when the page's fragment is built, not when it comes from the cache.
        context["partner_cities"] = SimpleLazyObject(self.localized_partner_cities)
        context["themes"] = SimpleLazyObject(self.localized_themes)
        return context
