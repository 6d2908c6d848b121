"""Deletes, moves and unpublishing in the admin carry over to every language tree."""

import datetime
import io
from collections import Counter

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
)

import pytest

from tests import factories
from tests.twinning.localize_helpers import admin_user, in_locale, locale, log_in, translation_of

TRANSLATED_TREES = ("de", "en", "it")


@pytest.fixture
def trees(home, django_capture_on_commit_callbacks):
    """Synchronise German, English and Italian from French, as an administrator does."""

    def synchronise(*codes):
        with django_capture_on_commit_callbacks(execute=True):
            for code in codes or TRANSLATED_TREES:
                LocaleSynchronization.objects.create(locale=locale(code), sync_from=home.locale)

    return synchronise


@pytest.fixture
def reader():
    """An anonymous reader of the public site."""
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def admin(client):
    admin_user(client)
    return client


@pytest.fixture
def translate(admin, django_capture_on_commit_callbacks):
    """Translate ``page`` in the admin: submit, type strings, and optionally publish."""

    def translate_page(page, code, *, publish=True, prefix=None):
        with django_capture_on_commit_callbacks(execute=True):
            admin.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                {"locales": [locale(code).pk]},
            )
        if prefix:
            type_strings(page, code, prefix)
        if publish:
            with django_capture_on_commit_callbacks(execute=True):
                admin.post(
                    reverse("wagtailadmin_pages:edit", args=[in_locale(page, code).pk]),
                    {"action": "publish"},
                )
        return in_locale(page, code)

    return translate_page


def type_strings(page, code, prefix) -> int:
    """A translator's work: every text segment but the slug, prefixed with ``prefix``."""
    translation = translation_of(page, code)
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    count = 0
    for segment in segments:
        if segment.context.path == "slug":
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"{prefix} {segment.string.data}"},
        )
        count += 1
    return count


def translated_strings(page, code) -> int:
    return StringTranslation.objects.filter(
        context__object_id=page.translation_key, locale__language_code=code
    ).count()


def pages_per_locale() -> Counter:
    return Counter(Page.objects.filter(depth__gt=1).values_list("locale__language_code", flat=True))


def delete_in_admin(client, page):
    return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))


# Deleting a translation


def test_deleted_translation_keeps_its_strings_and_gets_them_back_when_translated_again(
    trees, translate, admin, reader, tubingen
):
    trees("de")
    german = translate(tubingen, "de", prefix="DE")
    typed = translated_strings(tubingen, "de")
    assert typed >= 3 and german.title == "DE Tübingen"

    response = delete_in_admin(admin, german)

    assert response.status_code == 302
    notice = admin.get(response.url).content.decode()
    assert "Until it is translated again, this page shows its French text in German." in notice
    assert translated_strings(tubingen, "de") == typed
    # The German tree mirrors the French page again, as before it was translated.
    alias = in_locale(tubingen, "de")
    assert alias.alias_of_id == tubingen.pk and alias.live
    assert reader.get("/de/villes-partenaires/tubingen/").status_code == 200

    german = translate(tubingen, "de")

    assert german.alias_of_id is None and german.live
    assert german.title == "DE Tübingen"
    assert "DE Signature du jumelage" in german.milestones.values_list("title", flat=True)
    assert translation_of(tubingen, "de").enabled
    assert "DE Tübingen" in reader.get("/de/villes-partenaires/tubingen/").content.decode()


# Deleting a source page


def test_deleting_the_french_story_leaves_no_copy_in_any_tree(trees, translate, admin, story):
    trees()
    translate(story, "de", prefix="DE")
    translate(story, "en", prefix="EN", publish=False)
    before = pages_per_locale()
    strings = translated_strings(story, "de") + translated_strings(story, "en")

    response = delete_in_admin(admin, story)

    assert response.status_code == 302
    assert not Page.objects.filter(translation_key=story.translation_key).exists()
    after = pages_per_locale()
    assert {code: before[code] - after[code] for code in before} == {
        "fr": 1,
        "de": 1,
        "en": 1,
        "it": 1,
    }
    # Every tree still mirrors the French one page for page: no orphan is left behind.
    assert len(set(after.values())) == 1
    # The translators' work stays in translation memory.
    assert translated_strings(story, "de") + translated_strings(story, "en") == strings
    assert not Translation.objects.filter(source__object_id=story.translation_key, enabled=True)


def test_delete_confirmation_says_what_each_language_loses(trees, translate, admin, story):
    trees()
    translate(story, "de", prefix="DE")
    translate(story, "en", prefix="EN", publish=False)
    german_strings = translated_strings(story, "de")
    english_strings = translated_strings(story, "en")

    html = admin.get(reverse("wagtailadmin_pages:delete", args=[story.pk])).content.decode()

    total = german_strings + english_strings
    assert f"Its 2 translated pages will be deleted too ({total} translated strings)" in html
    assert f"German — live: 1, drafts: 0, translated strings: {german_strings}" in html
    assert f"English — live: 0, drafts: 1, translated strings: {english_strings}" in html
    assert "Its 1 untranslated copy in the other languages" in html
    assert "Yes, delete it" in html


def test_editor_who_may_not_delete_the_german_translation_cannot_delete_the_french_page(
    trees, translate, client, story
):
    trees("de")
    translate(story, "de", prefix="DE")
    french_editor(client)

    response = client.get(reverse("wagtailadmin_pages:delete", args=[story.pk]), follow=True)

    assert "you may not delete its translations in German" in response.content.decode()
    assert Page.objects.filter(translation_key=story.translation_key).count() == 2


def test_bulk_delete_leaves_a_french_page_with_translations_alone(trees, translate, admin, story):
    trees("de")
    translate(story, "de", prefix="DE")

    response = admin.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={story.pk}",
        follow=True,
    )

    assert "Delete, move or unpublish them one at a time." in response.content.decode()
    assert Page.objects.filter(translation_key=story.translation_key).count() == 2


# Unpublishing


def test_unpublishing_the_french_story_takes_its_translations_offline(
    trees, translate, admin, reader, story
):
    trees("de", "en")
    german = translate(story, "de", prefix="DE")
    translate(story, "en", prefix="EN")
    assert reader.get(german.url).status_code == 200
    assert titles_in_api(reader, "de") == ["DE Étudiants à Tübingen"]
    assert "DE Étudiants à Tübingen" in german_feed(reader)

    confirmation = admin.get(reverse("wagtailadmin_pages:unpublish", args=[story.pk]))
    response = admin.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk]))

    assert "This will also unpublish all 2 translations" in confirmation.content.decode()
    assert response.status_code == 302
    assert not Page.objects.filter(translation_key=story.translation_key, live=True).exists()
    assert "DE Étudiants" not in reader.get(german.url).content.decode()
    assert titles_in_api(reader, "de") == []
    assert titles_in_api(reader, "en") == []
    assert "Étudiants" not in german_feed(reader)


def test_editor_who_may_not_unpublish_the_german_translation_unpublishes_nothing(
    trees, translate, client, reader, story
):
    trees("de")
    german = translate(story, "de", prefix="DE")
    french_editor(client)

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk]), follow=True)

    assert "you may not unpublish its translations in German" in response.content.decode()
    story.refresh_from_db()
    german.refresh_from_db()
    assert story.live and german.live
    assert reader.get(german.url).status_code == 200


def german_feed(client) -> str:
    return client.get("/api/v2/feeds/stories.atom?locale=de").content.decode()


def titles_in_api(client, code) -> list[str]:
    response = client.get(f"/api/v2/pages/?locale={code}&type=twinning.ExchangeStoryPage")
    return [item["title"] for item in response.json()["items"]]


# Moving


@pytest.fixture
def sections(home):
    cooperation = factories.ContentPageFactory(parent=home, title="Coopération", slug="cooperation")
    page = factories.ContentPageFactory(
        parent=cooperation, title="Échanges scolaires", slug="echanges-scolaires"
    )
    return cooperation, page


def test_moving_a_french_page_moves_its_translation_and_aliases_under_the_new_parent(
    trees, translate, admin, reader, home, sections
):
    _cooperation, page = sections
    trees("de", "en")
    translate(page, "de", prefix="DE")
    # Created after the trees were synchronised: no language has a copy of it yet.
    youth = factories.ContentPageFactory(parent=home, title="Jeunesse", slug="jeunesse")

    response = admin.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, youth.pk]))

    assert response.status_code == 302
    url_paths = dict(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale__language_code", "url_path"
        )
    )
    home_paths = {code: in_locale(home, code).url_path for code in ("fr", "de", "en")}
    assert url_paths == {
        code: f"{home_paths[code]}jeunesse/echanges-scolaires/" for code in ("fr", "de", "en")
    }
    for code in ("de", "en"):
        assert in_locale(page, code).get_parent().specific.alias_of_id == youth.pk
    german = reader.get("/de/jeunesse/echanges-scolaires/")
    assert german.status_code == 200 and "DE Échanges scolaires" in german.content.decode()
    assert reader.get("/de/cooperation/echanges-scolaires/").status_code != 200


def test_editor_who_may_not_move_the_german_copy_cannot_move_the_french_page(
    trees, translate, client, home, sections
):
    cooperation, page = sections
    trees("de")
    youth = factories.ContentPageFactory(parent=home, title="Jeunesse", slug="jeunesse")
    translate(page, "de", prefix="DE")
    french_editor(client)

    response = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[page.pk, youth.pk]), follow=True
    )

    assert "you may not move its copies in German" in response.content.decode()
    assert Page.objects.get(pk=page.pk).get_parent().pk == cooperation.pk
    assert in_locale(page, "de").url_path.endswith("/cooperation/echanges-scolaires/")


def french_editor(client):
    """An editor of the French tree only, with every permission there."""
    group = Group.objects.create(name="Rédaction française")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page", "bulk_delete_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=factories.home_page(),
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user = get_user_model().objects.create_user("redaction", "redaction@example.org", "pw")
    user.groups.add(group)
    log_in(client, user)
    return user


def test_expired_french_story_takes_its_translations_offline(
    trees, translate, reader, story, django_capture_on_commit_callbacks
):
    """Scheduled expiry unpublishes outside the admin's views: the German page follows."""
    trees("de")
    german = translate(story, "de", prefix="DE")
    story.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    story.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", stdout=io.StringIO())

    german.refresh_from_db()
    assert not german.live
    assert titles_in_api(reader, "de") == []
