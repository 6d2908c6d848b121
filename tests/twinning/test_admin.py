"""The page editor as the city's editors meet it: tabs, help, milestones, city choice."""

from wagtail.models import Locale

import pytest

from tests import factories
from tests.twinning.html_checks import soup_of, text_of
from tests.twinning.page_form_data import add_url, edit_url, log_in_editor
from twinning.models import ExchangeStoryPage, PartnerCityPage


@pytest.fixture
def editor(client, admin_user):
    return log_in_editor(client, admin_user)


def tab_labels(soup) -> list[str]:
    return [tab.find(string=True, recursive=False).strip() for tab in soup.select('[role="tab"]')]


def tab_panel(soup, label: str):
    tab = next(
        t for t in soup.select('[role="tab"]') if label in t.find(string=True, recursive=False)
    )
    return soup.select_one(tab["href"])


def field_names(node) -> set[str]:
    return {field["name"] for field in node.select("[name]")}


def help_text_of(soup, field_name: str) -> str:
    """The help shown with a field (Wagtail links it with aria-describedby)."""
    field = soup.find(attrs={"name": field_name})
    described_by = field.get("aria-describedby", "")
    return " ".join(text_of(soup.find(id=ref)) for ref in described_by.split() if soup.find(id=ref))


def test_city_editor_groups_fields_in_tabs(editor, tubingen):
    soup = soup_of(editor.get(edit_url(tubingen)))

    assert tab_labels(soup) == ["Content", "Facts", "Promote"]
    assert {"title", "intro", "hero_image", "milestones-TOTAL_FORMS"} <= field_names(
        tab_panel(soup, "Content")
    )
    assert {
        "country",
        "region",
        "latitude",
        "longitude",
        "population",
        "wikidata_id",
        "website",
        "kind",
        "status",
        "signed",
    } <= field_names(tab_panel(soup, "Facts"))
    assert {"slug", "seo_title", "is_demo_content"} <= field_names(tab_panel(soup, "Promote"))
    # Wagtail 8 moves the Settings tab's only fields, publication dates, into a dialog of
    # the status side panel, and so shows no empty Settings tab.
    schedule = soup.find(id="schedule-publishing-dialog")
    assert {"go_live_at", "expire_at"} <= field_names(schedule)


def test_story_editor_groups_fields_in_tabs(editor, story):
    soup = soup_of(editor.get(edit_url(story)))

    assert tab_labels(soup) == ["Content", "Facts", "Promote"]
    assert {"title", "summary", "hero_image"} <= field_names(tab_panel(soup, "Content"))
    assert {"date", "partner_cities", "audience", "participants"} <= field_names(
        tab_panel(soup, "Facts")
    )


@pytest.mark.parametrize(
    "field_name, help_text",
    [
        ("latitude", "between -90 and 90"),
        ("longitude", "between -180 and 180"),
        ("wikidata_id", "Q3806 for Tübingen"),
        ("signed", "Year (1977), month or full date (1960-10-20)"),
        ("intro", "shown in lists"),
        ("milestones-0-date", "Year (1960), month (1960-10) or day (1960-10-20)"),
        ("is_demo_content", "not a real account"),
    ],
)
def test_city_editor_explains_its_fields(editor, tubingen, field_name, help_text):
    soup = soup_of(editor.get(edit_url(tubingen)))
    assert help_text in help_text_of(soup, field_name)


@pytest.mark.parametrize(
    "field_name, help_text",
    [("date", "When the exchange took place"), ("summary", "shown in lists, feeds")],
)
def test_story_editor_explains_its_fields(editor, story, field_name, help_text):
    soup = soup_of(editor.get(edit_url(story)))
    assert help_text in help_text_of(soup, field_name)


def test_milestones_are_edited_inline_in_the_city_editor(editor, tubingen):
    soup = soup_of(editor.get(edit_url(tubingen)))

    assert soup.find(attrs={"name": "milestones-TOTAL_FORMS"})["value"] == "2"
    titles = [soup.find(attrs={"name": f"milestones-{i}-title"})["value"] for i in range(2)]
    assert sorted(titles) == ["Prix de l'Europe", "Signature du jumelage"]
    # An empty form for the "add" button, and the inline panel's heading.
    assert soup.find(attrs={"name": "milestones-__prefix__-date"}) is not None
    assert "Milestones" in text_of(soup.find(id="page-edit-form"))
    kind = soup.find("select", attrs={"name": "milestones-0-kind"})
    assert {o["value"] for o in kind.find_all("option") if o["value"]} == {
        "signing",
        "renewal",
        "visit",
        "event",
        "anniversary",
        "award",
    }


def test_new_city_form_starts_without_milestones(editor, cities_index):
    soup = soup_of(editor.get(add_url(PartnerCityPage, cities_index)))
    assert soup.find(attrs={"name": "milestones-TOTAL_FORMS"})["value"] == "0"


def offered_cities(soup) -> dict[str, bool]:
    """The partner city checkboxes: page id -> checked."""
    return {
        box["value"]: box.has_attr("checked")
        for box in soup.find_all("input", attrs={"type": "checkbox", "name": "partner_cities"})
    }


@pytest.fixture
def german_tubingen(tubingen):
    german = Locale.objects.get_or_create(language_code="de")[0]
    return tubingen.copy_for_translation(german, copy_parents=True)


def test_story_editor_offers_the_cities_of_its_language_as_checkboxes(
    editor, story, perugia, german_tubingen
):
    tubingen = story.partner_cities.get()

    soup = soup_of(editor.get(edit_url(story)))

    assert offered_cities(soup) == {str(perugia.pk): False, str(tubingen.pk): True}


def test_new_story_form_offers_the_cities_of_its_index_language(
    editor, stories_index, tubingen, perugia, german_tubingen
):
    soup = soup_of(editor.get(add_url(ExchangeStoryPage, stories_index)))
    assert offered_cities(soup) == {str(perugia.pk): False, str(tubingen.pk): False}


def test_german_story_editor_offers_only_german_cities(
    editor, stories_index, perugia, german_tubingen
):
    german_index = stories_index.copy_for_translation(german_tubingen.locale)
    german_story = factories.ExchangeStoryPageFactory(
        parent=german_index, title="Studierende in Aix", partner_cities=[german_tubingen]
    )
    assert german_story.locale == german_tubingen.locale

    soup = soup_of(editor.get(edit_url(german_story)))

    assert offered_cities(soup) == {str(german_tubingen.pk): True}


def test_city_names_label_their_checkboxes(editor, story, perugia):
    soup = soup_of(editor.get(edit_url(story)))
    box = soup.find("input", attrs={"name": "partner_cities", "value": str(perugia.pk)})
    assert text_of(box.find_parent("label")) == "Pérouse"


def test_theme_snippets_are_listed_for_editors(editor):
    factories.CooperationThemeFactory(name="Solidarité internationale")
    response = editor.get("/admin/snippets/twinning/cooperationtheme/")
    assert response.status_code == 200
    assert "Solidarité internationale" in response.content.decode()


@pytest.fixture
def translated_theme(db):
    theme = factories.CooperationThemeFactory(name="Mobilité")
    german = Locale.objects.get_or_create(language_code="de")[0]
    theme.copy_for_translation(german).save()
    return theme


@pytest.mark.parametrize("page_name", ["tubingen", "story"])
def test_editor_offers_the_themes_of_the_page_language(
    request, editor, translated_theme, page_name
):
    page = request.getfixturevalue(page_name)
    soup = soup_of(editor.get(edit_url(page)))
    offered = {box["value"] for box in soup.find_all("input", attrs={"name": "themes"})}
    assert offered == {str(translated_theme.pk)}
