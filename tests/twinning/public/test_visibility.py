"""A section put behind a login is gone for anonymous readers everywhere at once: its pages,
the API's lists, the sitemap, the search and the feed, while the rest of the site stays."""

import xml.etree.ElementTree as ET

from django.urls import reverse
from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.twinning.page_form_data import log_in_editor
from tests.twinning.translation_helpers import clear_site_cache

BASE = "http://localhost"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


@pytest.fixture
def secret_story(stories_index, tubingen):
    return factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Réunion du comité à Tübingen", partner_cities=[tubingen]
    )


def restrict_as_editor(client, admin_user, page) -> None:
    """Put ``page`` and its subtree behind a login with the admin's privacy dialog."""
    log_in_editor(client, admin_user)
    response = client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
        {"restriction_type": PageViewRestriction.LOGIN, "password": "", "groups": []},
    )
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=page).exists()
    client.logout()
    client.defaults.pop("HTTP_ACCEPT_LANGUAGE", None)


def seen_by_readers(client) -> dict[str, set[str]]:
    """What an anonymous reader finds, per channel, as page titles or URLs."""
    api = client.get("/api/v2/pages/?limit=100&type=twinning.ExchangeStoryPage").json()
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    with translation.override("fr"):
        search_url = reverse("twinning:search")
    search = BeautifulSoup(client.get(search_url, {"q": "Tübingen"}).content, "html.parser")
    feed = ET.fromstring(client.get("/api/v2/feeds/stories.atom?locale=fr").content)
    return {
        "api": {item["title"] for item in api["items"]},
        "sitemap": {loc.text.removeprefix(BASE) for loc in sitemap.iter(f"{SITEMAP}loc")},
        "search": {h2.get_text() for h2 in search.select(".search-result__title")},
        "feed": {entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")},
    }


def test_story_behind_a_login_is_hidden_from_every_channel_and_the_others_stay(
    client_fr, admin_user, tubingen, story, secret_story
):
    before = seen_by_readers(client_fr)
    assert secret_story.title in before["api"]
    assert secret_story.url in before["sitemap"]
    assert secret_story.title in before["search"]
    assert secret_story.title in before["feed"]

    restrict_as_editor(client_fr, admin_user, secret_story)

    after = seen_by_readers(client_fr)
    for channel in ("api", "search", "feed"):
        assert secret_story.title not in after[channel], channel
        assert story.title in after[channel], channel
    assert secret_story.url not in after["sitemap"]
    assert {story.url, tubingen.url} <= after["sitemap"]
    assert client_fr.get(secret_story.url).status_code == 302  # to the login page
    assert client_fr.get(story.url).status_code == 200


def test_section_behind_a_login_hides_its_pages_everywhere(
    client_fr, admin_user, stories_index, tubingen, story
):
    restrict_as_editor(client_fr, admin_user, stories_index)

    after = seen_by_readers(client_fr)
    assert after["api"] == set()
    assert after["feed"] == set()
    assert after["search"] == {tubingen.title}
    assert stories_index.url not in after["sitemap"]
    assert story.url not in after["sitemap"]
    assert tubingen.url in after["sitemap"]
    for page in (stories_index, story):
        assert client_fr.get(page.url).status_code == 302
    city_page = BeautifulSoup(client_fr.get(tubingen.url).content, "html.parser")
    assert story.title not in city_page.get_text()  # the city's own list of its stories
    assert client_fr.get(f"/api/v2/pages/{story.pk}/").status_code == 404
