"""Generic pages: plain content pages (the strategy, the axes, practical information)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from twinning.blocks import BodyBlock
from twinning.models.mixins import (
    BaseTemplateMixin,
    KnownRestrictionsMixin,
    NotAtTreeRootMixin,
    translatable_fields,
)


class ContentPage(KnownRestrictionsMixin, NotAtTreeRootMixin, BaseTemplateMixin, Page):
    """A plain page: the international strategy, the axes, practical information."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["twinning.ContentPage"]
    translatable_fields = translatable_fields(translated=["intro", "body"])
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = ["intro", "body"]

    class Meta:
        verbose_name = _("content page")
