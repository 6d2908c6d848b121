"""Submitting a section for translation as a job (twinning.localize.bulk_submission).

The equivalence test submits the same section twice from the same database state, once
through wagtail-localize's own "Translate" view (with its subtree) and once as a job from
the admin, and compares every row either leaves in the tables a submission writes: pages
and their specific rows, revisions, log entries, sources, segments, strings, contexts,
translations, the reference and search indexes. Ids, timestamps and the UUIDs Wagtail
draws at random are left out; what they point to is compared instead.
"""

import io
import json
from collections import Counter

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry
from wagtail_localize.models import (
    String,
    StringSegment,
    TranslatableObject,
    TranslationContext,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.models import Translation as LocalizeTranslation

import pytest

from tests import factories
from tests.twinning.localize_helpers import admin_user, in_locale, locale, log_in
from twinning.localize import bulk_submission
from twinning.localize.models import TranslationJob
from twinning.models import ExchangeStoryPage

# Keys of revision content and log data that are ids or times, different on every run.
VOLATILE = {
    "pk",
    "id",
    "page_ptr",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "last_published_at",
    "first_published_at",
    "revision",
    "revision_id",
    "timestamp",
    "created_at",
}


def stable(value):
    """``value`` (JSON data) without the keys that differ between identical runs."""
    if isinstance(value, dict):
        return tuple(sorted((k, stable(v)) for k, v in value.items() if k not in VOLATILE))
    if isinstance(value, list):
        return tuple(stable(item) for item in value)
    return value


def page_key(page_id) -> tuple | None:
    """A page by what it is rather than its id: its translation key and language."""
    if page_id is None:
        return None
    row = Page.objects.filter(pk=page_id).values_list("translation_key", "locale_id").first()
    return row or ("gone", page_id)


def snapshot() -> dict[str, Counter]:
    pages = {
        "Page": Counter(
            (
                str(page.translation_key),
                page.locale_id,
                page.path,
                page.depth,
                page.numchild,
                page.title,
                page.draft_title,
                page.slug,
                page.url_path,
                page.live,
                page.has_unpublished_changes,
                page.content_type_id,
                page_key(page.alias_of_id),
                page.latest_revision_id is not None,
                page.live_revision_id is not None,
                page.owner_id,
                page.locked,
            )
            for page in Page.objects.all()
        ),
        "ExchangeStoryPage": Counter(
            (str(p.translation_key), p.locale_id, p.summary, json.dumps(p.body.get_prep_value()))
            for p in ExchangeStoryPage.objects.all()
        ),
        "Revision": Counter(
            (
                page_key(int(r.object_id)),
                r.content_type_id,
                r.base_content_type_id,
                r.user_id,
                r.object_str,
                r.approved_go_live_at,
                stable(r.content),
            )
            for r in Revision.objects.all()
        ),
        "PageLogEntry": Counter(
            (page_key(e.page_id), e.action, e.user_id, stable(e.data), e.revision_id is not None)
            for e in PageLogEntry.objects.all()
        ),
        "TranslatableObject": Counter(
            TranslatableObject.objects.values_list("translation_key", "content_type_id")
        ),
        "TranslationSource": Counter(
            TranslationSource.objects.values_list(
                "object_id",
                "specific_content_type_id",
                "locale_id",
                "object_repr",
                "schema_version",
            )
        ),
        "SourceContent": Counter(
            stable(json.loads(content))
            for content in TranslationSource.objects.values_list("content_json", flat=True)
        ),
        "Translation": Counter(
            LocalizeTranslation.objects.values_list(
                "source__object_id", "target_locale_id", "enabled"
            )
        ),
        "TranslationLog": Counter(
            (log.source.object_id, log.locale_id, log.revision_id is None)
            for log in TranslationLog.objects.select_related("source")
        ),
        "StringSegment": Counter(
            StringSegment.objects.values_list(
                "source__object_id", "order", "context__path", "string__data_hash", "attrs"
            )
        ),
        "String": Counter(String.objects.values_list("locale_id", "data_hash", "data")),
        "TranslationContext": Counter(
            TranslationContext.objects.values_list("object_id", "path", "field_path")
        ),
        "ReferenceIndex": Counter(
            (
                r.content_type_id,
                page_key(int(r.object_id)) if r.base_content_type.model == "page" else r.object_id,
                r.to_content_type_id,
                r.to_object_id,
                r.model_path,
                r.content_path,
            )
            for r in ReferenceIndex.objects.select_related("base_content_type")
        ),
        "IndexEntry": Counter(
            (
                e.content_type_id,
                page_key(int(e.object_id)),
                e.title,
                e.autocomplete,
                e.body,
                e.title_norm,
            )
            for e in IndexEntry.objects.all()
        ),
    }
    return pages


def outcome(action) -> dict:
    """The rows ``action`` leaves; then it is rolled back."""
    savepoint = transaction.savepoint()
    try:
        action()
        return snapshot()
    finally:
        transaction.savepoint_rollback(savepoint)


@pytest.fixture
def section(stories_index, tubingen):
    """The stories index with two published stories below it, linking to a city and
    showing a photo (so that the reference index has rows to write)."""
    image = factories.ImageFactory()
    for title in ("Échange scolaire", "Jumelage sportif"):
        story = factories.ExchangeStoryPageFactory(
            parent=stories_index, title=title, partner_cities=[tubingen]
        )
        story.body = [
            ("paragraph", f'<p>Voir <a linktype="page" id="{tubingen.pk}">Tübingen</a>.</p>'),
            ("image", {"image": image, "alt_text": "Le pont", "caption": "", "credit": ""}),
        ]
        story.save_revision().publish()
    locale("de"), locale("en")
    return stories_index


def submit_job(client, page, *codes, include_descendants=True, capture=None):
    data = {
        "page": page.pk,
        "locales": [locale(code).pk for code in codes],
    }
    if include_descendants:
        data["include_descendants"] = "on"
    url = reverse("twinning_submit_translation_job")
    if capture is None:
        return client.post(url, data)
    with capture(execute=True):
        return client.post(url, data)


def test_job_makes_the_same_translations_as_wagtail_localize_translate_view(
    client, section, django_capture_on_commit_callbacks
):
    admin_user(client)
    codes = ("de", "en")

    def stock():
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[section.pk]),
            {"locales": [locale(code).pk for code in codes], "include_subtree": "on"},
        )
        assert response.status_code == 302

    def job():
        with django_capture_on_commit_callbacks(execute=True):
            response = submit_job(client, section, *codes)
        assert response.status_code == 302

    before = snapshot()
    original = outcome(stock)
    ours = outcome(job)

    assert original["Page"] != before["Page"]
    # The new pages are indexed for search and their links to the cities known to Wagtail.
    assert original["ReferenceIndex"] - before["ReferenceIndex"]
    assert original["IndexEntry"] - before["IndexEntry"]
    # Three pages (the index and its two stories) in two languages, plus their parent.
    assert sum(original["TranslationLog"].values()) == 6
    for table in original:
        assert ours[table] == original[table], table


def test_progress_page_shows_the_job_as_queued_then_done(
    client, section, django_capture_on_commit_callbacks
):
    admin_user(client)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = submit_job(client, section, "de")
    job = TranslationJob.objects.get()
    assert response.url == reverse("twinning_translation_job", args=[job.pk])

    page = client.get(response.url)
    assert page.status_code == 200
    assert "Queued" in page.content.decode()
    assert client.get(response.url, {"format": "json"}).json()["done"] == 0

    for callback in callbacks:  # the transaction commits: the task runs
        callback()

    progress = client.get(response.url, {"format": "json"}).json()
    assert progress | {"errors": None} == {
        "status": "finished",
        "status_label": "Finished",
        "over": True,
        "done": 3,
        "total": 3,
        "percent": 100,
        "created": 3,
        "skipped": 0,
        "errors": None,
    }
    html = client.get(response.url).content.decode()
    assert "Finished" in html
    german_index = in_locale(section, "de")
    assert reverse("wagtailadmin_explore", args=[german_index.pk]) in html
    # The drafts are there, for translators, not published.
    assert not in_locale(section.get_children().first(), "de").live


def test_pages_already_translated_are_skipped_and_said(
    client, section, django_capture_on_commit_callbacks
):
    admin_user(client)
    story = section.get_children().first()
    submit_job(
        client, story, "de", include_descendants=False, capture=django_capture_on_commit_callbacks
    )
    german_story = in_locale(story, "de")
    german_revisions = german_story.revisions.count()

    response = submit_job(client, section, "de", "en", capture=django_capture_on_commit_callbacks)

    job = TranslationJob.objects.get(pk=response.url.rstrip("/").rsplit("/", 1)[1])
    assert (job.created, job.skipped, job.errors) == (5, 1, [])
    assert job.skipped_pages == [{"page": story.pk, "title": story.title, "locales": ["de"]}]
    html = client.get(response.url).content.decode()
    assert "Pages already translated" in html
    # The German story was left as it was.
    assert german_story.revisions.count() == german_revisions


def test_form_explains_what_is_wrong_instead_of_failing(client, section):
    admin_user(client)
    url = reverse("twinning_submit_translation_job")

    no_language = client.post(url, {"page": section.pk})
    same_language = client.post(url, {"page": section.pk, "locales": [locale("fr").pk]})
    no_page = client.post(url, {"page": 999999, "locales": [locale("de").pk]})

    assert no_language.status_code == 200
    assert no_language.context["form"].errors["locales"]
    assert "is written in French already" in same_language.content.decode()
    assert no_page.context["form"].errors["page"]
    assert not TranslationJob.objects.exists()
    missing = client.get(reverse("twinning_translation_job", args=[999999]), follow=True)
    assert missing.status_code == 404


def test_only_people_who_may_submit_translations_start_jobs(client, section):
    user = get_user_model().objects.create_user("editor", "e@example.org", "pw")
    editors = Group.objects.create(name="Editors without translation")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    log_in(client, user)

    response = client.post(
        reverse("twinning_submit_translation_job"),
        {"page": section.pk, "locales": [locale("de").pk]},
    )

    # Wagtail's admin answers a refusal with its dashboard and a message.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert not TranslationJob.objects.exists()


def test_explorer_offers_to_translate_a_section(client, section):
    admin_user(client)
    response = client.get(reverse("wagtailadmin_explore", args=[section.get_parent().pk]))
    assert f"{reverse('twinning_submit_translation_job')}?page={section.pk}" in (
        response.content.decode()
    )


def test_command_submits_a_section_and_prints_its_progress(section):
    out, err = io.StringIO(), io.StringIO()

    with translation.override("en"):  # (commands speak French by default)
        call_command(
            "submit_translations",
            section=str(section.pk),
            locales="de,en",
            include_descendants=True,
            stdout=out,
            stderr=err,
        )

    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"Submitting 3 pages from “{section.title}” into de, en")
    assert lines[1] == f"[1/3] {section.title}: created de, en"
    assert lines[-1] == (
        "3 of 3 pages done: 6 translations created, 0 skipped (already translated), 0 errors."
    )
    assert err.getvalue() == ""
    for story in section.get_children():
        assert in_locale(story, "en").title == story.title

    again = io.StringIO()
    with translation.override("en"):  # (commands speak French by default)
        call_command("submit_translations", section=section.url_path, locales="de", stdout=again)
    assert f"[1/1] {section.title}: skipped de (already translated)" in again.getvalue()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"section": "999999", "locales": "de"}, "No page has the id 999999."),
        ({"section": "/nowhere/", "locales": "de"}, "No page has the path /nowhere/."),
        ({"locales": "de,xx"}, "Unknown language codes: xx"),
        ({"locales": "fr"}, "is written in French already"),
    ],
)
def test_command_checks_everything_before_writing(section, arguments, message):
    arguments = {"section": str(section.pk), **arguments}
    with pytest.raises(CommandError, match=message), translation.override("en"):
        call_command("submit_translations", **arguments, stdout=io.StringIO())
    assert not TranslationJob.objects.exists()
    assert not TranslationSource.objects.exists()


def test_form_offers_the_section_chosen_in_the_explorer(client, section):
    admin_user(client)
    response = client.get(reverse("twinning_submit_translation_job"), {"page": section.pk})
    assert response.status_code == 200
    form = response.context["form"]
    assert (form.initial["page"].pk, form.initial["include_descendants"]) == (section.pk, True)
    assert "German" in response.content.decode()


def test_a_job_runs_once(client, section, django_capture_on_commit_callbacks):
    admin_user(client)
    submit_job(client, section, "de", capture=django_capture_on_commit_callbacks)
    job = TranslationJob.objects.get()
    pages = Page.objects.count()

    again = bulk_submission.run_job(job.pk)  # a worker picking the task up a second time

    assert (again.status, again.done, again.created) == ("finished", 3, 3)
    assert Page.objects.count() == pages
