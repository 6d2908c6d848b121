"""Translators per language and editors per partner city, tried through the real admin."""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import LocaleSynchronization, StringSegment, StringTranslation

import pytest

from tests.twinning.localize_helpers import (
    edit_url,
    in_locale,
    locale,
    log_in,
    submit,
    translation_of,
)
from twinning.localize.groups import ensure_editorial_groups
from twinning.models import ContentPage


@pytest.fixture
def site(tubingen, perugia, django_capture_on_commit_callbacks):
    """French pages, a German tree synchronised from them, Tübingen translated into German."""
    for code in ("en", "de", "ar"):
        with django_capture_on_commit_callbacks(execute=True):
            LocaleSynchronization.objects.create(locale=locale(code), sync_from=tubingen.locale)
    with django_capture_on_commit_callbacks(execute=True):
        submit(tubingen, "de")
    ensure_editorial_groups()
    return tubingen


def member_of(client, group_name):
    user = get_user_model().objects.create_user(
        group_name.split()[0].lower(), "member@example.org", "pw"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return log_in(client, user)


def can_open(client, page) -> bool:
    response = client.get(edit_url(page))
    assert response.status_code in (200, 302, 403)
    return response.status_code == 200


def content_page_data(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "comments": inline_formset([]),
        }
    )


def test_groups_are_created_once_per_language_and_per_city(site, perugia):
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Translators (English)",
        "Translators (German)",
        "Translators (Arabic)",
        "Editors (Tübingen)",
        "Editors (Pérouse)",
    } <= names
    assert "Translators (French)" not in names
    count = GroupPagePermission.objects.count()

    ensure_editorial_groups()

    assert Group.objects.count() == len(names)
    assert GroupPagePermission.objects.count() == count


def test_city_editors_group_follows_the_city_when_renamed(site):
    group = Group.objects.get(name="Editors (Tübingen)")
    site.title = "Tübingen (Bade-Wurtemberg)"
    site.save()

    ensure_editorial_groups()

    group.refresh_from_db()
    assert group.name == "Editors (Tübingen (Bade-Wurtemberg))"
    assert not Group.objects.filter(name="Editors (Tübingen)").exists()


def test_nobody_in_the_editorial_groups_may_publish_or_submit_translations(site):
    permissions = GroupPagePermission.objects.filter(
        group__name__regex=r"^(Translators|Editors) \("
    ).values_list("permission__codename", flat=True)
    assert set(permissions) == {"add_page", "change_page"}
    for group in Group.objects.filter(name__regex=r"^(Translators|Editors) \("):
        assert not group.permissions.filter(codename="submit_translation").exists()


# Translators -----------------------------------------------------------------------------


def test_german_translator_translates_german_pages_only(client, site, perugia):
    member_of(client, "Translators (German)")
    german = in_locale(site, "de")

    assert can_open(client, german)  # the translation editor
    assert can_open(client, in_locale(perugia, "de"))  # an alias, offered for translation
    assert not can_open(client, site)  # the French source
    assert not can_open(client, in_locale(site, "en"))

    translation = translation_of(site, "de")
    segment = StringSegment.objects.get(
        source=translation.source, string__data="Signature du jumelage"
    )
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data=urlencode({"value": "Unterzeichnung"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    assert StringTranslation.objects.filter(data="Unterzeichnung", locale=locale("de")).exists()


def test_english_translator_cannot_translate_german_strings(client, site):
    member_of(client, "Translators (English)")
    translation = translation_of(site, "de")
    segment = StringSegment.objects.get(
        source=translation.source, string__data="Signature du jumelage"
    )

    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data=urlencode({"value": "Signing"}),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 403
    assert not StringTranslation.objects.filter(data="Signing").exists()


def test_german_translator_cannot_publish_a_translation(
    client, site, django_capture_on_commit_callbacks
):
    member_of(client, "Translators (German)")
    german = in_locale(site, "de")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(german), {"action": "publish"})

    assert response.status_code in (302, 403)
    german.refresh_from_db()
    assert not german.live


def test_german_translator_adds_a_german_page_and_submits_it_for_moderation(
    client, site, django_capture_on_commit_callbacks
):
    member_of(client, "Translators (German)")
    german_home = Page.objects.get(locale__language_code="de", depth=2)
    add = reverse("wagtailadmin_pages:add", args=["twinning", "contentpage", german_home.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            add, {**content_page_data("Anreise", "anreise"), "action-submit": "1"}
        )

    assert response.status_code == 302
    page = ContentPage.objects.get(slug="anreise")
    assert page.locale.language_code == "de"
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"


def test_german_translator_cannot_publish_a_german_page(
    client, site, django_capture_on_commit_callbacks
):
    member_of(client, "Translators (German)")
    german_home = Page.objects.get(locale__language_code="de", depth=2)
    add = reverse("wagtailadmin_pages:add", args=["twinning", "contentpage", german_home.pk])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(add, {**content_page_data("Anreise", "anreise"), "action-publish": "1"})

    assert not ContentPage.objects.filter(slug="anreise", live=True).exists()


def test_german_translator_cannot_add_pages_to_the_french_tree(client, site):
    member_of(client, "Translators (German)")
    french_home = Page.objects.get(locale__language_code="fr", depth=2)
    add = reverse("wagtailadmin_pages:add", args=["twinning", "contentpage", french_home.pk])

    response = client.post(add, content_page_data("Accès", "acces"))

    assert response.status_code in (302, 403)
    assert not ContentPage.objects.filter(slug="acces").exists()


# City editors ----------------------------------------------------------------------------


def test_city_editor_edits_the_city_in_every_language_and_nothing_else(client, site, perugia):
    member_of(client, "Editors (Tübingen)")

    assert can_open(client, site)
    assert can_open(client, in_locale(site, "de"))
    assert can_open(client, in_locale(site, "ar"))  # still an alias: offers to translate
    assert not can_open(client, perugia)
    assert not can_open(client, site.get_parent().specific)
    assert not can_open(client, Page.objects.get(locale__language_code="fr", depth=2).specific)


def test_city_editor_cannot_publish(client, site, django_capture_on_commit_callbacks):
    member_of(client, "Editors (Tübingen)")
    german = in_locale(site, "de")
    site.title = "Tübingen am Neckar"
    site.save_revision()  # a draft waiting for someone allowed to publish it

    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(german), {"action": "publish"})
        client.post(
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
            + f"?id={site.pk}",
            {"include_descendants": ""},
        )

    german.refresh_from_db()
    assert not german.live
    site.refresh_from_db()
    assert site.title == "Tübingen"
