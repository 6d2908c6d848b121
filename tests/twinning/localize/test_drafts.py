"""Translating a page that exists as a live alias never publishes it untranslated.

In synchronised trees every untranslated page is an alias whose ``live_revision`` is the
source's (Wagtail copies it); "Translate" converts the alias in place. These tests make the
pages as editors do (published revisions) and translate through wagtail-localize's views.
"""

from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization

import pytest
from bs4 import BeautifulSoup

from tests.twinning.localize_helpers import (
    admin_user,
    edit_url,
    in_locale,
    locale,
    translate_strings,
)


@pytest.fixture
def synced_german(tubingen, story, django_capture_on_commit_callbacks):
    """German synchronised from French: every page exists as a live alias."""
    with django_capture_on_commit_callbacks(execute=True):
        LocaleSynchronization.objects.create(locale=locale("de"), sync_from=tubingen.locale)
    return locale("de")


def translate_in_admin(client, page, capture, *codes):
    with capture(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale(code).pk for code in codes]},
        )
    assert response.status_code == 302
    return in_locale(page, codes[0])


def test_aliases_of_published_pages_have_the_source_live_revision(tubingen, synced_german):
    """The real-data fact the draft guard must hold on (it missed it before)."""
    alias = in_locale(tubingen, "de")
    assert alias.live_revision_id == Page.objects.get(pk=tubingen.pk).live_revision_id


def test_translate_on_a_live_alias_leaves_a_draft(
    client, client_fr, tubingen, synced_german, django_capture_on_commit_callbacks
):
    admin_user(client)
    german = translate_in_admin(client, tubingen, django_capture_on_commit_callbacks, "de")

    assert german.alias_of_id is None
    assert not german.live
    assert german.live_revision_id is None
    assert german.has_unpublished_changes


def test_url_of_a_translation_in_progress_shows_the_source_with_the_notice(
    client, client_fr, tubingen, synced_german, django_capture_on_commit_callbacks
):
    admin_user(client)
    translate_in_admin(client, tubingen, django_capture_on_commit_callbacks, "de")

    response = client_fr.get("/de/villes-partenaires/tubingen/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    notice = soup.select_one(".notice--translation")
    assert notice is not None and notice["lang"] == "de"
    assert "Deutsch" in notice.get_text()
    assert not soup.select('link[rel="alternate"][hreflang="de"]')
    canonical = soup.select_one('link[rel="canonical"]')
    assert canonical is not None and "/fr/" in canonical["href"]


def test_translation_in_progress_stays_out_of_the_sitemap_and_the_german_api(
    client, client_fr, tubingen, synced_german, django_capture_on_commit_callbacks
):
    admin_user(client)
    german = translate_in_admin(client, tubingen, django_capture_on_commit_callbacks, "de")

    sitemap = client_fr.get("/sitemap.xml").content.decode()
    assert "/de/villes-partenaires/tubingen/" not in sitemap

    items = client_fr.get("/api/v2/pages/?locale=de&type=twinning.PartnerCityPage").json()["items"]
    assert german.pk not in [item["id"] for item in items]
    with_fallback = client_fr.get(
        "/api/v2/pages/?locale=de&fallback=true&type=twinning.PartnerCityPage"
    ).json()["items"]
    [city] = with_fallback
    assert city["id"] == tubingen.pk
    assert city["meta"]["fallback_from"] == "fr"


def test_publishing_the_translation_puts_the_german_text_live(
    client, client_fr, tubingen, synced_german, django_capture_on_commit_callbacks
):
    admin_user(client)
    translate_in_admin(client, tubingen, django_capture_on_commit_callbacks, "de")
    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung"})

    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(in_locale(tubingen, "de")), {"action": "publish"})

    german = in_locale(tubingen, "de")
    assert german.live and german.live_revision.object_id == str(german.pk)
    response = client_fr.get("/de/villes-partenaires/tubingen/")
    assert "Unterzeichnung" in response.content.decode()
    assert not BeautifulSoup(response.content, "html.parser").select(".notice--translation")


def test_translating_a_subtree_leaves_every_page_a_draft(
    client, stories_index, story, synced_german, django_capture_on_commit_callbacks
):
    """ "Translate this page" with subpages: the index and its story, both were live aliases."""
    admin_user(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[stories_index.pk]),
            {"locales": [locale("de").pk], "include_subtree": "on"},
        )

    for page in (stories_index, story):
        german = in_locale(page, "de")
        assert german.alias_of_id is None, page.title
        assert not german.live, page.title


def test_republishing_a_published_translation_is_not_undone(
    client, tubingen, synced_german, django_capture_on_commit_callbacks
):
    """Once published as itself, a translation is no converted alias any more."""
    admin_user(client)
    translate_in_admin(client, tubingen, django_capture_on_commit_callbacks, "de")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(in_locale(tubingen, "de")), {"action": "publish"})
    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung"})

    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(in_locale(tubingen, "de")), {"action": "publish"})

    assert in_locale(tubingen, "de").live


def test_translating_the_home_page_keeps_the_language_tree_reachable(
    client, client_fr, home, tubingen, synced_german, django_capture_on_commit_callbacks
):
    """Wagtail routes a language through its home page only once that home is live: the
    German home in translation must not hand /de/ over to the French tree."""
    admin_user(client)
    german_city = translate_in_admin(client, tubingen, django_capture_on_commit_callbacks, "de")
    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(german_city), {"action": "publish"})
    translate_in_admin(client, home, django_capture_on_commit_callbacks, "de")
    assert not in_locale(home, "de").live
    client.logout()

    city = client_fr.get("/de/villes-partenaires/tubingen/")
    assert city.status_code == 200
    assert "Unterzeichnung" in city.content.decode()
    home_page = client_fr.get("/de/")
    assert home_page.status_code == 200
    notice = BeautifulSoup(home_page.content, "html.parser").select_one(".notice--translation")
    assert notice is not None and notice["lang"] == "de"
