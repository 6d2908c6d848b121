"""A translation made in wagtail-localize's editor goes to the page's workflow, and nowhere else.

German translators may edit the German tree but not publish: from the translation editor
they submit the German story to "Relecture des récits", a reviewer approves it with
Wagtail's own workflow action, and only then do readers and the API see it.
"""

from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.urls import reverse

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    PageLogEntry,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.users.models import UserProfile

import pytest

from tests.twinning.localize_helpers import (
    edit_url,
    in_locale,
    log_in,
    publish,
    submit,
    translate_strings,
)
from twinning.localize.groups import ensure_editorial_groups
from twinning.localize.review import URL_NAME, offer_submission_for_review

User = get_user_model()
STORIES = "/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=de"
TITLE, SUMMARY = "Étudiants à Tübingen", "Résumé de « Étudiants à Tübingen »."
GERMAN = {TITLE: "Studierende in Tübingen", SUMMARY: "Zwanzig Studierende in Tübingen."}

#: A reviewers' workflow as a site sets one up (the reference site's demo uses these names).
moderation = SimpleNamespace(
    REVIEWERS="Reviewers",
    WORKFLOW_NAME="Relecture des récits",
    TASK_NAME="Validation par les relecteurs",
    REVIEWER_PAGE_PERMISSIONS=("change_page", "publish_page"),
)


@pytest.fixture
def german_story(story, stories_index):
    """The French story with a German translation started, nothing translated yet."""
    submit(story, "de")
    ensure_editorial_groups()
    return in_locale(story, "de")


@pytest.fixture
def review_workflow(story, stories_index, german_story):
    """The demo's workflow on the French and German stories indexes, and its reviewers."""
    reviewers = Group.objects.create(name=moderation.REVIEWERS)
    reviewers.permissions.add(Permission.objects.get(codename="access_admin"))
    sections = [stories_index, in_locale(stories_index, "de")]
    for section in sections:
        for codename in moderation.REVIEWER_PAGE_PERMISSIONS:
            GroupPagePermission.objects.create(
                group=reviewers, page=section, permission=Permission.objects.get(codename=codename)
            )
    task = GroupApprovalTask.objects.create(name=moderation.TASK_NAME)
    task.groups.set([reviewers])
    workflow = Workflow.objects.create(name=moderation.WORKFLOW_NAME)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for section in sections:
        WorkflowPage.objects.create(workflow=workflow, page=section)
    return workflow


def member(username: str, group: str, language: str = "en"):
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def no_workflow(db):
    """No workflow anywhere: not even Wagtail's default "Moderators approval" on the root."""
    WorkflowPage.objects.all().delete()


@pytest.fixture
def translator(german_story):
    return member("translator", "Translators (German)")


@pytest.fixture
def reviewer(review_workflow):
    return member("reviewer", moderation.REVIEWERS)


def submit_url(page) -> str:
    return reverse(URL_NAME, args=[page.pk])


def messages_of(response) -> list[str]:
    """The messages this request added, as the admin shows them."""
    added = response.wsgi_request._messages._queued_messages
    return [" ".join(str(message).split()) for message in added]


def approve(client, reviewer, page) -> None:
    """The reviewer's "Approve" in Wagtail's dashboard, which also publishes."""
    log_in(client, reviewer)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"next": reverse("wagtailadmin_home")})
    assert response.status_code == 302, response.content.decode()


def german_titles_in_api(client) -> set[str]:
    response = client.get(STORIES)
    assert response.status_code == 200
    return {item["title"] for item in response.json()["items"]}


# Offering the step -----------------------------------------------------------------------


def test_translation_editor_offers_to_submit_for_review(
    client, german_story, translator, review_workflow
):
    log_in(client, translator)

    response = client.get(edit_url(german_story))

    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert f'href="{submit_url(german_story)}"' in html
    assert "Submit for review" in html


def test_translation_editor_offers_nothing_without_a_workflow(
    client, german_story, translator, no_workflow
):
    log_in(client, translator)

    response = client.get(edit_url(german_story))

    assert response.status_code == 200
    assert submit_url(german_story) not in response.content.decode()


@pytest.mark.parametrize(
    ("language", "label"), [("fr", "Soumettre à la relecture"), ("de", "Zur Prüfung einreichen")]
)
def test_the_offer_speaks_the_translator_language(
    client, german_story, review_workflow, language, label
):
    translator = member("translator", "Translators (German)", language=language)
    client.force_login(translator)

    response = client.get(edit_url(german_story))

    assert label in response.content.decode()


def test_confirmation_says_what_happens_and_how_much_is_translated(
    client, german_story, translator, review_workflow
):
    translate_strings(german_story, "de", {TITLE: GERMAN[TITLE]})
    log_in(client, translator)

    response = client.get(submit_url(german_story))

    assert response.status_code == 200
    text = " ".join(response.content.decode().split())
    assert f"“{moderation.WORKFLOW_NAME}”" in text
    assert "Texts translated: 1 of 3." in text  # title, slug and summary
    assert not WorkflowState.objects.exists()  # opening the page submits nothing


def test_confirmation_reads_in_french_for_a_french_speaking_translator(
    client, german_story, review_workflow
):
    client.force_login(member("traductrice", "Translators (German)", language="fr"))

    text = " ".join(client.get(submit_url(german_story)).content.decode().split())

    assert "Soumettre la traduction à la relecture" in text
    assert f"envoyée au processus « {moderation.WORKFLOW_NAME} »" in text
    assert "Textes traduits : 0 sur 3." in text


def test_offer_costs_the_translation_editor_few_queries(
    german_story, translator, review_workflow, django_assert_max_num_queries
):
    request = RequestFactory().get(edit_url(german_story))
    request.user = translator
    request.session = {}
    request._messages = FallbackStorage(request)

    with django_assert_max_num_queries(10):
        offer_submission_for_review(request, german_story)

    assert len(request._messages._queued_messages) == 1


# Submitting ------------------------------------------------------------------------------


def test_translator_without_publish_rights_submits_the_german_strings_for_review(
    client, german_story, translator, review_workflow
):
    assert not german_story.permissions_for_user(translator).can_publish()
    translate_strings(german_story, "de", GERMAN)
    log_in(client, translator)

    response = client.post(submit_url(german_story))

    assert response.status_code == 302
    assert response["Location"] == edit_url(german_story)
    assert messages_of(response) == [
        f"The translation of “{GERMAN[TITLE]}” (German) was submitted for review."
    ]
    german_story.refresh_from_db()
    state = german_story.current_workflow_state
    assert state.workflow == review_workflow and state.requested_by == translator
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    draft = german_story.get_latest_revision_as_object()
    assert (draft.title, draft.summary) == (GERMAN[TITLE], GERMAN[SUMMARY])
    assert state.current_task_state.revision == german_story.latest_revision
    actions = PageLogEntry.objects.filter(page=german_story, user=translator)
    assert {"wagtail.edit", "wagtail.workflow.start"} <= set(
        actions.values_list("action", flat=True)
    )


def test_new_translation_is_seen_by_nobody_until_a_reviewer_approves_it(
    client, client_fr, german_story, translator, reviewer, django_capture_on_commit_callbacks
):
    translate_strings(german_story, "de", GERMAN)
    log_in(client, translator)
    client.post(submit_url(german_story))
    german_story.refresh_from_db()
    url = german_story.url

    assert not german_story.live
    client.logout()
    waiting = client.get(url).content.decode()
    assert GERMAN[SUMMARY] not in waiting and GERMAN[TITLE] not in waiting
    assert "notice--translation" in waiting  # the French story, said to be untranslated
    assert GERMAN[TITLE] not in german_titles_in_api(client)

    with django_capture_on_commit_callbacks(execute=True):
        approve(client, reviewer, german_story)
    client.logout()

    german_story.refresh_from_db()
    assert german_story.live and german_story.title == GERMAN[TITLE]
    response = client.get(url)
    assert response.status_code == 200
    assert GERMAN[SUMMARY] in response.content.decode()
    assert GERMAN[TITLE] in german_titles_in_api(client)


def test_live_translation_stays_as_published_until_the_new_version_is_approved(
    client, german_story, translator, reviewer, django_capture_on_commit_callbacks
):
    translate_strings(german_story, "de", GERMAN)
    publish(german_story, "de", django_capture_on_commit_callbacks)
    german_story.refresh_from_db()
    url = german_story.url
    translate_strings(german_story, "de", {SUMMARY: "Dreißig Studierende in Tübingen."})
    log_in(client, translator)

    client.post(submit_url(german_story))
    client.logout()

    german_story.refresh_from_db()
    assert german_story.summary == GERMAN[SUMMARY]
    assert german_story.get_latest_revision_as_object().summary == (
        "Dreißig Studierende in Tübingen."
    )
    page = client.get(url).content.decode()
    assert GERMAN[SUMMARY] in page and "Dreißig" not in page
    detail = client.get(f"/api/v2/pages/{german_story.pk}/").json()
    assert detail["summary"] == GERMAN[SUMMARY]

    with django_capture_on_commit_callbacks(execute=True):
        approve(client, reviewer, german_story)
    client.logout()

    assert "Dreißig Studierende in Tübingen." in client.get(url).content.decode()


def test_translation_sent_back_for_changes_is_resubmitted_to_the_same_review(
    client, german_story, translator, reviewer, review_workflow
):
    translate_strings(german_story, "de", GERMAN)
    log_in(client, translator)
    client.post(submit_url(german_story))
    german_story.refresh_from_db()
    state = german_story.current_workflow_state
    log_in(client, reviewer)
    reject = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[german_story.pk, "reject", state.current_task_state.pk],
    )
    client.post(reject, {"comment": "Bitte den Titel prüfen."})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    translate_strings(german_story, "de", {TITLE: "Studierende aus Aix in Tübingen"})
    log_in(client, translator)
    assert "Changes were requested" in client.get(submit_url(german_story)).content.decode()
    client.post(submit_url(german_story))

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.count() == 1
    german_story.refresh_from_db()
    assert german_story.get_latest_revision_as_object().title == "Studierende aus Aix in Tübingen"
    assert not german_story.live


# Refusals --------------------------------------------------------------------------------


def revisions_and_states(page) -> tuple[int, int]:
    return page.revisions.count(), WorkflowState.objects.count()


def test_page_without_workflow_is_refused_and_left_alone(
    client, german_story, translator, no_workflow
):
    translate_strings(german_story, "de", GERMAN)
    before = revisions_and_states(german_story)
    log_in(client, translator)

    for method in (client.get, client.post):
        response = method(submit_url(german_story))
        assert response.status_code == 302
        assert response["Location"] == edit_url(german_story)
        assert messages_of(response) == [
            f"No moderation workflow applies to “{GERMAN[TITLE]}”: "
            "someone who may publish it must publish it."
        ]
    assert revisions_and_states(german_story) == before


def test_page_already_in_moderation_is_refused(client, german_story, translator, review_workflow):
    log_in(client, translator)
    client.post(submit_url(german_story))
    before = revisions_and_states(german_story)

    response = client.post(submit_url(german_story))

    assert response.status_code == 302
    assert messages_of(response) == [
        f"“{TITLE}” is already awaiting review ({moderation.TASK_NAME})."
    ]
    assert revisions_and_states(german_story) == before
    assert submit_url(german_story) not in client.get(edit_url(german_story)).content.decode()


def test_user_who_cannot_edit_the_page_is_refused(client, german_story, review_workflow):
    outsider = member("english", "Translators (English)")
    before = revisions_and_states(german_story)
    log_in(client, outsider)

    for method in (client.get, client.post):
        response = method(submit_url(german_story))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert messages_of(response) == [
            f"You cannot edit “{TITLE}”, so you cannot submit it for review."
        ]
    assert revisions_and_states(german_story) == before


def test_source_page_is_not_submitted_through_the_translation_step(
    client, story, german_story, review_workflow
):
    editor = User.objects.create_superuser("chief", "chief@example.org", "pw")
    log_in(client, editor)

    response = client.post(submit_url(story))

    assert response["Location"] == edit_url(story)
    assert messages_of(response) == [
        f"“{TITLE}” is not a translation made in the translation editor."
    ]
    assert not WorkflowState.objects.exists()


def test_anonymous_visitor_is_sent_to_the_login(client, german_story, review_workflow):
    response = client.post(submit_url(german_story))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not WorkflowState.objects.exists()
