from django import forms
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from twinning.admin.forms import LocaleScopedPageForm
from twinning.models import ExchangeStoryPage, PartnerCityIndexPage, PartnerCityPage
from twinning.models.mixins import translatable_fields
from twinning.models.querysets import localize_related
from twinning.public.aliases import with_text_language
from twinning.public.request_cache import tree_children
from twinning.public.routing import TreeRoutingMixin
from twinning.public.visibility import is_public, public, view_restrictions


class HomePageForm(LocaleScopedPageForm):
    locale_scoped_fields = ("featured_cities",)


class HomePage(TreeRoutingMixin, Page):
    """The site's front page: who Aix's partners are, and what happened lately."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    featured_cities = ParentalManyToManyField(
        "twinning.PartnerCityPage",
        verbose_name=_("featured partner cities"),
        blank=True,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("featured_cities", widget=forms.CheckboxSelectMultiple),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "twinning.PartnerCityIndexPage",
        "twinning.ExchangeStoryIndexPage",
        "twinning.ProjectCallIndexPage",
        "twinning.EventIndexPage",
        "twinning.ContentPage",
    ]
    max_count_per_parent = 1
    translatable_fields = translatable_fields(
        translated=["intro"], synchronized=["featured_cities"]
    )
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = ["intro", "featured_cities"]
    base_form_class = HomePageForm

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        restrictions = view_restrictions(request)  # read once for every list and the menu
        context["featured_cities"] = localize_related(
            self.featured_cities.filter(live=True).order_by("title").select_related("hero_image"),
            self.locale_id,
        )
        context["latest_stories"] = with_text_language(
            public(ExchangeStoryPage.objects.live(), restrictions)
            .filter(locale_id=self.locale_id)
            .newest_first()
            .select_related("hero_image")
            .defer("body")[:6]
        )
        context["cities_index"] = self.cities_index(request, restrictions)
        context["city_count"] = (
            public(PartnerCityPage.objects.live(), restrictions)
            .filter(locale_id=self.locale_id)
            .count()
        )
        return context

    def cities_index(self, request, restrictions):
        """The partner cities listing: among the children routing read, else looked for."""
        for child in tree_children(request, self) or []:
            if (
                child.specific_class is PartnerCityIndexPage
                and child.live
                and is_public(child, restrictions)
            ):
                return child
        return (
            public(PartnerCityIndexPage.objects.live(), restrictions)
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .first()
        )
