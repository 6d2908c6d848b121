"""The territory's actors that act internationally: associations, schools, universities..."""

from collections.abc import Iterable

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from twinning.admin.forms import LocaleScopedModelForm
from twinning.choices import ActorKind
from twinning.models.mixins import DemoContentMixin
from twinning.models.querysets import linked_to
from twinning.models.snippets import CooperationTheme


class ActorQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def concerning(self, city) -> "ActorQuerySet":
        """Actors working with ``city``, whichever language's page of the city they name."""
        through = Actor.partner_cities.through
        return self.filter(linked_to(through, "actor_id", city))


class ActorForm(LocaleScopedModelForm):
    locale_scoped_fields = ("partner_cities", "themes")


class Actor(DemoContentMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    """An association, school, company... of the territory that works with partner cities.

    A ClusterableModel so that wagtail-localize copies its partner cities and themes
    (parental many-to-many relations) into each translation.
    """

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ActorKind.choices)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What it does, in two or three sentences.")
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Published only if the actor agreed to it (box below)."),
    )
    contact_consent = models.BooleanField(
        _("may publish the contact e-mail"),
        default=False,
        help_text=_(
            "Tick only once the actor has agreed to its e-mail address being shown on the "
            "site and given to partner cities. Unticked, the address stays in the admin."
        ),
    )
    partner_cities = ParentalManyToManyField(
        "twinning.PartnerCityPage",
        verbose_name=_("partner cities it works with"),
        blank=True,
        related_name="actors",
    )
    themes = ParentalManyToManyField(
        CooperationTheme, verbose_name=_("themes"), blank=True, related_name="+"
    )

    objects = ActorQuerySet.as_manager()
    base_form_class = ActorForm

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldPanel("description"),
        FieldPanel("website"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("contact_consent")], heading=_("Contact")),
        FieldPanel("partner_cities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_demo_content"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("website", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("contact_consent", overridable=False),
        SynchronizedField("partner_cities", overridable=False),
        SynchronizedField("themes", overridable=False),
        SynchronizedField("is_demo_content", overridable=False),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def public_email(self) -> str:
        """The contact address if the actor consented to its publication, else "".

        The one gate for every public output (pages and API): never read ``email`` there.
        """
        return self.email if self.contact_consent and self.email else ""


def one_per_actor(actors: Iterable[Actor], locale_id: int) -> list[Actor]:
    """Each actor once: its version in the locale if translated, else its original.

    Actors are snippets, without the alias pages that pages have: an untranslated actor
    is shown in the language it was written in. Sorted by name.
    """
    chosen: dict = {}
    for actor in actors:
        current = chosen.get(actor.translation_key)
        if current is None or _preference(actor, locale_id) < _preference(current, locale_id):
            chosen[actor.translation_key] = actor
    return sorted(chosen.values(), key=lambda actor: actor.name.casefold())


def _preference(actor: Actor, locale_id: int) -> tuple[int, int]:
    if actor.locale_id == locale_id:
        return (0, actor.pk)
    # The original is the oldest version: translations are created after it.
    return (1, actor.pk)


__all__ = ["Actor", "ActorQuerySet", "one_per_actor"]
