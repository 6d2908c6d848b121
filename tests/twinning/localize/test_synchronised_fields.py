"""Facts a translator cannot change follow their source at once, in every language.

Made as editors make them: the French page published through the page editor, the French
actor saved through the snippet editor; translations through wagtail-localize.
"""

from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import TranslationSource

import pytest

from tests import factories
from tests.twinning.localize_helpers import (
    admin_user,
    in_locale,
    locale,
    publish,
    submit,
    translate_strings,
)
from tests.twinning.page_form_data import city_form_data, edit_url, milestone
from tests.twinning.page_form_data import publish as publish_data
from twinning.models import Actor, PartnerCityPage, PartnershipMilestone


@pytest.fixture
def german_tubingen(tubingen, django_capture_on_commit_callbacks):
    """Tübingen translated into German and published."""
    submit(tubingen, "de")
    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung"})
    publish(tubingen, "de", django_capture_on_commit_callbacks)
    german = in_locale(tubingen, "de")
    assert german.live
    return german


def city_as_posted(city, **fields):
    """The city editor's form for ``city``, its milestones posted as existing rows."""
    data = city_form_data(milestones=milestones_as_posted(city), **fields)
    data["milestones-INITIAL_FORMS"] = str(city.milestones.count())
    return publish_data(data)


def milestones_as_posted(city):
    return [
        milestone(
            id=str(item.pk),
            date=item.date,
            kind=item.kind,
            title=item.title,
            description=item.description,
            ORDER=str(index),
        )
        for index, item in enumerate(city.milestones.all())
    ]


def test_new_coordinates_reach_the_live_german_page_when_the_french_one_is_published(
    client, client_fr, tubingen, german_tubingen, django_capture_on_commit_callbacks
):
    admin_user(client)
    data = city_as_posted(tubingen, latitude="48.50000")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(tubingen), data)
    assert response.status_code == 302, response.context["form"].errors

    german = PartnerCityPage.objects.get(pk=german_tubingen.pk)
    assert str(german.latitude) == "48.50000"
    assert german.title == "Tübingen" and german.live
    # The German page's own revisions agree, so publishing it later keeps the new value.
    assert german.live_revision.as_object().latitude == german.latitude
    api = client_fr.get(f"/api/v2/pages/{german.pk}/").json()
    assert str(api["latitude"]).startswith("48.5")


def test_synchronised_facts_never_publish_translatable_text(
    client, tubingen, german_tubingen, django_capture_on_commit_callbacks
):
    admin_user(client)
    data = city_as_posted(tubingen, latitude="48.50000", intro="Nouvelle introduction en français.")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(tubingen), data)

    german = PartnerCityPage.objects.get(pk=german_tubingen.pk)
    assert german.intro != "Nouvelle introduction en français."
    assert "Unterzeichnung" in [item.title for item in german.milestones.all()]


def test_milestone_date_change_reaches_the_german_milestone(
    client, tubingen, german_tubingen, django_capture_on_commit_callbacks
):
    admin_user(client)
    data = city_as_posted(tubingen)
    [index] = [key for key, value in data.items() if value == "Prix de l'Europe"]
    data[index.replace("-title", "-date")] = "1966"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(tubingen), data)

    german_dates = {
        item.translation_key: item.date
        for item in PartnershipMilestone.objects.filter(page=german_tubingen)
    }
    french = PartnershipMilestone.objects.get(page=tubingen, title="Prix de l'Europe")
    assert german_dates[french.translation_key] == "1966"


def test_a_draft_german_page_gets_the_new_facts_too(
    client, tubingen, django_capture_on_commit_callbacks
):
    submit(tubingen, "de")
    german = in_locale(tubingen, "de")
    assert not german.live
    admin_user(client)
    data = city_as_posted(tubingen, latitude="48.50000")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(tubingen), data)

    german = PartnerCityPage.objects.get(pk=german.pk)
    assert str(german.latitude) == "48.50000"
    assert german.get_latest_revision_as_object().latitude == german.latitude
    assert not german.live


# Snippets ----------------------------------------------------------------------------------


@pytest.fixture
def actor_in_german(tubingen):
    actor = factories.ActorFactory(
        name="Cercle franco-allemand",
        partner_cities=[tubingen],
        email="cercle@example.org",
        contact_consent=True,
        website="https://cercle.example.org/",
    )
    source, _created = TranslationSource.get_or_create_from_instance(actor)
    source.create_or_update_translation(locale("de"), fallback=True)
    german = Actor.objects.get(translation_key=actor.translation_key, locale=locale("de"))
    assert german.contact_consent
    return actor, german


def actor_form_data(actor, **fields):
    data = {
        "name": actor.name,
        "kind": actor.kind,
        "description": actor.description,
        "website": actor.website,
        "email": actor.email,
        "partner_cities": [str(city.pk) for city in actor.partner_cities.all()],
        "themes": [str(theme.pk) for theme in actor.themes.all()],
    }
    if actor.contact_consent:
        data["contact_consent"] = "on"
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def test_withdrawn_consent_hides_the_email_in_every_language_at_once(
    client, client_fr, actor_in_german
):
    actor, german = actor_in_german
    admin_user(client)
    assert client_fr.get("/api/v2/actors/?locale=de").json()["items"][0]["email"]

    response = client.post(
        reverse("wagtailsnippets_twinning_actor:edit", args=[actor.pk]),
        actor_form_data(actor, contact_consent=None),
    )
    assert response.status_code == 302

    german.refresh_from_db()
    assert not german.contact_consent
    for url in ("/api/v2/actors/?locale=de", f"/api/v2/actors/{german.pk}/"):
        body = client_fr.get(url).content.decode()
        assert "cercle@example.org" not in body, url


def test_snippet_facts_and_partner_cities_follow_the_french_actor(client, actor_in_german, perugia):
    actor, german = actor_in_german
    admin_user(client)

    client.post(
        reverse("wagtailsnippets_twinning_actor:edit", args=[actor.pk]),
        actor_form_data(
            actor,
            kind="school",
            website="https://nouveau.example.org/",
            partner_cities=[str(perugia.pk)],
        ),
    )

    german = Actor.objects.get(pk=german.pk)
    assert german.kind == "school"
    assert german.website == "https://nouveau.example.org/"
    assert list(german.partner_cities.all()) == [Page.objects.get(pk=perugia.pk).specific]
    assert german.name == "Cercle franco-allemand"  # translatable: left to the translator
