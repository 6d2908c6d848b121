"""The translation workflow changes the plugin's pages only, unless the host opts in.

A host's own page types are translated as Wagtail and wagtail-localize do by default while
``TWINNING["LOCALIZE_ALL_PAGE_TYPES"]`` is False; with True (Aix's setting) they get the
same drafts, cascades and guarded publishing as the plugin's pages. The host's page type
here is Wagtail's base ``Page``, made and published as an editor does.
"""

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization, TranslationSource

import pytest

from tests.twinning.localize_helpers import admin_user, in_locale, locale, publish, submit
from twinning.localize.scope import in_scope


def localize_all_page_types(value: bool):
    return override_settings(TWINNING={**settings.TWINNING, "LOCALIZE_ALL_PAGE_TYPES": value})


@pytest.fixture
def plain(home):
    """A page of a type the plugin does not define."""
    page = home.add_child(instance=Page(title="Page simple", slug="page-simple"))
    page.save_revision().publish()
    return page


@pytest.fixture
def synced_german(tubingen, plain, django_capture_on_commit_callbacks):
    """German synchronised from French: every page exists as a live alias."""
    with django_capture_on_commit_callbacks(execute=True):
        LocaleSynchronization.objects.create(locale=locale("de"), sync_from=tubingen.locale)
    return locale("de")


def translate_in_admin(client, page, capture):
    with capture(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale("de").pk]},
        )
    assert response.status_code == 302
    return in_locale(page, "de")


def test_only_the_plugins_page_types_are_in_scope_by_default(tubingen, plain):
    with localize_all_page_types(False):
        assert in_scope(Page.objects.get(pk=tubingen.pk))  # a plain row of a plugin page
        assert not in_scope(plain)
        assert not in_scope(Page)
    with localize_all_page_types(True):
        assert in_scope(plain)


def test_out_of_scope_translation_of_a_live_alias_stays_live_as_wagtail_localize_does(
    client, tubingen, plain, synced_german, django_capture_on_commit_callbacks
):
    admin_user(client)
    with localize_all_page_types(False):
        german_plain = translate_in_admin(client, plain, django_capture_on_commit_callbacks)
        german_city = translate_in_admin(client, tubingen, django_capture_on_commit_callbacks)

    assert german_plain.alias_of_id is None and german_plain.live
    assert german_city.alias_of_id is None and not german_city.live


def test_with_every_page_type_in_scope_both_translations_stay_drafts(
    client, tubingen, plain, synced_german, django_capture_on_commit_callbacks
):
    admin_user(client)
    with localize_all_page_types(True):
        german_plain = translate_in_admin(client, plain, django_capture_on_commit_callbacks)
        german_city = translate_in_admin(client, tubingen, django_capture_on_commit_callbacks)

    assert not german_plain.live
    assert not german_city.live


@pytest.fixture
def german_plain(plain, django_capture_on_commit_callbacks):
    """A published German translation of the plain page, then a new French title."""
    submit(plain, "de")
    publish(plain, "de", django_capture_on_commit_callbacks)
    plain.title = "Page simple révisée"
    with django_capture_on_commit_callbacks(execute=True):
        plain.save_revision().publish()
    return in_locale(plain, "de")


def sync_and_publish(client, page, capture) -> None:
    source = TranslationSource.objects.get(object_id=page.translation_key)
    with capture(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302


@pytest.mark.parametrize(("setting", "published"), [(False, True), (True, False)])
def test_sync_and_publish_is_wagtail_localizes_own_out_of_scope(
    client, plain, german_plain, django_capture_on_commit_callbacks, setting, published
):
    """Out of scope, "Publish immediately" publishes untranslated text as wagtail-localize
    does; in scope, an incomplete translation is kept from going live."""
    admin_user(client)
    with localize_all_page_types(setting):
        sync_and_publish(client, plain, django_capture_on_commit_callbacks)

    title = Page.objects.get(pk=german_plain.pk).title
    assert (title == "Page simple révisée") is published


@pytest.mark.parametrize(("setting", "stays_live"), [(False, True), (True, False)])
def test_unpublishing_an_out_of_scope_source_leaves_its_translation_to_wagtail(
    plain, german_plain, setting, stays_live
):
    with localize_all_page_types(setting):
        plain.unpublish()

    assert Page.objects.get(pk=german_plain.pk).live is stays_live
