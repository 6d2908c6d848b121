import datetime
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.admin.panels import get_edit_handler
from wagtail.models import Locale, Site
from wagtail_localize.models import TranslationSource

import pytest

from tests import factories
from twinning.models import Actor
from twinning.models.actors import one_per_actor

UTC = datetime.UTC
NOW = datetime.datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def events_index(home):
    return factories.EventIndexPageFactory(parent=home)


@pytest.fixture
def calls_index(home):
    return factories.ProjectCallIndexPageFactory(parent=home)


@pytest.fixture
def german():
    locale = Locale.objects.get_or_create(language_code="de")[0]
    yield locale
    Site.clear_site_root_paths_cache()


def german_translation(page, title):
    """A published German translation of ``page`` (its parents become German drafts)."""
    translated = page.specific.copy_for_translation(
        Locale.objects.get(language_code="de"), copy_parents=True
    )
    translated.title = title
    translated.save_revision().publish()
    Site.clear_site_root_paths_cache()
    return type(translated).objects.get(pk=translated.pk)


# Privacy of contact details


@pytest.fixture
def consenting(tubingen):
    return factories.ActorFactory(
        name="Maison de l'Europe",
        email="contact@maison-europe.example",
        contact_consent=True,
        partner_cities=[tubingen],
    )


@pytest.fixture
def not_consenting(tubingen):
    return factories.ActorFactory(
        name="Lycée Cézanne",
        kind="school",
        email="proviseur@lycee.example",
        contact_consent=False,
        partner_cities=[tubingen],
    )


def test_public_email_needs_the_actors_consent(consenting, not_consenting):
    assert consenting.public_email == "contact@maison-europe.example"
    assert not_consenting.public_email == ""


def test_city_page_shows_an_actors_email_only_with_consent(
    client_fr, tubingen, consenting, not_consenting, events_index
):
    html = client_fr.get(tubingen.url).content.decode()

    assert "Lycée Cézanne" in html and "Maison de l&#x27;Europe" in html
    assert "mailto:contact@maison-europe.example" in html
    assert "proviseur@lycee.example" not in html


def test_actor_listing_keeps_an_email_without_consent_private(
    client_fr, events_index, consenting, not_consenting
):
    private = client_fr.get(f"{events_index.url}?actor={not_consenting.pk}").content.decode()
    public = client_fr.get(f"{events_index.url}?actor={consenting.pk}").content.decode()

    assert "Lycée Cézanne" in private
    assert "proviseur@lycee.example" not in private
    assert "mailto:contact@maison-europe.example" in public


# Admin validation and choices


def actor_form(data, instance=None):
    form_class = get_edit_handler(Actor).get_form_class()
    instance = instance or Actor(locale=Locale.objects.get(language_code="fr"))
    return form_class(data, instance=instance)


def test_admin_form_explains_an_invalid_email(db):
    with translation.override("en"):
        form = actor_form(
            {"name": "Association", "kind": "association", "email": "pas-une-adresse"}
        )
        assert not form.is_valid()
        assert form.errors["email"] == ["Enter a valid email address."]


def test_admin_form_accepts_a_valid_actor(tubingen):
    form = actor_form(
        {
            "name": "Association Aix-Tübingen",
            "kind": "association",
            "email": "bonjour@aix-tubingen.example",
            "contact_consent": "on",
            "partner_cities": [tubingen.pk],
        }
    )
    assert form.is_valid(), form.errors
    actor = form.save()
    assert actor.public_email == "bonjour@aix-tubingen.example"
    assert list(actor.partner_cities.all()) == [tubingen]


def test_admin_form_offers_partner_cities_of_the_actors_language(tubingen, german):
    german_translation(tubingen, "Tübingen (de)")
    form = actor_form({})
    assert list(form.fields["partner_cities"].queryset) == [tubingen]


# Partner city page sections


@pytest.fixture
def city_agenda(tubingen, perugia, events_index, calls_index):
    def event(title, start, cities):
        return factories.EventPageFactory(
            parent=events_index, title=title, start=start, end=start + DAY, partner_cities=cities
        )

    def call(title, opens, closes, cities):
        return factories.ProjectCallPageFactory(
            parent=calls_index, title=title, opens_at=opens, closes_at=closes, partner_cities=cities
        )

    return {
        "event next month": event("Semaine allemande", NOW + 30 * DAY, [tubingen]),
        "event next week": event("Fête de l'Europe", NOW + 7 * DAY, [tubingen, perugia]),
        "event past": event("Marché 2025", NOW - 150 * DAY, [tubingen]),
        "event elsewhere": event("Semaine italienne", NOW + 3 * DAY, [perugia]),
        "call open": call("Mobilité Tübingen", NOW - 10 * DAY, NOW + 20 * DAY, [tubingen]),
        "call open to all": call("Appel général", NOW - 10 * DAY, NOW + 40 * DAY, []),
        "call closed": call("Appel 2025", NOW - 300 * DAY, NOW - 200 * DAY, [tubingen]),
        "call upcoming": call("Appel d'automne", NOW + 100 * DAY, NOW + 150 * DAY, [tubingen]),
        "call elsewhere": call("Mobilité Pérouse", NOW - 10 * DAY, NOW + 20 * DAY, [perugia]),
        "actor": factories.ActorFactory(name="Cercle franco-allemand", partner_cities=[tubingen]),
        "actor elsewhere": factories.ActorFactory(name="Amis de Pérouse", partner_cities=[perugia]),
    }


def test_city_agenda_has_its_upcoming_events_open_calls_and_actors(tubingen, city_agenda):
    agenda = tubingen.agenda(NOW)

    assert agenda.upcoming_events == [
        city_agenda["event next week"],
        city_agenda["event next month"],
    ]
    assert agenda.open_calls == [city_agenda["call open"], city_agenda["call open to all"]]
    assert agenda.actors == [city_agenda["actor"]]


def test_city_page_shows_the_agenda_sections(client_fr, tubingen, city_agenda, events_index):
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        html = client_fr.get(tubingen.url).content.decode()

    for shown in (
        "Fête de l&#x27;Europe",
        "Semaine allemande",
        "Mobilité Tübingen",
        "Appel général",
    ):
        assert shown in html
    for hidden in ("Marché 2025", "Semaine italienne", "Appel 2025", "Appel d&#x27;automne"):
        assert hidden not in html
    assert "Mobilité Pérouse" not in html and "Amis de Pérouse" not in html
    actor = city_agenda["actor"]
    assert f'href="{events_index.url}?actor={actor.pk}"' in html


def test_city_agenda_takes_the_same_queries_for_one_or_many_items(
    tubingen, perugia, events_index, calls_index
):
    def fill(count):
        for n in range(count):
            factories.EventPageFactory(
                parent=events_index,
                start=NOW + (n + 1) * DAY,
                end=NOW + (n + 2) * DAY,
                partner_cities=[tubingen],
            )
            factories.ProjectCallPageFactory(
                parent=calls_index,
                opens_at=NOW - DAY,
                closes_at=NOW + DAY,
                partner_cities=[tubingen],
            )
            factories.ActorFactory(partner_cities=[tubingen])

    def queries():
        with CaptureQueriesContext(connection) as context:
            agenda = tubingen.agenda(NOW)
        return len(context.captured_queries), agenda

    fill(1)
    few, agenda = queries()
    assert len(agenda.actors) == 1
    fill(4)
    many, agenda = queries()
    assert len(agenda.upcoming_events) == 5 and len(agenda.actors) == 5
    assert many == few
    assert few <= 8


def test_city_page_without_agenda_shows_no_empty_sections(client_fr, tubingen):
    html = client_fr.get(tubingen.url).content.decode()
    assert 'id="events-heading"' not in html
    assert 'id="calls-heading"' not in html
    assert 'id="actors-heading"' not in html


# What an actor did and with whom


def test_actor_listing_shows_its_events_stories_and_partners(
    client_fr, events_index, calls_index, stories_index, tubingen, perugia
):
    actor = factories.ActorFactory(name="Cercle franco-allemand", partner_cities=[tubingen])
    other = factories.ActorFactory(name="Autre association")
    organised = factories.EventPageFactory(
        parent=events_index,
        title="Soirée Tübingen",
        organiser=actor,
        start=NOW - 20 * DAY,
        end=NOW - 19 * DAY,
    )
    joined = factories.EventPageFactory(
        parent=events_index,
        title="Fête de l'Europe",
        actors=[actor, other],
        start=NOW + 8 * DAY,
        end=NOW + 9 * DAY,
    )
    factories.EventPageFactory(parent=events_index, title="Sans lui", organiser=other)
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Voyage à Tübingen", partner_cities=[tubingen]
    )
    story.actors.set([actor])
    story.save()
    call = factories.ProjectCallPageFactory(
        parent=calls_index, title="Appel Tübingen", actors=[actor]
    )

    with mock.patch("django.utils.timezone.now", return_value=NOW):
        html = client_fr.get(f"{events_index.url}?actor={actor.pk}").content.decode()

    assert "Cercle franco-allemand" in html
    assert organised.url in html and joined.url in html
    assert "Sans lui" not in html
    assert story.url in html
    assert call.url in html
    assert tubingen.url in html and perugia.url not in html


@pytest.mark.parametrize("value", ["abc", "999999", "-1", "²", "9" * 30])
def test_actor_listing_explains_an_unknown_actor(client_fr, events_index, value):
    factories.EventPageFactory(parent=events_index, title="Fête de l'Europe")
    response = client_fr.get(f"{events_index.url}?actor={value}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Fête de l&#x27;Europe" in html


# Languages


def test_translated_actor_keeps_its_cities_and_shows_in_the_citys_language(
    client_fr, tubingen, german
):
    actor = factories.ActorFactory(
        name="Cercle franco-allemand", partner_cities=[tubingen], email="a@b.example"
    )
    source, _created = TranslationSource.get_or_create_from_instance(actor)
    source.create_or_update_translation(german, fallback=True)
    german_actor = Actor.objects.get(translation_key=actor.translation_key, locale=german)
    german_actor.name = "Deutsch-Französischer Kreis"
    german_actor.save()

    assert list(german_actor.partner_cities.all()) == [tubingen]
    german_city = german_translation(tubingen, "Tübingen")
    actors = Actor.objects.concerning(german_city)
    assert one_per_actor(actors, german.pk) == [german_actor]
    assert one_per_actor(actors, tubingen.locale_id) == [actor]

    german_html = client_fr.get(german_city.url).content.decode()
    french_html = client_fr.get(tubingen.url).content.decode()
    assert "Deutsch-Französischer Kreis" in german_html
    assert "Cercle franco-allemand" in french_html
    assert "Deutsch-Französischer Kreis" not in french_html


def test_untranslated_actor_shows_in_its_own_language(tubingen, german):
    actor = factories.ActorFactory(name="Cercle franco-allemand", partner_cities=[tubingen])
    german_city = german_translation(tubingen, "Tübingen")
    assert german_city.agenda(NOW).actors == [actor]


def test_actors_are_found_by_search(db):
    factories.ActorFactory(name="Cercle franco-allemand", description="Échanges avec Tübingen")
    factories.ActorFactory(name="Amis de Pérouse", description="Échanges avec l'Ombrie")
    assert [actor.name for actor in Actor.objects.search("Tübingen")] == ["Cercle franco-allemand"]
