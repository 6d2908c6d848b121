"""Dates known to the year, month or day: how readers see them and how they sort."""

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from twinning.partial_dates import PartialDate
from twinning.templatetags.twinning_tags import iso_partial_date, partial_date


@pytest.fixture(autouse=True)
def _messages_in_source_language():
    """These tests check the source (English) wording; the catalogues translate it."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    "text, shown",
    [("1960-10-20", "20 octobre 1960"), ("1955-06", "juin 1955"), ("1965", "1965")],
)
def test_date_is_shown_as_precisely_as_it_is_known(text, shown):
    with translation.override("fr"):
        assert partial_date(text) == shown
    assert iso_partial_date(text) == text


def test_dates_of_mixed_precision_sort_like_their_iso_text():
    texts = ["1971", "1970-05-09", "1970", "1970-05", "1969-12-31"]
    dates = [PartialDate.parse(text) for text in texts]
    assert [str(date) for date in sorted(dates)] == sorted(texts)
    assert PartialDate.parse("1970") < PartialDate.parse("1970-01")


def test_same_day_with_the_same_precision_is_equal():
    assert PartialDate.parse("1960-10-20") == PartialDate.parse(" 1960-10-20 ")
    assert PartialDate.parse("1960") != PartialDate.parse("1960-01")


def test_unreadable_stored_date_is_shown_as_is_rather_than_breaking_the_page():
    assert partial_date("vers 1960") == "vers 1960"
    assert iso_partial_date("vers 1960") == ""


def test_year_before_1000_is_refused_with_a_message():
    with pytest.raises(ValidationError, match="from 1000"):
        PartialDate.parse("0999")


def test_spaces_around_a_date_are_dropped_on_validation(tubingen):
    tubingen.signed = " 1960-10-20 "
    tubingen.full_clean()
    assert tubingen.signed == "1960-10-20"
