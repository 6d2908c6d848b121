"""Aix's home page: its partners and latest stories, in the site's frame."""

from wagtail.models import Locale

import pytest

from tests.twinning.html_checks import assert_accessible_page, soup_of, text_of
from tests.twinning.page_form_data import edit_url, log_in_editor


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_home_page_introduces_cities_and_latest_stories(client_fr, home, cities_index, story):
    home.featured_cities.set(story.partner_cities.all())
    home.save_revision().publish()

    soup = soup_of(get_ok(client_fr, "/fr/"))

    assert text_of(soup.h1) == home.title
    links = {a["href"]: text_of(a) for a in soup.main.find_all("a", href=True)}
    assert "1" in links[cities_index.url]  # "Discover our 1 partner city"
    assert links[story.url] == story.title
    tubingen = story.partner_cities.get()
    featured = soup.main.find("a", href=tubingen.url).find_parent("section")
    assert featured.h2 is not None


def test_home_page_has_landmarks_ordered_headings_and_alt_text(client_fr, home, story):
    soup = soup_of(get_ok(client_fr, home.url))

    assert_accessible_page(soup)


@pytest.fixture
def editor(client, admin_user):
    return log_in_editor(client, admin_user)


@pytest.fixture
def german_tubingen(tubingen):
    german = Locale.objects.get_or_create(language_code="de")[0]
    return tubingen.copy_for_translation(german, copy_parents=True)


def test_home_editor_offers_the_cities_of_its_language(editor, home, tubingen, german_tubingen):
    soup = soup_of(editor.get(edit_url(home)))
    offered = {box["value"] for box in soup.find_all("input", attrs={"name": "featured_cities"})}
    assert offered == {str(tubingen.pk)}
