"""An editor's day: write a story, translate it into German, have it reviewed and published.

Every step is done in the browser as people do it: the editor (Wagtail's "Editors" group,
who may not publish) writes the French story, asks for a German translation, types the
German texts into wagtail-localize's translation editor and submits the translation for
review from there; a reviewer approves it from the dashboard, which publishes it. Readers
and partner cities (the API) see the German story only then.
"""

import re

from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.users.models import UserProfile

import pytest

from home.demo import moderation
from tests.browser.conftest import browser_db
from tests.browser.test_dashboard import log_in
from twinning.models import ExchangeStoryPage

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [pytest.mark.browser, browser_db]

TITLE = "Chorales en fête à Tübingen"
SUMMARY = "Deux chorales chantent ensemble au bord du Neckar."
GERMAN = {TITLE: "Chöre feiern in Tübingen", SUMMARY: "Zwei Chöre singen gemeinsam am Neckar."}
EDIT_URL = re.compile(r"/admin/pages/(\d+)/edit/$")


def english_admin(user) -> None:
    """The account's admin language, so that buttons are found by the words people read."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


@pytest.fixture
def newsroom(multilingual_site, django_user_model):
    """An editor who may not publish, a reviewer, and the stories' review workflow."""
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))  # Wagtail's: add and edit, no publish
    english_admin(editor)
    reviewers = Group.objects.create(name=moderation.REVIEWERS)
    reviewers.permissions.add(Permission.objects.get(codename="access_admin"))
    for root in Page.objects.filter(depth=2):
        for codename in moderation.REVIEWER_PAGE_PERMISSIONS:
            GroupPagePermission.objects.create(
                group=reviewers, page=root, permission=Permission.objects.get(codename=codename)
            )
    reviewer = django_user_model.objects.create_user("reviewer", password="pw")
    reviewer.groups.add(reviewers)
    english_admin(reviewer)
    task = GroupApprovalTask.objects.create(name=moderation.TASK_NAME)
    task.groups.set([reviewers])
    workflow = Workflow.objects.create(name=moderation.WORKFLOW_NAME)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for language in ("fr", "de"):
        index = multilingual_site.page_in(multilingual_site.stories_index, language)
        WorkflowPage.objects.create(workflow=workflow, page=index)
    return workflow


def page_id(page) -> int:
    expect(page).to_have_url(EDIT_URL)
    return int(EDIT_URL.search(page.url).group(1))


def translate_segment(page, source: str, text: str) -> None:
    """Type ``text`` as the translation of ``source`` in wagtail-localize's editor."""
    row = page.locator("li:has(> p)").filter(has_text=source)
    row.get_by_role("button", name="Translate").click()
    row.get_by_role("textbox").fill(text)
    row.get_by_role("button", name="Save").click()
    # Saved once the editor shows the translation as done (it was "incomplete").
    expect(row).to_have_class("complete")
    expect(row).to_contain_text(text)


def log_out(page, username: str) -> None:
    """Through the account menu at the foot of the admin's sidebar."""
    page.locator("[data-wagtail-sidebar]").get_by_role("button", name=username).click()
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def test_story_is_written_translated_reviewed_and_published_in_german(
    page, multilingual_site, newsroom
):
    site = multilingual_site
    log_in(page, "editor")

    # Write the story and save it as a draft.
    page.goto(f"/admin/pages/add/twinning/exchangestorypage/{site.stories_index.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill(SUMMARY)
    tab = page.locator("#id_date").evaluate("el => el.closest('[role=tabpanel]').id")
    page.locator(f"[role=tab][href='#{tab}']").click()
    page.locator("#id_date").fill("2024-05-04")
    page.get_by_label("Tübingen", exact=True).check()
    page.locator("button.action-save").first.click()
    french_id = page_id(page)
    french = ExchangeStoryPage.objects.get(pk=french_id)
    assert french.title == TITLE and not french.live
    assert [city.title for city in french.partner_cities.all()] == ["Tübingen"]

    # Ask for a German translation: wagtail-localize opens the German draft's editor.
    page.get_by_role("button", name="Actions", exact=True).first.click()
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_label("German").check()
    page.get_by_role("button", name="Submit").click()
    german_id = page_id(page)
    assert german_id != french_id
    expect(page.get_by_text("French to German translation").first).to_be_visible()

    # Type the German title and summary into the translation editor.
    translate_segment(page, TITLE, GERMAN[TITLE])
    translate_segment(page, SUMMARY, GERMAN[SUMMARY])

    # Submit the translation for review, from the translation editor.
    page.locator(".messages").get_by_role("link", name="Submit for review").click()
    expect(page.get_by_text("Texts translated: 2 of 3.")).to_be_visible()
    page.get_by_role("button", name="Submit for review").click()
    expect(page).to_have_url(EDIT_URL)
    expect(page.locator(".messages")).to_contain_text(
        f"The translation of “{GERMAN[TITLE]}” (German) was submitted for review."
    )
    submit = page.locator(".messages").get_by_role("link", name="Submit for review")
    expect(submit).to_have_count(0)  # not twice
    german = ExchangeStoryPage.objects.get(pk=german_id)
    assert not german.live and german.workflow_in_progress
    log_out(page, "editor")

    # The reviewer approves it from the dashboard, which publishes it.
    log_in(page, "reviewer")
    awaiting = page.locator("#awaiting-review-section")
    row = awaiting.get_by_role("row").filter(has_text=GERMAN[TITLE])
    row.get_by_role("button", name="Actions").click()
    with page.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    expect(awaiting.get_by_text(GERMAN[TITLE])).to_have_count(0)  # nothing left to review
    german.refresh_from_db()
    assert german.live and german.title == GERMAN[TITLE]
    log_out(page, "reviewer")

    # Readers see it on the German site, partner cities in the API.
    page.goto(german.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(GERMAN[TITLE])
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_text(GERMAN[SUMMARY]).first).to_be_visible()
    response = page.request.get("/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=de")
    titles = [item["title"] for item in response.json()["items"]]
    assert GERMAN[TITLE] in titles
