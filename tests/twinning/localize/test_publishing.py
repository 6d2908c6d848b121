"""Only publishers publish translations, through "Sync translated pages" too.

Wagtail's "Editors" group (the demo's ``editor``) may submit translations but not publish;
wagtail-localize's sync with "Publish immediately" published for them. Pages are published
with revisions, translations made and synced through wagtail-localize's admin views.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, TranslationSource

import pytest

from tests.twinning.localize_helpers import (
    admin_user,
    in_locale,
    locale,
    log_in,
    publish,
    submit,
    translate_strings,
)
from tests.twinning.page_form_data import city_form_data, edit_url
from tests.twinning.page_form_data import publish as publish_data
from twinning.localize.groups import ensure_editorial_groups

GERMAN_STRINGS = {
    "Tübingen": "Tübingen",
    "Signature du jumelage": "Unterzeichnung",
    "Prix de l'Europe": "Europapreis",
}


def translate_all(page, code: str, **more: str) -> None:
    """A translator's complete work: every string of the page translated."""
    source = TranslationSource.objects.get(object_id=page.translation_key)
    source.update_from_db()
    texts = {
        segment.string.data: {**GERMAN_STRINGS, **more}.get(
            segment.string.data, segment.string.data
        )
        for segment in StringSegment.objects.filter(source=source).select_related("string")
    }
    translate_strings(page, code, texts)


@pytest.fixture
def german_tubingen(tubingen, django_capture_on_commit_callbacks):
    submit(tubingen, "de")
    translate_all(tubingen, "de")
    publish(tubingen, "de", django_capture_on_commit_callbacks)
    return in_locale(tubingen, "de")


@pytest.fixture
def editor(client):
    """Wagtail's "Editors" group, given the right to submit translations (as in the demo)."""
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    group = Group.objects.get(name="Editors")
    group.permissions.add(Permission.objects.get(codename="submit_translation"))
    user.groups.add(group)
    return log_in(client, user)


def change_french_title(client, tubingen, capture, title):
    """A French edit published by an admin, so the German page has something to sync."""
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    log_in(client, admin)
    data = publish_data(city_form_data(title=title, milestones=[]))
    with capture(execute=True):
        assert client.post(edit_url(tubingen), data).status_code == 302
    client.logout()


def sync_url(page) -> str:
    source = TranslationSource.objects.get(object_id=page.translation_key)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def sync_and_publish(client, page, capture) -> str:
    """Sync with "Publish immediately"; the messages the editor reads next."""
    with capture(execute=True):
        response = client.post(sync_url(page), {"publish_translations": "on"}, follow=True)
    assert response.status_code == 200
    return " ".join(str(message) for message in response.context["messages"])


def test_editor_cannot_republish_a_german_page_through_the_sync(
    client, tubingen, german_tubingen, editor, django_capture_on_commit_callbacks
):
    live_revision = german_tubingen.live_revision_id

    said = sync_and_publish(client, tubingen, django_capture_on_commit_callbacks)

    german = Page.objects.get(pk=german_tubingen.pk)
    assert german.live_revision_id == live_revision
    assert "may not publish" in said


def test_editor_sync_hands_the_complete_translation_to_its_workflow(
    client, tubingen, german_tubingen, editor, django_capture_on_commit_callbacks
):
    """Wagtail's default "Moderators approval" workflow applies from the root."""
    sync_and_publish(client, tubingen, django_capture_on_commit_callbacks)

    state = WorkflowState.objects.get(object_id=str(german_tubingen.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_sync_never_publishes_untranslated_french_text(
    client, client_fr, tubingen, german_tubingen, django_capture_on_commit_callbacks
):
    change_french_title(client, tubingen, django_capture_on_commit_callbacks, "Tübingen (Bade)")
    admin_user(client, "admin2")

    said = sync_and_publish(client, tubingen, django_capture_on_commit_callbacks)

    assert "not translated yet" in said
    german = Page.objects.get(pk=german_tubingen.pk)
    assert german.title == "Tübingen"
    html = client_fr.get("/de/villes-partenaires/tubingen/").content.decode()
    assert "Tübingen (Bade)" not in html


def test_publisher_sync_publishes_a_complete_translation(
    client, client_fr, tubingen, german_tubingen, django_capture_on_commit_callbacks
):
    change_french_title(client, tubingen, django_capture_on_commit_callbacks, "Tübingen (Bade)")
    translate_all(tubingen, "de", **{"Tübingen (Bade)": "Tübingen (Baden)"})
    admin_user(client, "admin2")

    said = sync_and_publish(client, tubingen, django_capture_on_commit_callbacks)

    assert "published in" in said
    assert Page.objects.get(pk=german_tubingen.pk).title == "Tübingen (Baden)"


def test_sync_without_publishing_changes_no_german_page(
    client, tubingen, german_tubingen, editor, django_capture_on_commit_callbacks
):
    revisions = german_tubingen.revisions.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(tubingen), {})
    assert response.status_code == 302
    assert german_tubingen.revisions.count() == revisions
    assert locale("de").pk == in_locale(tubingen, "de").locale_id


def test_editor_cannot_publish_from_the_translation_editor(
    client, tubingen, german_tubingen, editor, django_capture_on_commit_callbacks
):
    live_revision = german_tubingen.live_revision_id
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(german_tubingen), {"action": "publish"})

    assert Page.objects.get(pk=german_tubingen.pk).live_revision_id == live_revision


@pytest.mark.parametrize("group", ["Translators (German)", "Editors (Tübingen)"])
def test_translators_and_city_editors_cannot_sync_with_publish(
    client, tubingen, german_tubingen, group, django_capture_on_commit_callbacks
):
    ensure_editorial_groups()
    user = get_user_model().objects.create_user("member", "member@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    log_in(client, user)
    live_revision = german_tubingen.live_revision_id

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(tubingen), {"publish_translations": "on"})

    assert response.status_code in (302, 403)
    assert Page.objects.get(pk=german_tubingen.pk).live_revision_id == live_revision
