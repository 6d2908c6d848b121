"""Editors preview Aix's home page from the admin: its introduction and featured cities as
typed, the saved draft, and a translator's German draft (as the plugin's pages are)."""

from typing import Any

from django.apps import apps
from django.urls import reverse

from wagtail.models import get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from tests import factories
from tests.twinning.html_checks import soup_of, text_of
from tests.twinning.localize_helpers import (
    admin_user,
    in_locale,
    submit,
    translate_strings,
    translation_of,
)
from tests.twinning.page_form_data import edit_url
from tests.twinning.test_previews import (
    GERMAN_TITLE,
    NEW_TEXT,
    NEW_TITLE,
    preview_url,
    show_preview,
)


@pytest.fixture
def editor(db, client):
    admin_user(client)
    return client


@pytest.fixture
def unpublished_city(cities_index):
    return factories.PartnerCityPageFactory(
        parent=cities_index, title="Kumamoto", slug="kumamoto", country="JP", live=False
    )


def home_form_data(*, featured_cities: list = (), **fields: Any) -> dict[str, Any]:
    data = nested_form_data(
        {
            "title": "Villes partenaires d'Aix-en-Provence",
            "slug": "home",
            "intro": rich_text("<p>Introduction.</p>"),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "comments": inline_formset([]),
            **fields,
        }
    )
    data["featured_cities"] = [str(city.pk) for city in featured_cities]
    return data


def edited(**fields: Any) -> dict[str, Any]:
    """The home page's form with a new title and introduction, nothing else changed."""
    return home_form_data(
        **{"title": NEW_TITLE, "intro": rich_text(f"<p>{NEW_TEXT}</p>"), **fields}
    )


def test_the_sites_only_page_type_is_previewed_here():
    """The plugin's page types are previewed in the plugin's tests; the site adds its home."""
    site_types = {
        f"{model._meta.app_label}.{model.__name__}"
        for model in get_page_models()
        if apps.get_app_config(model._meta.app_label).name == "home"
    }
    assert site_types == {"home.HomePage"}


def test_preview_of_the_home_page_shows_the_unsaved_title_and_introduction(editor, home):
    old_title = home.title
    soup = soup_of(show_preview(editor, preview_url(home), edited()))
    assert soup.html["lang"] == "fr"
    assert text_of(soup.h1) == NEW_TITLE
    assert NEW_TEXT in text_of(soup.main)
    # Previewing saved nothing: the page, its history and what readers get are unchanged.
    home.refresh_from_db()
    assert home.title == old_title
    assert not home.has_unpublished_changes
    assert text_of(soup_of(editor.get(home.url)).h1) == old_title


def test_preview_of_a_home_page_draft_with_an_empty_introduction(editor, home):
    soup = soup_of(show_preview(editor, preview_url(home), edited(intro=rich_text(""))))
    assert text_of(soup.h1) == NEW_TITLE
    assert NEW_TEXT not in text_of(soup.main)
    assert "None" not in text_of(soup.main)


def test_reviewer_previews_the_saved_draft_of_the_home_page(editor, home):
    response = editor.post(edit_url(home), edited())
    assert response.status_code == 302
    home.refresh_from_db()
    assert home.has_unpublished_changes
    response = editor.get(reverse("wagtailadmin_pages:view_draft", args=[home.pk]))
    assert response.status_code == 200
    soup = soup_of(response)
    assert text_of(soup.h1) == NEW_TITLE
    assert NEW_TEXT in text_of(soup.main)


def test_translators_preview_shows_their_unpublished_german_home_title(editor, home):
    submit(home, "de")  # "Translate this page": a German draft
    assert translate_strings(home, "de", {home.title: GERMAN_TITLE}) == 1
    url = reverse("wagtail_localize:preview_translation", args=[translation_of(home, "de").pk])
    response = editor.get(url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "de"
    assert text_of(soup.h1) == GERMAN_TITLE
    assert not soup.select(".notice--translation")
    assert in_locale(home, "de").title == home.title


def test_preview_of_the_home_page_shows_unsaved_featured_cities(editor, home, tubingen, perugia):
    data = home_form_data(featured_cities=[perugia])
    soup = soup_of(show_preview(editor, preview_url(home), data))
    featured = text_of(soup.find(id="featured-heading").parent)
    assert "Pérouse" in featured
    assert "Tübingen" not in featured


def test_home_preview_does_not_feature_a_city_not_published_yet(
    editor, home, perugia, unpublished_city
):
    data = home_form_data(featured_cities=[perugia, unpublished_city])
    soup = soup_of(show_preview(editor, preview_url(home), data))
    featured = text_of(soup.find(id="featured-heading").parent)
    assert "Pérouse" in featured
    assert "Kumamoto" not in featured
