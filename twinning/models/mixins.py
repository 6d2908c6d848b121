from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_localize.fields import SynchronizedField, TranslatableField

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
