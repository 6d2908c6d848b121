"""Small factories for focused tests. The demo loader is tested, never used as a fixture."""

import datetime

from django.utils.text import slugify

from wagtail.models import Locale, Page, Site

import factory
import wagtail_factories

from twinning.choices import Audience, MilestoneKind, PartnershipKind
from twinning.models import (
    ContentPage,
    CooperationTheme,
    ExchangeStoryIndexPage,
    ExchangeStoryPage,
    PartnerCityIndexPage,
    PartnerCityPage,
    PartnershipMilestone,
)


def french():
    return Locale.objects.get_or_create(language_code="fr")[0]


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Photo {n}")


class CooperationThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    locale = factory.LazyFunction(french)

    class Meta:
        model = CooperationTheme


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page saved the way the admin saves it: a revision, published unless ``live=False``.

    Real pages have a live revision (which aliases copy, and wagtail-localize reads);
    pages without one hide the defects readers meet.
    """

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            save_as_admin(instance)


def save_as_admin(page):
    """Save ``page`` as a new revision, published when the page is live (as the admin does)."""
    revision = page.save_revision()
    if page.live:
        revision.publish()
    page.refresh_from_db()
    return page


class PartnerCityIndexPageFactory(PublishedPageFactory):
    title = "Villes partenaires"
    slug = "villes-partenaires"

    class Meta:
        model = PartnerCityIndexPage


class PartnerCityPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Ville {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    country = "DE"
    latitude = "48.52160"
    longitude = "9.05760"
    kind = PartnershipKind.TWINNING
    signed = "1960-10-20"
    wikidata_id = factory.Sequence(lambda n: f"Q{1000 + n}")
    intro = factory.LazyAttribute(lambda o: f"{o.title}, ville partenaire d'Aix-en-Provence.")

    class Meta:
        model = PartnerCityPage


class PartnershipMilestoneFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PartnerCityPageFactory)
    date = "1960-10-20"
    kind = MilestoneKind.SIGNING
    title = factory.Sequence(lambda n: f"Étape {n}")
    locale = factory.LazyAttribute(lambda o: o.page.locale)

    class Meta:
        model = PartnershipMilestone

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # Milestones are edited inline: the admin saves them in a new revision of the page.
        if create:
            save_as_admin(instance.page)


class ExchangeStoryIndexPageFactory(PublishedPageFactory):
    title = "Récits d'échanges"
    slug = "recits"

    class Meta:
        model = ExchangeStoryIndexPage


class ExchangeStoryPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Récit {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    date = datetime.date(2016, 5, 9)
    audience = Audience.STUDENTS
    summary = factory.LazyAttribute(lambda o: f"Résumé de « {o.title} ».")

    class Meta:
        model = ExchangeStoryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def partner_cities(self, create, extracted, **kwargs):
        if extracted:
            self.partner_cities.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            if create:
                self.save()


class ContentPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))

    class Meta:
        model = ContentPage


def home_page() -> Page:
    """The root page of the default site, in French: the page the initial migrations create.

    The plugin's pages go under a host's home page, which routes its language tree with
    ``TreeRoutingMixin``: the test project's ``test_pages.HomePage`` in the plugin's tests,
    Aix's ``home.HomePage`` in the reference site's.
    """
    return Site.objects.get(is_default_site=True).root_page.specific


# Calls for projects, events and actors. Models are named as strings so that this
# section stays self-contained at the end of the module.


def _parental_m2m(name):
    """A post-generation hook setting the parental many-to-many ``name``, then saving."""

    def hook(obj, create, extracted, **kwargs):
        if extracted:
            getattr(obj, name).set(extracted)
            if create:
                obj.save()

    hook.__name__ = name
    return factory.PostGeneration(hook)


class ActorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Association {n}")
    kind = "association"
    description = factory.LazyAttribute(lambda o: f"{o.name} agit à l'international.")
    locale = factory.LazyFunction(french)
    partner_cities = _parental_m2m("partner_cities")
    themes = _parental_m2m("themes")

    class Meta:
        model = "twinning.Actor"
        skip_postgeneration_save = True


class ProjectCallIndexPageFactory(PublishedPageFactory):
    title = "Appels à projets"
    slug = "appels-a-projets"

    class Meta:
        model = "twinning.ProjectCallIndexPage"


class ProjectCallPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Appel à projets {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = factory.LazyAttribute(lambda o: f"Résumé de « {o.title} ».")
    eligibility = "<p>Les associations aixoises.</p>"
    opens_at = datetime.datetime(2026, 1, 5, 8, 0, tzinfo=datetime.UTC)
    closes_at = datetime.datetime(2026, 3, 31, 21, 59, tzinfo=datetime.UTC)
    apply_email = "international@example.org"
    partner_cities = _parental_m2m("partner_cities")
    themes = _parental_m2m("themes")
    actors = _parental_m2m("actors")

    class Meta:
        model = "twinning.ProjectCallPage"
        skip_postgeneration_save = True


class EventIndexPageFactory(PublishedPageFactory):
    title = "Événements"
    slug = "evenements"

    class Meta:
        model = "twinning.EventIndexPage"


class EventPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Événement {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = factory.LazyAttribute(lambda o: f"Résumé de « {o.title} ».")
    start = datetime.datetime(2026, 5, 9, 8, 0, tzinfo=datetime.UTC)
    end = datetime.datetime(2026, 5, 9, 16, 0, tzinfo=datetime.UTC)
    partner_cities = _parental_m2m("partner_cities")
    themes = _parental_m2m("themes")
    actors = _parental_m2m("actors")

    class Meta:
        model = "twinning.EventPage"
        skip_postgeneration_save = True


def tubingen_page(index) -> PartnerCityPage:
    """Tübingen, twinned since 1960, with its signing and its Prix de l'Europe (1965).

    Published once with its milestones, as an editor fills the inline panel and publishes:
    most tests start from this page, and each extra revision costs a publish.
    """
    return PartnerCityPageFactory(
        parent=index,
        title="Tübingen",
        slug="tubingen",
        country="DE",
        latitude="48.52160",
        longitude="9.05760",
        signed="1960-10-20",
        wikidata_id="Q3806",
        milestones=[
            PartnershipMilestone(date="1965", kind="award", title="Prix de l'Europe", sort_order=1),
            PartnershipMilestone(
                date="1960-10-20", kind="signing", title="Signature du jumelage", sort_order=0
            ),
        ],
    )


def perugia_page(index) -> PartnerCityPage:
    """Perugia (Pérouse in French), a partner since 1970."""
    return PartnerCityPageFactory(
        parent=index,
        title="Pérouse",
        slug="perouse",
        country="IT",
        latitude="43.11070",
        longitude="12.39080",
        signed="1970",
        wikidata_id="Q3437",
    )
