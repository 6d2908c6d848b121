"""Aix's reviewers decide on a partner's translation; the partner hears the outcome.

The German draft Tübingen sent waits in the moderators' "Awaiting your review"; approving
it with Wagtail's own workflow action publishes it and the partner's webhook receives
``contribution.approved``. Requesting changes sends ``contribution.changes_requested`` with
the reviewer's comment, and an e-mail. A snippet's file is held until approved in
"Translations from partners".
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import translation

from wagtail.models import WorkflowState

import polib
import pytest

from tests import factories
from tests.twinning.localize_helpers import admin_user, locale, log_in
from tests.twinning.partners.conftest import make_partner
from tests.twinning.partners.receivers import Receiver
from twinning.models import Actor, ExchangeStoryPage
from twinning.partners.models import TranslationContribution

TITLE = "Étudiants à Tübingen"
GERMAN = {TITLE: "Studierende in Tübingen"}
PO_TYPE = "text/x-gettext-translation"
User = get_user_model()
CONTACT = "partnerschaft@tuebingen.example"


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def receiver():
    with Receiver() as receiver:
        yield receiver


@pytest.fixture
def partner(tubingen, receiver, db):
    for code in ("en", "de"):
        locale(code)
    return make_partner(tubingen, webhook_url=receiver.url)


@pytest.fixture
def moderator(db):
    """A member of Wagtail's Moderators group, who reviews in the default workflow."""
    user = User.objects.create_user("moderator", "moderator@aix.example", "pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def po_url(page, code="de") -> str:
    return reverse("wagtailapi:partner-translation-po", args=[page.pk, code])


def fill(content: bytes, texts: dict[str, str]) -> bytes:
    po = polib.pofile(content.decode())
    for entry in po:
        if entry.msgid in texts:
            entry.msgstr = texts[entry.msgid]
    return str(po).encode()


def send_translation(client, partner, url, texts) -> dict:
    po = client.get(url, **partner.auth)
    assert po.status_code == 200, po.content
    response = client.put(url, fill(po.content, texts), content_type=PO_TYPE, **partner.auth)
    assert response.status_code == 202, response.content
    return response.json()


@pytest.fixture
def sent(client, story, partner):
    """Tübingen sent its German translation of the story; the draft awaits review."""
    send_translation(client, partner, po_url(story), GERMAN)
    return ExchangeStoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="de"
    )


def events_of(receiver, kind: str) -> list[dict]:
    return [request.event for request in receiver.requests if request.event["type"] == kind]


def to_partner() -> list:
    return [message for message in mail.outbox if message.to == [CONTACT]]


def workflow_action(client, user, page, action, data=None):
    log_in(client, user)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"next": reverse("wagtailadmin_home"), **(data or {})})


def test_the_draft_awaits_the_moderators_review(client, sent, moderator):
    log_in(client, moderator)

    response = client.get(reverse("wagtailadmin_home"))

    html = response.content.decode()
    assert "Awaiting your review" in html
    assert GERMAN[TITLE] in html
    assert reverse("wagtailadmin_pages:edit", args=[sent.pk]) in html


def test_the_editor_sees_who_contributed_the_draft(client, sent, moderator):
    log_in(client, moderator)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[sent.pk]))

    assert response.status_code == 200
    html = " ".join(response.content.decode().split())
    assert "This draft is a German translation sent by Tübingen (Anna Keller)" in html


def test_approval_publishes_the_page_and_tells_the_partner(
    client, sent, moderator, partner, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, moderator, sent, "approve")

    assert response.status_code == 302, response.content.decode()
    sent.refresh_from_db()
    assert sent.live and sent.title == GERMAN[TITLE]
    assert sent.current_workflow_state is None  # finished
    contribution = TranslationContribution.objects.get()
    assert contribution.status == TranslationContribution.Status.APPROVED
    assert contribution.reviewed_by == moderator and contribution.reviewed_at is not None
    receiver.wait_for(1)
    (event,) = events_of(receiver, "contribution.approved")
    assert event["contribution"] == {"id": contribution.pk, "status": "approved", "comment": ""}
    assert event["page"]["id"] == sent.pk and event["page"]["locale"] == "de"
    client.logout()
    assert GERMAN[TITLE] in client.get(sent.url).content.decode()


def test_request_for_changes_tells_the_partner_with_the_comment(
    client, sent, moderator, partner, receiver, django_capture_on_commit_callbacks
):
    comment = "Bitte „Studierende“ durch „Studentinnen und Studenten“ ersetzen."
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, moderator, sent, "reject", {"comment": comment})

    assert response.status_code == 302, response.content.decode()
    sent.refresh_from_db()
    assert not sent.live
    assert sent.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    contribution = TranslationContribution.objects.get()
    assert contribution.status == TranslationContribution.Status.CHANGES_REQUESTED
    assert contribution.comment == comment
    receiver.wait_for(1)
    (event,) = events_of(receiver, "contribution.changes_requested")
    assert event["contribution"]["comment"] == comment
    (message,) = to_partner()
    assert comment in message.body
    assert "Studierende in Tübingen" in message.subject


def test_a_corrected_file_goes_back_to_the_same_review(
    client, story, sent, moderator, partner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, moderator, sent, "reject", {"comment": "Titel ändern."})
    client.logout()

    send_translation(client, partner, po_url(story), {TITLE: "Studentinnen in Tübingen"})

    sent.refresh_from_db()
    state = sent.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision_id == sent.latest_revision_id
    assert sent.get_latest_revision_as_object().title == "Studentinnen in Tübingen"
    statuses = list(TranslationContribution.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["changes_requested", "in_review"]


def test_a_second_file_while_one_is_in_review_is_refused(client, story, sent, partner):
    before = TranslationContribution.objects.count()
    po = client.get(po_url(story), **partner.auth).content

    response = client.put(po_url(story), fill(po, GERMAN), content_type=PO_TYPE, **partner.auth)

    assert response.status_code == 409
    assert "already awaiting review" in response.json()["message"]
    assert TranslationContribution.objects.count() == before


# Snippets ---------------------------------------------------------------------------------


@pytest.fixture
def actor(tubingen):
    return factories.ActorFactory(name="Maison de Tübingen", partner_cities=[tubingen])


def snippet_url(actor, code="de") -> str:
    return reverse(
        "wagtailapi:partner-snippet-translation-po", args=["twinning.Actor", actor.pk, code]
    )


def test_a_snippet_translation_is_held_until_an_editor_approves_it(
    client, actor, partner, receiver, django_capture_on_commit_callbacks
):
    body = send_translation(
        client, partner, snippet_url(actor), {"Maison de Tübingen": "Tübinger Haus"}
    )

    assert body["contribution"]["status"] == "in_review"
    assert "waiting for an editor's review" in body["message"]
    assert not Actor.objects.filter(locale__language_code="de").exists()
    admin_user(client)
    listing = client.get(reverse("twinning_partners_contributions")).content.decode()
    assert "Maison de Tübingen" in listing and "In review" in listing

    contribution = TranslationContribution.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("twinning_partners_contribution_approve", args=[contribution.pk])
        )

    assert response.status_code == 302
    german = Actor.objects.get(translation_key=actor.translation_key, locale__language_code="de")
    assert german.name == "Tübinger Haus"
    contribution.refresh_from_db()
    assert contribution.status == TranslationContribution.Status.APPROVED
    assert contribution.object_id == str(german.pk)
    receiver.wait_for(1)
    assert events_of(receiver, "contribution.approved")


def test_an_editor_asks_for_changes_to_a_snippet_translation(
    client, actor, partner, receiver, django_capture_on_commit_callbacks
):
    send_translation(client, partner, snippet_url(actor), {"Maison de Tübingen": "Haus"})
    admin_user(client)
    contribution = TranslationContribution.objects.get()
    url = reverse("twinning_partners_contribution_changes", args=[contribution.pk])

    empty = client.post(url, {"comment": ""})
    assert empty.status_code == 200 and "This field is required" in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"comment": "Den vollen Namen bitte."})

    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == TranslationContribution.Status.CHANGES_REQUESTED
    assert not Actor.objects.filter(locale__language_code="de").exists()
    receiver.wait_for(1)
    (event,) = events_of(receiver, "contribution.changes_requested")
    assert event["contribution"]["comment"] == "Den vollen Namen bitte."
    assert len(to_partner()) == 1


def test_a_snippet_not_about_the_partner_is_refused(client, perugia, partner):
    other = factories.ActorFactory(name="Casa di Perugia", partner_cities=[perugia])

    response = client.get(snippet_url(other), **partner.auth)

    assert response.status_code == 403
    assert "does not concern Tübingen" in response.json()["message"]


def test_without_a_workflow_the_editor_who_publishes_the_draft_approves_it(
    client, story, partner, receiver, django_capture_on_commit_callbacks
):
    from wagtail.models import WorkflowPage

    WorkflowPage.objects.all().delete()
    send_translation(client, partner, po_url(story), GERMAN)
    german = ExchangeStoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="de"
    )
    editor = User.objects.create_superuser("editor", "editor@aix.example", "pw")

    with django_capture_on_commit_callbacks(execute=True):
        german.save_revision(user=editor).publish(user=editor)

    contribution = TranslationContribution.objects.get()
    assert contribution.status == TranslationContribution.Status.APPROVED
    assert contribution.reviewed_by == editor
    receiver.wait_for(1)
    assert events_of(receiver, "contribution.approved")
