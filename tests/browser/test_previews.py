"""An editor changes a story's title and sees it in the preview panel before saving."""

import pytest

from tests.browser.conftest import browser_db
from tests.browser.test_dashboard import log_in
from twinning.models import ExchangeStoryPage

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [pytest.mark.browser, browser_db]

NEW_TITLE = "Étudiants aixois à Tübingen, printemps 2016"


def test_preview_panel_shows_the_title_being_typed(
    page, public_site, django_user_model, screenshot
):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    story = public_site.stories["students"]
    log_in(page, "editor")

    page.goto(f"/admin/pages/{story.pk}/edit/")
    page.locator("#id_title").fill(NEW_TITLE)
    page.locator("[data-side-panel-toggle='preview']").click()

    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(NEW_TITLE)
    # The story's facts come along: the preview is the page readers would get.
    expect(preview.locator("main .facts")).to_contain_text("Tübingen")
    screenshot(page, "editor-preview-desktop")

    # Nothing was saved: readers still get the published title.
    assert ExchangeStoryPage.objects.get(pk=story.pk).title == story.title
    page.goto(story.url)
    expect(page.locator("h1")).to_have_text(story.title)
