"""What every index page of the plugin shares: an introduction above the listing."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from twinning.models.mixins import (
    BaseTemplateMixin,
    KnownRestrictionsMixin,
    NotAtTreeRootMixin,
    translatable_fields,
)
from twinning.models.panels import INTRO_FEATURES


class IndexPage(KnownRestrictionsMixin, NotAtTreeRootMixin, BaseTemplateMixin, Page):
    """One per parent, with a translated introduction; ``subpage_types`` names what it lists."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    translatable_fields = translatable_fields(translated=["intro"])
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = ["intro"]

    class Meta:
        abstract = True
