"""The admin dashboard tells editors which languages lag behind and which stories wait."""

import re

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

import pytest

from tests import factories
from tests.twinning.localize.test_coverage import (
    publish_in_editor,
    submit_for_review,
    translate_in_admin,
)
from tests.twinning.localize_helpers import admin_user, translate_strings
from tests.twinning.translation_helpers import alias, locale, translate
from twinning.localize.dashboard import language_coverage, stories_awaiting_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


@pytest.fixture
def translated_site(home, tubingen, perugia, story):
    """Six live French pages; German has two live translations (one out of date)."""
    locale("ar")
    translate(tubingen, "de", title="Tübingen")
    translate(story, "de", title="Studenten in Tübingen")
    alias(perugia, "de")
    translate(perugia, "ar", title="بيروجيا", publish=False)  # a draft is not live
    # The French city changes after its translation was made: the German one is behind.
    tubingen.refresh_from_db()
    tubingen.title = "Tübingen (Bade-Wurtemberg)"
    tubingen.save_revision().publish()
    return {"tubingen": tubingen, "story": story}


@pytest.fixture
def awaiting_story(stories_index, tubingen, editor):
    reviewers = Group.objects.create(name="Reviewers")
    task = GroupApprovalTask.objects.create(name="Relecture")
    task.groups.set([reviewers])
    workflow = Workflow.objects.create(name="Relecture des récits")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=stories_index)
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Jumelage des chorales", slug="chorales", live=False
    )
    story.save_revision(user=editor)
    workflow.start(story, editor)
    return story


def rows_by_language():
    return {row.locale.language_code: row for row in language_coverage()}


def test_coverage_counts_live_real_translations_and_out_of_date_ones(translated_site):
    rows = rows_by_language()

    assert "fr" not in rows  # the source language is not a target
    assert (rows["de"].translated, rows["de"].total, rows["de"].percent) == (2, 6, 33)
    assert rows["de"].out_of_date == 1
    # A draft translation and aliases are not translations readers can read.
    assert (rows["ar"].translated, rows["ar"].percent, rows["ar"].out_of_date) == (0, 0, 0)


def test_dashboard_shows_percentages_and_the_story_awaiting_review(
    client, editor, translated_site, awaiting_story
):
    client.force_login(editor)

    response = client.get("/admin/")

    html = response.content.decode()
    assert response.status_code == 200
    german = re.search(r'<tr data-language="de">(.*?)</tr>', html, re.S).group(1)
    # Figures, not wording: the admin may be in French or English.
    assert 'value="33"' in german
    assert re.search(r"33\s?%\D+2\D+6\D", german)
    assert re.search(r'twinning-coverage__outdated">1<', german)
    arabic = re.search(r'<tr data-language="ar">(.*?)</tr>', html, re.S).group(1)
    assert 'value="0"' in arabic
    edit_url = f"/admin/pages/{awaiting_story.pk}/edit/"
    assert f'<a href="{edit_url}">Jumelage des chorales</a>' in html
    assert "Relecture" in html


def test_published_story_leaves_the_review_queue(awaiting_story, editor):
    assert [item.page.pk for item in stories_awaiting_review()] == [awaiting_story.pk]

    awaiting_story.current_workflow_state.current_task_state.approve(user=editor)

    assert stories_awaiting_review() == []
    awaiting_story.refresh_from_db()
    assert awaiting_story.live


def test_dashboard_is_hidden_from_users_who_edit_no_pages(client, django_user_model, home):
    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert b"twinning-translation-coverage" not in response.content


def count_queries(function) -> int:
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)


def test_dashboard_queries_do_not_grow_with_pages_or_waiting_stories(
    translated_site, awaiting_story, stories_index, editor, django_assert_max_num_queries
):
    coverage_queries = count_queries(language_coverage)
    review_queries = count_queries(stories_awaiting_review)

    for number in range(3):
        page = factories.ExchangeStoryPageFactory(parent=stories_index, slug=f"more-{number}")
        translate(page, "de").save_revision()  # a newer German version, not published yet
        draft = factories.ExchangeStoryPageFactory(
            parent=stories_index, slug=f"waiting-{number}", live=False
        )
        draft.save_revision(user=editor)
        awaiting_story.current_workflow_state.workflow.start(draft, editor)

    assert len(stories_awaiting_review()) == 4
    assert rows_by_language()["de"].awaiting_review == 3
    assert count_queries(language_coverage) == coverage_queries
    assert count_queries(stories_awaiting_review) == review_queries
    with django_assert_max_num_queries(10):
        language_coverage()
        stories_awaiting_review()


# Translations readers cannot read yet -----------------------------------------------------


def german_row(client) -> str:
    html = client.get("/admin/").content.decode()
    return re.search(r'<tr data-language="de">(.*?)</tr>', html, re.S).group(1)


def test_translation_published_with_nothing_translated_is_not_counted_translated(
    client, tubingen, django_capture_on_commit_callbacks
):
    """Published from the translation editor before a string was translated: German
    readers get the French text, which the panel must not count as a German page."""
    admin_user(client)
    german = translate_in_admin(client, tubingen, django_capture_on_commit_callbacks, "de")
    publish_in_editor(client, german, django_capture_on_commit_callbacks)
    german.refresh_from_db()
    assert german.live

    total = rows_by_language()["de"].total
    assert rows_by_language()["de"].translated == 0
    assert re.search(rf"0\s?%\D+0\D+{total}\D", german_row(client))

    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung"})
    publish_in_editor(client, german, django_capture_on_commit_callbacks)

    assert rows_by_language()["de"].translated == 1
    assert re.search(rf"\D1\D+{total}\D", german_row(client))


def test_translations_awaiting_review_are_counted_apart_from_what_readers_see(
    client, story, tubingen, django_capture_on_commit_callbacks
):
    admin_user(client)
    german_story = translate_in_admin(client, story, django_capture_on_commit_callbacks, "de")
    translate_strings(story, "de", {"Étudiants à Tübingen": "Studierende in Tübingen"})
    publish_in_editor(client, german_story, django_capture_on_commit_callbacks)
    german_city = translate_in_admin(client, tubingen, django_capture_on_commit_callbacks, "de")
    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung"})
    assert (rows_by_language()["de"].translated, rows_by_language()["de"].awaiting_review) == (1, 0)

    # A newer German story and the first German city go to the reviewers.
    translate_strings(story, "de", {"etudiants-tubingen": "studierende-in-tuebingen"})
    submit_for_review(client, german_story)
    submit_for_review(client, german_city)

    row = rows_by_language()["de"]
    assert (row.translated, row.awaiting_review) == (1, 2)  # the live story is still read
    assert re.search(r'twinning-coverage__awaiting-review">2<', german_row(client))
