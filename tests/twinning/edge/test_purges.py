"""What each kind of change purges from the edge, seen from the edge: the tags of every
response that showed the change, never the whole site."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Collection, PageViewRestriction, Site

import pytest

from tests import factories
from tests.twinning.page_form_data import log_in_editor
from tests.twinning.translation_helpers import translate
from twinning import cache_tags
from twinning.edge.tagging import MENU_TAG
from twinning.models import ExchangeStoryPage, PartnerCityPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_site_roots")]


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what the block leaves for after the commit, as a committed request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def publish_edit(page, **fields):
    page = page.specific
    for name, value in fields.items():
        if name == "partner_cities":
            page.partner_cities.set(value)
        else:
            setattr(page, name, value)
    page.save_revision().publish()


def test_publishing_a_story_purges_it_its_lists_and_its_cities_only(
    recording_edge, committing, story, tubingen, perugia
):
    with committing():
        publish_edit(story, title="Étudiants d'Aix à Tübingen")

    purged = recording_edge.tags
    assert {
        cache_tags.page_tag(story),
        cache_tags.type_tag(ExchangeStoryPage),
        cache_tags.about_tag(tubingen),
    } <= purged
    assert cache_tags.SITE_TAG not in purged
    assert MENU_TAG not in purged  # a story is in no menu
    assert cache_tags.page_tag(perugia) not in purged
    assert cache_tags.about_tag(perugia) not in purged
    assert cache_tags.type_tag(PartnerCityPage) not in purged


def test_story_moved_to_another_city_purges_both_cities(
    recording_edge, committing, story, tubingen, perugia
):
    with committing():
        publish_edit(story, partner_cities=[perugia])

    assert {cache_tags.about_tag(tubingen), cache_tags.about_tag(perugia)} <= recording_edge.tags


def test_unpublishing_and_deleting_a_story_purge_it(recording_edge, committing, story, tubingen):
    with committing():
        story.unpublish()
    assert {cache_tags.page_tag(story), cache_tags.about_tag(tubingen)} <= recording_edge.tags

    recording_edge.clear()
    tag = cache_tags.page_tag(story)
    with committing():
        story.delete()
    assert {tag, cache_tags.type_tag(ExchangeStoryPage)} <= recording_edge.tags


def test_publishing_a_translation_purges_every_language_version(recording_edge, committing, story):
    with committing():
        german = translate(story, "de", title="Studierende in Tübingen")

    assert german.translation_key == story.translation_key
    assert cache_tags.page_tag(german) in recording_edge.tags


def test_moving_a_section_purges_every_page_below_it(
    recording_edge, committing, home, stories_index, story
):
    other = factories.ContentPageFactory(parent=home, title="Archives", slug="archives")

    with committing():
        stories_index.move(other, pos="last-child")

    purged = recording_edge.tags
    assert {cache_tags.page_tag(stories_index), cache_tags.page_tag(story)} <= purged
    assert cache_tags.page_tag(other) in purged  # its new parent lists it


def test_editing_an_actor_purges_the_pages_showing_it(
    recording_edge, committing, stories_index, tubingen
):
    actor = factories.ActorFactory(name="Comité de jumelage")
    factories.ExchangeStoryPageFactory(
        parent=stories_index, partner_cities=[tubingen], actors=[actor]
    )
    other = factories.ExchangeStoryPageFactory(parent=stories_index, partner_cities=[tubingen])
    recording_edge.clear()

    with committing():
        actor.name = "Comité de jumelage d'Aix"
        actor.save()

    purged = recording_edge.tags
    assert cache_tags.object_tag(actor) in purged
    assert cache_tags.page_tag(other) not in purged
    assert cache_tags.SITE_TAG not in purged


def test_editing_an_image_purges_it_and_the_pages_using_it(
    recording_edge, committing, cities_index
):
    image = factories.ImageFactory()
    city = factories.PartnerCityPageFactory(
        parent=cities_index, title="Coimbra", slug="coimbra", hero_image=image
    )
    recording_edge.clear()

    with committing():
        image.title = "Le pont de Coimbra"
        image.save()

    assert {cache_tags.object_tag(image), cache_tags.page_tag(city)} <= recording_edge.tags


def test_restricting_a_section_in_the_admin_purges_every_page_below_it(
    recording_edge, committing, client_fr, admin_user, stories_index, story, tubingen
):
    log_in_editor(client_fr, admin_user)

    with committing():
        response = client_fr.post(
            reverse("wagtailadmin_pages:set_privacy", args=[stories_index.pk]),
            {"restriction_type": PageViewRestriction.LOGIN, "password": "", "groups": []},
        )

    assert response.status_code == 200
    purged = recording_edge.tags
    assert {
        cache_tags.page_tag(stories_index),
        cache_tags.page_tag(story),
        cache_tags.type_tag(ExchangeStoryPage),
    } <= purged
    assert cache_tags.page_tag(tubingen) not in purged

    recording_edge.clear()
    with committing():
        client_fr.post(
            reverse("wagtailadmin_pages:set_privacy", args=[stories_index.pk]),
            {"restriction_type": PageViewRestriction.NONE, "password": "", "groups": []},
        )
    assert not PageViewRestriction.objects.exists()
    assert cache_tags.page_tag(story) in recording_edge.tags


def test_restricting_a_collection_purges_its_images_and_the_pages_showing_them(
    recording_edge, committing, cities_index
):
    archives = Collection.get_first_root_node().add_child(name="Archives")
    photos = archives.add_child(name="Photos")
    image = factories.ImageFactory(collection=photos)
    public_image = factories.ImageFactory()
    city = factories.PartnerCityPageFactory(
        parent=cities_index, title="Coimbra", slug="coimbra", hero_image=image
    )
    editor = get_user_model().objects.create_superuser("archiviste", "a@example.org", "pw")
    client = Client()
    client.force_login(editor)
    recording_edge.clear()

    with committing():
        response = client.post(
            reverse("wagtailadmin_collections:set_privacy", args=[archives.pk]),
            {"restriction_type": "login"},
        )

    assert response.status_code == 200
    purged = recording_edge.tags
    assert {cache_tags.object_tag(image), cache_tags.page_tag(city)} <= purged
    assert cache_tags.object_tag(public_image) not in purged


def test_changing_the_site_purges_everything(recording_edge, committing, home):
    site = Site.objects.get(is_default_site=True)

    with committing():
        site.site_name = "Aix, ville jumelée"
        site.save()

    assert cache_tags.SITE_TAG in recording_edge.tags


def test_without_an_edge_nothing_is_sent(recording_edge, committing, settings, story):
    settings.TWINNING = {**settings.TWINNING, "EDGE_PURGE_URLS": []}

    with committing():
        publish_edit(story, title="Rien n'est purgé")

    assert recording_edge.purged == []


def test_without_an_edge_a_publish_reads_nothing_for_tags(
    recording_edge, committing, settings, story
):
    """The tags of a change cost queries: a site with no edge does not pay them."""
    with CaptureQueriesContext(connection) as with_edge, committing():
        publish_edit(story, title="Avec une tête de réseau")
    settings.TWINNING = {**settings.TWINNING, "EDGE_PURGE_URLS": []}
    with CaptureQueriesContext(connection) as without_edge, committing():
        publish_edit(story, title="Sans tête de réseau")

    assert recording_edge.purged  # the first publish did purge
    tag_reads = ('"wagtailcore_referenceindex"', "partner_cities")
    assert any(table in q["sql"] for q in with_edge.captured_queries for table in tag_reads)
    assert len(without_edge.captured_queries) < len(with_edge.captured_queries)


def test_an_edge_that_does_not_answer_fails_no_publish_and_is_tried_again(
    committing, settings, story
):
    settings.TWINNING = {
        **settings.TWINNING,
        "EDGE_PURGE_URLS": ["http://127.0.0.1:9"],  # the discard port: refused
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    with committing():
        publish_edit(story, title="Publié malgré tout")

    story.refresh_from_db()
    assert story.title == "Publié malgré tout"
    assert story.live
    retries = [r for r in default_task_backend.results if r.task.name == "purge_later"]
    assert len(retries) == 1
    url, tags, tries = retries[0].args
    assert url == "http://127.0.0.1:9"
    assert cache_tags.page_tag(story) in tags
    assert tries == 1
