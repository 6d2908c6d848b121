"""Editors preview every page type from the admin, as Wagtail 8 does it.

The page editor POSTs its form to the preview URL (nothing is saved), then the preview
panel GETs the same URL and shows the page as it would be published. "View draft" and
the reviewers' preview render the latest revision; translators preview from
wagtail-localize's editor, with the strings typed so far.
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.urls import reverse

from wagtail.models import get_page_models
from wagtail.test.utils.form_data import rich_text, streamfield

import pytest

from tests import factories
from tests.twinning.agenda_form_data import call_form_data, event_form_data
from tests.twinning.html_checks import soup_of, text_of
from tests.twinning.localize_helpers import (
    admin_user,
    in_locale,
    submit,
    translate_strings,
    translation_of,
)
from tests.twinning.page_form_data import (
    city_form_data,
    content_page_form_data,
    edit_url,
    index_form_data,
    milestone,
    story_form_data,
)

NEW_TITLE = "Titre modifié pour l'aperçu"
NEW_TEXT = "Texte modifié, pas encore publié."
NEW_BODY = "Paragraphe ajouté dans l'éditeur."
GERMAN_TITLE = "Titel in der Vorschau"

#: Every page type of the plugin, by the name of its page in the ``site`` fixture.
PAGE_TYPES = {
    "cities_index": "twinning.PartnerCityIndexPage",
    "city": "twinning.PartnerCityPage",
    "stories_index": "twinning.ExchangeStoryIndexPage",
    "story": "twinning.ExchangeStoryPage",
    "calls_index": "twinning.ProjectCallIndexPage",
    "call": "twinning.ProjectCallPage",
    "events_index": "twinning.EventIndexPage",
    "event": "twinning.EventPage",
    "content": "twinning.ContentPage",
}
WITH_BODY = {"city", "story", "call", "event", "content"}
WITH_THEMES = {"city", "story", "call", "event"}


@dataclass
class Site:
    """One published page of every type, as a small French site has them."""

    pages: dict[str, Any]
    themes: dict[str, Any]
    actor: Any

    def __getitem__(self, name: str) -> Any:
        return self.pages[name]


@pytest.fixture
def site(home, cities_index, stories_index, tubingen, perugia, story) -> Site:
    calls_index = factories.ProjectCallIndexPageFactory(parent=home)
    events_index = factories.EventIndexPageFactory(parent=home)
    return Site(
        pages={
            "home": home,
            "cities_index": cities_index,
            "stories_index": stories_index,
            "calls_index": calls_index,
            "events_index": events_index,
            "city": tubingen,
            "perugia": perugia,
            "story": story,
            "call": factories.ProjectCallPageFactory(
                parent=calls_index, title="Appel 2026", partner_cities=[tubingen]
            ),
            "event": factories.EventPageFactory(
                parent=events_index, title="Fête de l'Europe", partner_cities=[tubingen]
            ),
            "content": factories.ContentPageFactory(parent=home, title="Stratégie"),
        },
        themes={
            "youth": factories.CooperationThemeFactory(name="Jeunesse", slug="jeunesse"),
            "culture": factories.CooperationThemeFactory(name="Culture", slug="culture"),
        },
        actor=factories.ActorFactory(name="Comité de jumelage", partner_cities=[tubingen]),
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


# The editor's forms ----------------------------------------------------------------


def city_edit_data(city, *, added: list = (), delete_saved: bool = False, **fields: Any):
    """The city's form with its saved milestones posted back first, as the editor does."""
    saved = [
        milestone(id=str(m.pk), date=m.date, kind=m.kind, title=m.title)
        | ({"DELETE": "on"} if delete_saved else {})
        for m in city.milestones.order_by("sort_order")
    ]
    data = city_form_data(milestones=[*saved, *added], **fields)
    data["milestones-INITIAL_FORMS"] = str(len(saved))
    return data


def edited(name: str, site: Site, **fields: Any) -> dict[str, Any]:
    """The form of the page ``name`` with a new title and new text, nothing else changed."""
    if name.endswith("_index"):
        fields = {"title": NEW_TITLE, "intro": rich_text(f"<p>{NEW_TEXT}</p>"), **fields}
        return index_form_data(**fields)
    text = "intro" if name in ("city", "content") else "summary"
    fields = {
        "title": NEW_TITLE,
        text: NEW_TEXT,
        "body": streamfield([("paragraph", rich_text(f"<p>{NEW_BODY}</p>"))]),
        **fields,
    }
    if name == "city":
        return city_edit_data(site["city"], **fields)
    if name == "story":
        return story_form_data(**{"partner_cities": [site["city"]], **fields})
    if name == "call":
        return call_form_data(**fields)
    if name == "event":
        return event_form_data(**fields)
    if name == "content":
        return content_page_form_data(**fields)
    raise AssertionError(f"no form for {name}")


def choose(data: dict[str, Any], **relations: list) -> dict[str, Any]:
    """Tick checkboxes: each relation's objects, as the browser posts them."""
    return {**data, **{name: [str(obj.pk) for obj in objs] for name, objs in relations.items()}}


# The preview panel -----------------------------------------------------------------


def preview_url(page) -> str:
    return reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])


def show_preview(client, url: str, data: dict[str, Any]):
    """What the preview panel does: post the form, then load the preview."""
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.json() == {"is_valid": True, "is_available": True}
    response = client.get(url, {"in_preview_panel": "true"})
    assert response.status_code == 200
    return response


def facts_of(soup) -> str:
    return " ".join(text_of(dl) for dl in soup.main.find_all("dl"))


def links_of(soup) -> set[str]:
    return {a["href"] for a in soup.main.find_all("a", href=True)}


# Every page type -------------------------------------------------------------------


def test_every_page_type_of_the_plugin_is_previewed_here():
    plugin_types = {
        f"{model._meta.app_label}.{model.__name__}"
        for model in get_page_models()
        if apps.get_app_config(model._meta.app_label).name == "twinning"
    }
    assert plugin_types == set(PAGE_TYPES.values())


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_preview_shows_the_unsaved_title_and_text(editor, site, name):
    page = site[name]
    old_title = page.title
    soup = soup_of(show_preview(editor, preview_url(page), edited(name, site)))
    assert soup.html["lang"] == "fr"
    assert text_of(soup.h1) == NEW_TITLE
    assert NEW_TEXT in text_of(soup.main)
    if name in WITH_BODY:
        assert NEW_BODY in text_of(soup.main)
    # Previewing saved nothing: the page, its history and what readers get are unchanged.
    page.refresh_from_db()
    assert page.title == old_title
    assert not page.has_unpublished_changes
    assert text_of(soup_of(editor.get(page.url)).h1) == old_title


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_preview_of_a_page_not_created_yet(editor, site, name):
    page = site[name]
    model, parent = type(page), page.get_parent()
    if name.endswith("_index"):
        page.delete()  # a section has one index, previewed before it is first saved
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )
    count = model.objects.count()
    soup = soup_of(show_preview(editor, url, edited(name, site, slug="nouvelle-page")))
    assert text_of(soup.h1) == NEW_TITLE
    assert NEW_TEXT in text_of(soup.main)
    assert model.objects.count() == count


#: What a draft may leave empty, per page type.
EMPTY = {
    "cities_index": {"intro": rich_text("")},
    "stories_index": {"intro": rich_text("")},
    "calls_index": {"intro": rich_text("")},
    "events_index": {"intro": rich_text("")},
    "city": {
        "intro": "",
        "body": streamfield([]),
        "region": "",
        "population": "",
        "signed": "",
        "website": "",
        "wikidata_id": "",
        "delete_saved": True,  # every milestone
    },
    "story": {"summary": "", "body": streamfield([]), "audience": "", "participants": ""},
    "call": {
        "summary": "",
        "eligibility": rich_text(""),
        "body": streamfield([]),
        "grant_min": "",
        "grant_max": "",
        "apply_url": "",
        "apply_email": "",
    },
    "event": {
        "summary": "",
        "body": streamfield([]),
        "all_day": "on",
        "place_name": "",
        "latitude": "",
        "longitude": "",
    },
    "content": {"intro": "", "body": streamfield([])},
}


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_preview_of_a_draft_with_empty_optional_fields(editor, site, name):
    data = edited(name, site, **EMPTY[name])
    soup = soup_of(show_preview(editor, preview_url(site[name]), data))
    assert text_of(soup.h1) == NEW_TITLE
    assert NEW_TEXT not in text_of(soup.main)
    assert NEW_BODY not in text_of(soup.main)
    assert "None" not in text_of(soup.main)
    assert not soup.select(".timeline__item")


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_reviewer_previews_the_saved_draft(editor, site, name):
    """ "View draft" and the moderation preview render the latest revision."""
    page = site[name]
    data = edited(name, site)
    if name in WITH_THEMES:
        data = choose(data, themes=[site.themes["culture"]])  # kept in the revision
    response = editor.post(edit_url(page), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.has_unpublished_changes
    response = editor.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    soup = soup_of(response)
    assert text_of(soup.h1) == NEW_TITLE
    assert NEW_TEXT in text_of(soup.main)
    if name in WITH_THEMES:
        assert "Culture" in facts_of(soup)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_translators_preview_shows_their_unpublished_german_title(editor, site, name):
    page = site[name]
    submit(page, "de")  # "Translate this page": a German draft
    assert translate_strings(page, "de", {page.title: GERMAN_TITLE}) == 1
    url = reverse("wagtail_localize:preview_translation", args=[translation_of(page, "de").pk])
    response = editor.get(url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "de"
    assert text_of(soup.h1) == GERMAN_TITLE
    # The draft is the German page: no "not yet available in German" notice.
    assert not soup.select(".notice--translation")
    # Typed in the translation editor, not saved on the German page yet.
    assert in_locale(page, "de").title == page.title


# Unsaved relations -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["story", "call", "event"])
def test_preview_shows_unsaved_partner_cities_themes_and_actors(editor, site, name):
    data = choose(
        edited(name, site),
        partner_cities=[site["perugia"]],
        themes=[site.themes["culture"]],
        actors=[site.actor],
    )
    facts = facts_of(soup_of(show_preview(editor, preview_url(site[name]), data)))
    assert "Pérouse" in facts
    assert "Tübingen" not in facts  # the saved city, unticked in the editor
    assert "Culture" in facts
    assert "Comité de jumelage" in facts


def test_preview_of_a_city_shows_unsaved_themes_and_milestones_in_date_order(editor, site):
    city = site["city"]
    data = city_edit_data(
        city,
        title=NEW_TITLE,
        # Added at the end of the list: the timeline still follows the dates.
        added=[milestone(date="1962-05", kind="visit", title="Première visite officielle")],
    )
    award = next(key for key, value in data.items() if value == "Prix de l'Europe")
    data[award] = "Prix de l'Europe (modifié)"
    data = choose(data, themes=[site.themes["culture"]])
    soup = soup_of(show_preview(editor, preview_url(city), data))
    assert [text_of(h3) for h3 in soup.select(".timeline__title")] == [
        "Signature du jumelage",
        "Première visite officielle",
        "Prix de l'Europe (modifié)",
    ]
    assert "Culture" in facts_of(soup)
    assert city.milestones.count() == 2


# Links to pages readers cannot open ------------------------------------------------


def test_story_preview_does_not_link_a_partner_city_not_published_yet(
    editor, site, unpublished_city
):
    data = edited("story", site, partner_cities=[site["city"], unpublished_city])
    soup = soup_of(show_preview(editor, preview_url(site["story"]), data))
    assert site["city"].url in links_of(soup)
    # Readers would find no page there: the published story must not promise one.
    assert unpublished_city.url not in links_of(soup)
    assert "Kumamoto" not in facts_of(soup)


def test_city_preview_links_milestones_only_to_published_pages(editor, site):
    draft = factories.ExchangeStoryPageFactory(
        parent=site["stories_index"], title="Brouillon", live=False
    )
    data = city_edit_data(
        site["city"],
        delete_saved=True,
        title=NEW_TITLE,
        added=[
            milestone(title="Récit publié", link_page=str(site["story"].pk)),
            milestone(title="Récit en brouillon", date="1961", link_page=str(draft.pk)),
            milestone(
                title="Article de presse",
                date="1962",
                link_page=str(draft.pk),
                link_url="https://example.org/article",
            ),
        ],
    )
    soup = soup_of(show_preview(editor, preview_url(site["city"]), data))
    links = {
        text_of(item.select_one(".timeline__title")): [a["href"] for a in item.find_all("a")]
        for item in soup.select(".timeline__item")
    }
    assert links == {
        "Récit publié": [site["story"].url],
        "Récit en brouillon": [],
        # The page is not published yet: the address typed beside it is linked instead.
        "Article de presse": ["https://example.org/article"],
    }
