"""A small world partners can read: two partner cities, a story, themes, images, and
locale trees for German and Arabic synchronised from French (aliases), with some real
translations published."""

import datetime
from types import SimpleNamespace

from django.core.cache import cache
from django.db import transaction
from django.urls import get_resolver
from django.utils import timezone

from wagtail_localize.models import TranslationSource

import pytest

from tests import factories
from tests.twinning.api.helpers import locale, sync, translate

DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True, scope="session")
def project_urls_loaded():
    """The project's URLconf registers the API and connects cache invalidation; Django
    loads it at start-up (system checks) and on the first request, tests on demand."""
    get_resolver().url_patterns  # noqa: B018


@pytest.fixture(autouse=True)
def fresh_cache():
    """API responses (and Wagtail's site roots) are cached: no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api(client):
    """An anonymous partner, on the site's host."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate_snippet(snippet, code, **fields):
    source, _created = TranslationSource.get_or_create_from_instance(snippet)
    translated, _created = source.create_or_update_translation(locale(code), fallback=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated


def shared(builder):
    """A module-scoped fixture of data built once, rolled back after the module.

    Building locale trees and translations takes seconds: modules whose tests only read
    share one build (each test still runs in its own savepoint, so writes are undone).
    """

    @pytest.fixture(scope="module")
    def fixture(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            cache.clear()
            yield builder()
            transaction.set_rollback(True)

    return fixture


def build_cities():
    """Tübingen (with two milestones) and Pérouse, as in the project's conftest."""
    home = factories.home_page()
    index = factories.PartnerCityIndexPageFactory(parent=home)
    tubingen = factories.tubingen_page(index)
    perugia = factories.perugia_page(index)
    stories_index = factories.ExchangeStoryIndexPageFactory(parent=home)
    return tubingen, perugia, stories_index


def build_world() -> SimpleNamespace:
    tubingen, perugia, stories_index = build_cities()
    image = factories.ImageFactory(title="Marché de Tübingen", description="Le marché")
    mobility = factories.CooperationThemeFactory(name="Mobilité", slug="mobility")
    culture = factories.CooperationThemeFactory(name="Culture", slug="culture")
    tubingen.hero_image = image
    tubingen.themes.set([mobility])
    tubingen.intro = "Première ville jumelée avec Aix."
    publish(tubingen)
    perugia.themes.set([culture])
    perugia.kind = "twinning"
    publish(perugia)
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index,
        title="Étudiants à Tübingen",
        slug="etudiants-tubingen",
        partner_cities=[tubingen, perugia],
        themes=[mobility],
    )
    story.hero_image = image
    story.body = [
        (
            "paragraph",
            f'<p>Voir <a linktype="page" id="{perugia.pk}">Pérouse</a> et '
            f'<a href="https://www.tuebingen.de/">le site de Tübingen</a>.</p>',
        ),
        (
            "image",
            {
                "image": image,
                "alt_text": "Étals du marché",
                "caption": "Le marché",
                "credit": "Ville",
            },
        ),
    ]
    publish(story)
    sync("de")  # the Arabic tree gets its parents copied by the translation below
    tubingen_de = translate(tubingen, "de", title="Tübingen", intro="Erste Partnerstadt von Aix.")
    tubingen_ar = translate(tubingen, "ar", title="توبنغن", intro="أول مدينة توأمة مع إكس.")
    story_de = translate(story, "de", title="Studierende in Tübingen", summary="Ein Austausch.")
    mobility_de = translate_snippet(mobility, "de", name="Mobilität")
    return SimpleNamespace(
        image=image,
        mobility=mobility,
        mobility_de=mobility_de,
        culture=culture,
        tubingen=tubingen,
        tubingen_de=tubingen_de,
        tubingen_ar=tubingen_ar,
        perugia=perugia,
        story=story,
        story_de=story_de,
        stories_index=stories_index,
    )


def build_agenda() -> SimpleNamespace:
    """The world, with calls for projects (open, upcoming, closed), two events and an
    actor that consents to its e-mail being published."""
    world = build_world()
    home = factories.home_page()
    now = timezone.now()
    calls_index = factories.ProjectCallIndexPageFactory(parent=home)
    world.open_call = publish(
        factories.ProjectCallPageFactory(
            parent=calls_index,
            title="Appel ouvert",
            opens_at=now - 10 * DAY,
            closes_at=now + 10 * DAY,
            partner_cities=[world.tubingen],
            themes=[world.mobility],
        )
    )
    world.upcoming_call = publish(
        factories.ProjectCallPageFactory(
            parent=calls_index,
            title="Appel à venir",
            opens_at=now + 5 * DAY,
            closes_at=now + 40 * DAY,
        )
    )
    world.closed_call = publish(
        factories.ProjectCallPageFactory(
            parent=calls_index,
            title="Appel clos",
            opens_at=now - 90 * DAY,
            closes_at=now - 30 * DAY,
            partner_cities=[world.perugia],
        )
    )
    events_index = factories.EventIndexPageFactory(parent=home)
    world.europe_day = publish(
        factories.EventPageFactory(
            parent=events_index,
            title="Fête de l'Europe",
            start=datetime.datetime(2026, 5, 9, 8, 0, tzinfo=datetime.UTC),
            end=datetime.datetime(2026, 5, 9, 16, 0, tzinfo=datetime.UTC),
            partner_cities=[world.tubingen],
            themes=[world.culture],
        )
    )
    world.market = publish(
        factories.EventPageFactory(
            parent=events_index,
            title="Marché international",
            start=datetime.datetime(2026, 12, 4, 9, 0, tzinfo=datetime.UTC),
            end=datetime.datetime(2026, 12, 6, 18, 0, tzinfo=datetime.UTC),
            partner_cities=[world.perugia],
        )
    )
    world.choir = factories.ActorFactory(
        name="Chorale du Pays d'Aix",
        email="chorale@example.org",
        contact_consent=True,
        partner_cities=[world.tubingen],
        themes=[world.culture],
    )
    world.europe_day.organiser = world.choir
    world.europe_day = publish(world.europe_day)
    return world


@pytest.fixture
def world(db):
    return build_world()
