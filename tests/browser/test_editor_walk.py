"""An editor's day: write a story, have it translated into German, reviewed and published.

Steps run in the browser where Wagtail's and wagtail-localize's screens offer them. Two
steps go through the admin's own HTTP endpoints with the logged-in browser session:
typing into wagtail-localize's React string editor (its PUT endpoint is what the editor
calls), and submitting the translation for review, which wagtail-localize's editor has no
button for.
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import StringSegment, Translation

import pytest

from twinning.models import ExchangeStoryPage

from .conftest import browser_db
from .test_dashboard import log_in

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [pytest.mark.browser, browser_db]
User = get_user_model()

TITLE = "Chorales en fête à Tübingen"
SUMMARY = "Deux chorales chantent ensemble au bord du Neckar."
GERMAN = {TITLE: "Chöre feiern in Tübingen", SUMMARY: "Zwei Chöre singen gemeinsam am Neckar."}


@pytest.fixture
def newsroom(multilingual_site, django_user_model):
    """An editor, a reviewer, and the story review workflow on both story indexes."""
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    reviewers = Group.objects.create(name="Reviewers")
    reviewers.permissions.add(Permission.objects.get(codename="access_admin"))
    for root in Page.objects.filter(depth=2):
        for codename in ("change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=reviewers, page=root, permission=Permission.objects.get(codename=codename)
            )
    reviewer = django_user_model.objects.create_user("reviewer", password="pw")
    reviewer.groups.add(reviewers)
    task = GroupApprovalTask.objects.create(name="Relecture")
    task.groups.set([reviewers])
    workflow = Workflow.objects.create(name="Relecture des récits")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for language in ("fr", "de"):
        index = multilingual_site.page_in(multilingual_site.stories_index, language)
        WorkflowPage.objects.create(workflow=workflow, page=index)
    return workflow


def csrf_token(page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")


def page_id(page) -> int:
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    return int(re.search(r"/admin/pages/(\d+)/edit/", page.url).group(1))


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

    # Ask wagtail-localize for a German translation: it opens the German draft's editor.
    german_locale = Locale.objects.get(language_code="de")
    page.goto(f"/admin/localize/submit/page/{french_id}/")
    page.locator(f"input[name='locales'][value='{german_locale.pk}']").check()
    page.locator("input[type=submit]").click()
    german_id = page_id(page)
    assert german_id != french_id
    german = ExchangeStoryPage.objects.get(pk=german_id)
    assert german.locale == german_locale and german.alias_of_id is None
    expect(page.get_by_text(SUMMARY).first).to_be_visible()

    # Translate the title and the summary, as the string editor does.
    translation = Translation.objects.get(
        source__object_id=french.translation_key, target_locale=german_locale
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    translated = 0
    for segment in segments:
        if segment.string.data in GERMAN:
            response = page.request.put(
                f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
                multipart={"value": GERMAN[segment.string.data]},
                headers={"X-CSRFToken": csrf_token(page)},
            )
            assert response.ok, response.text()
            translated += 1
    assert translated == 2

    # Submit the German draft for review, then let the reviewer approve it.
    editor = User.objects.get(username="editor")
    translation.save_target(user=editor, publish=False)
    german.refresh_from_db()
    newsroom.start(german, editor)
    assert not german.live

    page.context.clear_cookies()
    log_in(page, "reviewer")
    task_state = german.current_workflow_task_state
    approve = f"/admin/pages/workflow/action/{german_id}/approve/{task_state.pk}/"
    response = page.request.post(
        approve, form={"comment": "Danke!"}, headers={"X-CSRFToken": csrf_token(page)}
    )
    assert response.ok, response.text()

    german.refresh_from_db()
    assert german.live and german.title == GERMAN[TITLE]
    page.goto(german.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(GERMAN[TITLE])
    expect(page.locator("html")).to_have_attribute("lang", "de")

    response = page.request.get("/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=de")
    titles = [item["title"] for item in response.json()["items"]]
    assert GERMAN[TITLE] in titles
