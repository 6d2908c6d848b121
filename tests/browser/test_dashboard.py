"""The editors' dashboard in the browser: coverage per language and the review queue."""

import re

from django.contrib.auth.models import Group

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

import pytest

from tests import factories
from tests.browser.conftest import browser_db

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [pytest.mark.browser, browser_db]


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


@pytest.fixture
def story_awaiting_review(multilingual_site, editor):
    reviewers = Group.objects.create(name="Reviewers")
    task = GroupApprovalTask.objects.create(name="Relecture")
    task.groups.set([reviewers])
    workflow = Workflow.objects.create(name="Relecture des récits")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=multilingual_site.stories_index)
    story = factories.ExchangeStoryPageFactory(
        parent=multilingual_site.stories_index, title="Jumelage des chorales", live=False
    )
    story.save_revision(user=editor)
    workflow.start(story, editor)
    return story


def log_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("pw")
    page.locator("form [type=submit]").click()
    expect(page).to_have_url("/admin/")


def test_editor_sees_coverage_and_opens_the_story_awaiting_review(
    page, multilingual_site, story_awaiting_review, screenshot
):
    log_in(page, "editor")

    coverage = page.locator("#twinning-translation-coverage-section")
    expect(coverage.locator("tr[data-language]")).to_have_count(2)
    # Ten live French pages: German translates six of them (the fixture's TRANSLATED), Arabic five.
    expect(coverage.locator("tr[data-language='de']")).to_contain_text(re.compile(r"60\s?%"))
    expect(coverage.locator("tr[data-language='ar']")).to_contain_text(re.compile(r"50\s?%"))
    screenshot(page, "dashboard-coverage-desktop")

    page.locator("#twinning-stories-awaiting-review-section").get_by_role(
        "link", name="Jumelage des chorales"
    ).click()
    expect(page).to_have_url(f"/admin/pages/{story_awaiting_review.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value("Jumelage des chorales")
