from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import PageViewRestriction
from wagtail_localize.fields import SynchronizedField, TranslatableField

from twinning.public import base_template

# The fields of Wagtail's Page that wagtail-localize handles, as its defaults do.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus", overridable=False),
]


def translatable_fields(*, translated=(), synchronized=()):
    """The page's wagtail-localize fields: Page's own plus the named ones."""
    return [
        *PAGE_TRANSLATABLE_FIELDS,
        *(TranslatableField(name) for name in translated),
        *(SynchronizedField(name, overridable=False) for name in synchronized),
    ]


def alt_text_field():
    """The alternative text of a page's picture, written per language (wagtail-localize
    offers it to translators as a segment); the image's description stands in when empty."""
    return models.CharField(
        _("Alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describes the picture for people who cannot see it. Translated with the page; "
            "when empty, the image's description (or else its title) is used."
        ),
    )


def alt_text_of(image, written: str) -> str:
    """What readers who cannot see ``image`` are told: the text written with the page,
    else Wagtail's default for the image (its description, else its title)."""
    if image is None:
        return ""
    return written or image.default_alt_text


class HeroImageMixin(models.Model):
    """A page's main picture and its alternative text, which is translated with the page."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = alt_text_field()

    class Meta:
        abstract = True

    @property
    def hero_image_alt_text(self) -> str:
        return alt_text_of(self.hero_image, self.hero_image_alt)


class DemoContentMixin(models.Model):
    """Marks text written for the demonstration, so no invented fact passes as real."""

    is_demo_content = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_(
            "Ticked for illustrative text written for the demonstration: "
            "readers are told it is not a real account."
        ),
    )

    class Meta:
        abstract = True


class NotAtTreeRootMixin:
    """Sections are served under a site's home page; at the tree root no site serves them."""

    @classmethod
    def can_exist_under(cls, parent):
        return not parent.is_root() and super().can_exist_under(parent)


class KnownRestrictionsMixin:
    """A served page answers Wagtail's view-restriction check from what routing read.

    ``TreeRoutingMixin`` sets ``known_view_restrictions`` on the page it returns; any
    other instance (the admin's, a page routed by Wagtail itself) asks the database.
    """

    known_view_restrictions: list[PageViewRestriction] | None = None

    def get_view_restrictions(self):
        if self.known_view_restrictions is not None:
            return self.known_view_restrictions
        return super().get_view_restrictions()


class BaseTemplateMixin:
    """Hands the page's templates the host's base template, which twinning/base.html extends.

    Routable views render with ``get_context()`` too, so they get it as well.
    """

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(base_template.context())
        return context
