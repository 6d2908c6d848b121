"""The exchange stories index's filters: valid ones narrow the list, invalid ones are
ignored one by one (links from elsewhere may carry stale values)."""

import datetime

import pytest

from tests import factories
from tests.twinning.html_checks import soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(stories_index, tubingen, perugia):
    in_tubingen = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Chorale à Tübingen", partner_cities=[tubingen]
    )
    in_perugia = factories.ExchangeStoryPageFactory(
        parent=stories_index,
        title="Peintres à Pérouse",
        partner_cities=[perugia],
        date=datetime.date(2018, 3, 1),
        audience="public",
    )
    return in_tubingen, in_perugia


def titles(client, url) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return {title for title in ("Chorale à Tübingen", "Peintres à Pérouse") if title in html}


def test_partner_year_and_audience_narrow_the_stories(client_fr, stories_index, perugia, stories):
    url = stories_index.url
    assert titles(client_fr, url) == {"Chorale à Tübingen", "Peintres à Pérouse"}
    assert titles(client_fr, f"{url}?partner={perugia.pk}") == {"Peintres à Pérouse"}
    assert titles(client_fr, f"{url}?year=2016") == {"Chorale à Tübingen"}
    assert titles(client_fr, f"{url}?audience=public") == {"Peintres à Pérouse"}


def test_invalid_filters_are_ignored_and_valid_ones_still_apply(client_fr, stories_index, stories):
    url = stories_index.url
    for junk in (
        "partner=abc",
        "partner=99999999999999999999999",
        "actor=-3",
        "audience=martians",
        "year=twenty",
        "year=20160",
    ):
        assert titles(client_fr, f"{url}?{junk}") == {"Chorale à Tübingen", "Peintres à Pérouse"}
        assert titles(client_fr, f"{url}?{junk}&year=2018") == {"Peintres à Pérouse"}


def test_chosen_filters_stay_selected(client_fr, stories_index, perugia, stories):
    soup = soup_of(client_fr.get(f"{stories_index.url}?partner={perugia.pk}&year=2018&audience=x"))

    selected = {option["value"] for option in soup.select("form.filters option[selected]")}
    assert selected == {str(perugia.pk), "2018"}
