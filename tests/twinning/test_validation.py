"""Bad input is refused with a message an editor understands, and nothing is saved.

Each rule is checked twice: on the model (``full_clean``, what imports and scripts go
through) and in Wagtail's page editor (what an editor sees).
"""

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Revision

import pytest

from tests import factories
from tests.twinning.page_form_data import (
    add_url,
    city_form_data,
    edit_url,
    log_in_editor,
    milestone,
    publish,
    story_form_data,
)
from twinning.models import ExchangeStoryPage, PartnerCityPage, PartnershipMilestone


@pytest.fixture(autouse=True)
def _messages_in_source_language():
    """These tests check the source (English) wording; the catalogues translate it."""
    with translation.override("en"):
        yield


LATITUDE_RANGE = "Latitude must be between -90 and 90 degrees."
LONGITUDE_RANGE = "Longitude must be between -180 and 180 degrees."
WIKIDATA_FORMAT = (
    "A Wikidata ID is the letter Q followed by digits, for example Q3806 for Tübingen."
)
NO_PARTNER_CITY = "Choose at least one partner city: a story tells of an exchange with a partner."
IMPOSSIBLE_DATES = {
    "2016-02-30": "2016-02-30 does not exist in the calendar.",
    "1960-13": "1960-13 is not a valid month: months run from 01 to 12.",
    "1960-10-32": "1960-10-32 does not exist in the calendar.",
    "20/10/1960": "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD (for example 1960 or 1960-10-20).",
}
BAD_COORDINATES = [
    ("latitude", "91", LATITUDE_RANGE),
    ("latitude", "-90.5", LATITUDE_RANGE),
    ("longitude", "-181", LONGITUDE_RANGE),
    ("longitude", "180.00001", LONGITUDE_RANGE),
]
BAD_WIKIDATA_IDS = ["3806", "Q0", "q3806", "Q38O6", "Q 3806"]


def errors_of(call) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


# --- on the model ---------------------------------------------------------------------


@pytest.mark.parametrize("field, value, message", BAD_COORDINATES)
def test_coordinates_out_of_range_are_refused(tubingen, field, value, message):
    setattr(tubingen, field, value)
    assert message in errors_of(tubingen.full_clean)[field]


@pytest.mark.parametrize(
    "latitude, longitude", [("90", "180"), ("-90", "-180"), ("-33.86882", "151.20930")]
)
def test_coordinates_at_the_poles_and_antimeridian_are_accepted(tubingen, latitude, longitude):
    tubingen.latitude, tubingen.longitude = latitude, longitude
    tubingen.full_clean()


@pytest.mark.parametrize("wikidata_id", BAD_WIKIDATA_IDS)
def test_malformed_wikidata_id_is_refused(tubingen, wikidata_id):
    tubingen.wikidata_id = wikidata_id
    assert errors_of(tubingen.full_clean)["wikidata_id"] == [WIKIDATA_FORMAT]


@pytest.mark.parametrize("wikidata_id", ["Q3806", "Q90", ""])
def test_wellformed_or_missing_wikidata_id_is_accepted(tubingen, wikidata_id):
    tubingen.wikidata_id = wikidata_id
    tubingen.full_clean()


@pytest.mark.parametrize("date, message", IMPOSSIBLE_DATES.items())
def test_milestone_with_an_impossible_date_is_refused(tubingen, date, message):
    step = PartnershipMilestone(
        page=tubingen, locale=tubingen.locale, date=date, kind="visit", title="Visite"
    )
    assert errors_of(step.full_clean)["date"] == [message]


@pytest.mark.parametrize("date", ["1965", "2015-06", "2016-02-29"])
def test_milestone_known_to_the_year_month_or_day_is_accepted(tubingen, date):
    PartnershipMilestone(
        page=tubingen, locale=tubingen.locale, date=date, kind="visit", title="Visite"
    ).full_clean()


@pytest.mark.parametrize("date, message", IMPOSSIBLE_DATES.items())
def test_city_with_an_impossible_signing_date_is_refused(tubingen, date, message):
    tubingen.signed = date
    assert errors_of(tubingen.full_clean)["signed"] == [message]


# --- in the page editor ---------------------------------------------------------------


@pytest.fixture
def editor(client, admin_user):
    return log_in_editor(client, admin_user)


def assert_refused(response, message: str) -> None:
    """The editor stays on the form, told what is wrong, in the form and at the top."""
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(message) in html
    assert any(
        f"The page could not be {done} due to validation errors" in html
        for done in ("created", "saved")
    )


def test_valid_city_is_published_from_the_editor(editor, cities_index):
    """The baseline the refusals below alter by one value."""
    response = editor.post(add_url(PartnerCityPage, cities_index), publish(city_form_data()))
    assert response.status_code == 302
    city = PartnerCityPage.objects.get(slug="tubingen")
    assert city.live and city.wikidata_id == "Q3806"
    assert [m.title for m in city.milestones.all()] == ["Signature du jumelage"]


@pytest.mark.parametrize("field, value, message", BAD_COORDINATES)
def test_editor_is_told_coordinates_are_out_of_range(editor, cities_index, field, value, message):
    data = publish(city_form_data(**{field: value}))
    response = editor.post(add_url(PartnerCityPage, cities_index), data)
    assert_refused(response, message)
    assert set(response.context["form"].errors) == {field}
    assert not PartnerCityPage.objects.exists()


def test_editor_is_told_a_longitude_edit_is_out_of_range(editor, tubingen):
    data = publish(city_form_data(title=tubingen.title, slug=tubingen.slug, longitude="-181"))
    data.update(_existing_milestones(tubingen))
    revisions = Revision.objects.for_instance(tubingen).count()

    response = editor.post(edit_url(tubingen), data)

    assert_refused(response, LONGITUDE_RANGE)
    assert set(response.context["form"].errors) == {"longitude"}
    tubingen.refresh_from_db()
    assert str(tubingen.longitude) == "9.05760"
    assert Revision.objects.for_instance(tubingen).count() == revisions


@pytest.mark.parametrize("wikidata_id", BAD_WIKIDATA_IDS)
def test_editor_is_told_the_wikidata_id_is_malformed(editor, cities_index, wikidata_id):
    data = publish(city_form_data(wikidata_id=wikidata_id))
    response = editor.post(add_url(PartnerCityPage, cities_index), data)
    assert_refused(response, WIKIDATA_FORMAT)
    assert set(response.context["form"].errors) == {"wikidata_id"}
    assert not PartnerCityPage.objects.exists()


@pytest.mark.parametrize("date, message", IMPOSSIBLE_DATES.items())
def test_editor_is_told_a_milestone_date_is_impossible(editor, cities_index, date, message):
    data = publish(
        city_form_data(milestones=[milestone(), milestone(date=date, title="Visite officielle")])
    )
    response = editor.post(add_url(PartnerCityPage, cities_index), data)
    assert_refused(response, message)
    formset = response.context["form"].formsets["milestones"]
    assert formset.errors == [{}, {"date": [message]}]
    assert not PartnerCityPage.objects.exists()
    assert not PartnershipMilestone.objects.exists()


def test_milestone_with_an_impossible_date_is_not_added_to_an_existing_city(editor, tubingen):
    milestones = [
        *_existing_milestone_forms(tubingen),
        milestone(date="2016-02-30", title="Visite officielle"),
    ]
    data = publish(city_form_data(title=tubingen.title, slug=tubingen.slug, milestones=milestones))
    data["milestones-INITIAL_FORMS"] = str(tubingen.milestones.count())

    response = editor.post(edit_url(tubingen), data)

    assert_refused(response, IMPOSSIBLE_DATES["2016-02-30"])
    form = response.context["form"]
    assert not form.errors
    assert form.formsets["milestones"].errors == [
        {},
        {},
        {"date": [IMPOSSIBLE_DATES["2016-02-30"]]},
    ]
    assert tubingen.milestones.count() == 2
    assert not tubingen.milestones.filter(title="Visite officielle").exists()


def test_pasted_wikidata_address_is_refused_with_a_message(editor, cities_index):
    data = publish(city_form_data(wikidata_id="https://www.wikidata.org/wiki/Q3806"))
    response = editor.post(add_url(PartnerCityPage, cities_index), data)
    assert response.status_code == 200
    assert response.context["form"].errors["wikidata_id"]
    assert not PartnerCityPage.objects.exists()


def test_editor_is_told_a_story_needs_a_partner_city(editor, stories_index, tubingen):
    data = publish(story_form_data(partner_cities=[]))
    response = editor.post(add_url(ExchangeStoryPage, stories_index), data)
    assert_refused(response, NO_PARTNER_CITY)
    assert set(response.context["form"].errors) == {"partner_cities"}
    assert not ExchangeStoryPage.objects.exists()


def test_story_with_a_partner_city_is_published(editor, stories_index, tubingen):
    data = publish(story_form_data(partner_cities=[tubingen]))
    response = editor.post(add_url(ExchangeStoryPage, stories_index), data)
    assert response.status_code == 302
    story = ExchangeStoryPage.objects.get(slug=data["slug"])
    assert list(story.partner_cities.all()) == [tubingen]


def test_unreadable_numbers_get_a_message_not_an_error_page(editor, cities_index):
    data = publish(city_form_data(latitude="48,5216", population="about 90000"))
    response = editor.post(add_url(PartnerCityPage, cities_index), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"latitude", "population"}
    assert not PartnerCityPage.objects.exists()


def _existing_milestone_forms(city) -> list[dict]:
    return [
        milestone(id=str(m.pk), date=m.date, kind=m.kind, title=m.title)
        for m in city.milestones.all()
    ]


def _existing_milestones(city) -> dict[str, str]:
    """The milestone formset as the editor page posts it back, unchanged."""
    data = city_form_data(milestones=_existing_milestone_forms(city))
    data["milestones-INITIAL_FORMS"] = str(city.milestones.count())
    return {key: value for key, value in data.items() if key.startswith("milestones-")}


def test_factories_build_valid_pages(tubingen, story):
    """Guards the tests above: their baseline pages pass validation."""
    tubingen.full_clean()
    story.full_clean()
    factories.PartnershipMilestoneFactory(page=tubingen, date="2015").full_clean()
