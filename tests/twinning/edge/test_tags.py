"""Every public response says what it shows (the ``xkey`` header); the edge may keep
anonymous pages (s-maxage), never what is personal, private or previewed."""

import datetime
from unittest import mock

from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control

from wagtail.models import PageViewRestriction

import pytest

from tests import factories
from tests.twinning.edge.conftest import use_edge
from tests.twinning.page_form_data import log_in_editor
from tests.twinning.test_query_counts import NOW
from twinning import cache_tags
from twinning.edge.middleware import EdgeCacheMiddleware
from twinning.edge.tagging import MENU_TAG
from twinning.models import ExchangeStoryPage, PartnerCityPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_site_roots")]


@pytest.fixture(autouse=True)
def edge(settings):
    """An edge to purge (nothing listens: these tests look at responses only)."""
    use_edge(settings, "http://127.0.0.1:9")


def tags(response) -> set[str]:
    return set(response.get("xkey", "").split())


def test_story_page_names_itself_the_menu_and_the_cities_it_shows(client_fr, story, tubingen):
    response = client_fr.get(story.url)

    assert response.status_code == 200
    assert {cache_tags.page_tag(story), MENU_TAG, cache_tags.page_tag(tubingen)} <= tags(response)


def test_index_and_city_pages_name_what_they_list(client_fr, stories_index, story, tubingen):
    assert cache_tags.type_tag(ExchangeStoryPage) in tags(client_fr.get(stories_index.url))
    city = tags(client_fr.get(tubingen.url))
    assert {cache_tags.page_tag(tubingen), cache_tags.about_tag(tubingen)} <= city


def test_page_shows_the_snippets_it_refers_to(client_fr, stories_index, tubingen):
    actor = factories.ActorFactory(name="Comité de jumelage")
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index, partner_cities=[tubingen], actors=[actor]
    )

    assert cache_tags.object_tag(actor) in tags(client_fr.get(story.url))


def test_anonymous_page_is_kept_by_the_edge_and_revalidated_soon_by_browsers(
    client_fr, settings, story
):
    use_edge(settings, "http://127.0.0.1:9", EDGE_MAX_AGE=30, EDGE_S_MAXAGE=7200)

    cache_control = client_fr.get(story.url)["Cache-Control"]

    assert {"public", "max-age=30", "s-maxage=7200"} <= set(
        cache_control.replace(" ", "").split(",")
    )


def test_a_city_page_is_kept_by_the_edge_no_longer_than_its_agenda_holds(
    client_fr, settings, home, tubingen
):
    """A call closing or an event ending changes the page with no publish to purge it."""
    use_edge(settings, "http://127.0.0.1:9", EDGE_MAX_AGE=60, EDGE_S_MAXAGE=86400)
    calls_index = factories.ProjectCallIndexPageFactory(parent=home)
    factories.ProjectCallPageFactory(
        parent=calls_index,
        title="Appel estival",
        opens_at=NOW - datetime.timedelta(days=1),
        closes_at=NOW + datetime.timedelta(hours=5),
        partner_cities=[tubingen],
    )

    with mock.patch("django.utils.timezone.now", return_value=NOW):
        built = client_fr.get(tubingen.url)
        from_cache = client_fr.get(tubingen.url)  # the agenda's fragment, kept

    for response in (built, from_cache):
        assert "Appel estival" in response.content.decode()
        directives = set(response["Cache-Control"].replace(" ", "").split(","))
        assert {"public", "max-age=60", f"s-maxage={5 * 3600}"} <= directives


def test_pages_are_not_shared_or_tagged_without_an_edge_to_purge(client_fr, settings, story):
    settings.TWINNING = {**settings.TWINNING, "EDGE_PURGE_URLS": []}

    response = client_fr.get(story.url)

    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert cache_tags.page_tag(story) not in tags(response)


def test_signed_in_reader_page_is_not_shared(client_fr, settings, admin_user, story):
    client_fr.force_login(admin_user)

    response = client_fr.get(story.url)

    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
    assert "s-maxage" not in response["Cache-Control"]


def test_restricted_page_is_not_shared_even_with_its_password(
    client_fr, settings, admin_user, story
):
    log_in_editor(client_fr, admin_user)
    client_fr.post(
        reverse("wagtailadmin_pages:set_privacy", args=[story.pk]),
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "jumelage"},
    )
    client_fr.logout()

    form = client_fr.get(story.url)
    restriction = PageViewRestriction.objects.get(page=story)
    client_fr.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, story.pk]),
        {"password": "jumelage", "return_url": story.url},
    )
    page = client_fr.get(story.url)

    assert "s-maxage" not in form.get("Cache-Control", "")
    assert page.status_code == 200
    assert story.title in page.content.decode()
    assert "public" not in page["Cache-Control"]


def test_preview_is_never_shared(client_fr, settings, admin_user, story):
    log_in_editor(client_fr, admin_user)

    response = client_fr.get(reverse("wagtailadmin_pages:view_draft", args=[story.pk]))

    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")


def test_api_list_and_detail_name_what_they_show_and_keep_their_cache_control(
    client_fr, story, tubingen
):
    listing_url = "/api/v2/pages/?type=twinning.ExchangeStoryPage"
    listing = client_fr.get(listing_url)
    again = client_fr.get(listing_url)  # from the API's server cache
    detail = client_fr.get(f"/api/v2/pages/{story.pk}/")

    assert cache_tags.type_tag(ExchangeStoryPage) in tags(listing)
    assert tags(again) == tags(listing)
    assert cache_tags.page_tag(story) in tags(detail)
    for response in (listing, again, detail):
        assert response["Cache-Control"] == "public, max-age=300"
        assert "Accept-Language" in response["Vary"]


def test_map_feed_calendar_and_sitemap_name_the_types_they_list(client_fr, story, tubingen):
    geojson = tags(client_fr.get("/api/v2/partners.geojson"))
    feed = tags(client_fr.get("/api/v2/feeds/stories.atom"))
    calendar = tags(client_fr.get(f"/api/v2/partners/{tubingen.pk}/calendar.ics"))
    sitemap = client_fr.get("/sitemap.xml")

    assert cache_tags.type_tag(PartnerCityPage) in geojson
    assert cache_tags.type_tag(ExchangeStoryPage) in feed
    assert {cache_tags.page_tag(tubingen), cache_tags.about_tag(tubingen)} <= calendar
    assert {
        cache_tags.type_tag(ExchangeStoryPage),
        cache_tags.type_tag(PartnerCityPage),
    } <= tags(sitemap)


def test_edge_gets_no_tags_of_a_response_that_shows_nothing(client_fr):
    assert "xkey" not in client_fr.get("/api/v2/openapi.json")


def test_a_response_with_more_tags_than_varnish_takes_is_kept_by_no_shared_cache(rf):
    def view(request):
        cache_tags.tag(request, [f"tw-o-wagtailimages.image-{pk}" for pk in range(1000)])
        response = HttpResponse("<p>…</p>")
        patch_cache_control(response, public=True, max_age=300)
        return response

    response = EdgeCacheMiddleware(view)(rf.get("/fr/galerie/"))

    assert "xkey" not in response
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_checks_find_the_edge_middleware_misplaced(settings):
    from django.core import checks

    settings.MIDDLEWARE = [
        "twinning.edge.middleware.EdgeCacheMiddleware",
        *[m for m in settings.MIDDLEWARE if m != "twinning.edge.middleware.EdgeCacheMiddleware"],
    ]
    ids = {message.id for message in checks.run_checks()}
    assert "twinning_edge.E001" in ids

    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "twinning.edge.middleware.EdgeCacheMiddleware"
    ]
    settings.TWINNING = {**settings.TWINNING, "EDGE_PURGE_URLS": ["127.0.0.1:6081"]}
    ids = {message.id for message in checks.run_checks()}
    assert {"twinning_edge.W001", "twinning_edge.E002"} <= ids
