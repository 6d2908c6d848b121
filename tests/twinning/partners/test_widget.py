"""The partners' widget: its script, the API answering it from any site, and its admin page."""

import gzip
import html

from django.contrib.auth.models import Group, Permission
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import StaticFilesStorage
from django.urls import reverse

from wagtail.models import GroupPagePermission, Locale

import pytest

from tests import factories
from tests.twinning.partners.conftest import make_partner
from twinning.partners import widget_cors
from twinning.partners.admin.widget import URL_NAME

PARTNER_SITE = "https://www.tuebingen.de"
STORIES = (
    "/api/v2/pages/?type=twinning.ExchangeStoryPage&partner=Q3806&locale=de&fallback=true"
    "&order=-date&limit=5&fields=_,title,date,summary,hero_image"
)


@pytest.fixture(autouse=True)
def widget_cors_connected():
    """As the app's ready() does (connecting twice is harmless)."""
    widget_cors.connect()


@pytest.fixture
def story_about_tubingen(stories_index, tubingen):
    Locale.objects.get_or_create(language_code="de")
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index,
        title="Étudiants à Tübingen",
        slug="etudiants-tubingen",
        partner_cities=[tubingen],
    )
    story.save_revision().publish()
    return story


def widget_script() -> bytes:
    path = finders.find("twinning/widget.js")
    assert path, "twinning/widget.js is not among the static files"
    with open(path, "rb") as file:
        return file.read()


def test_widget_script_defines_both_elements_and_stays_under_15_kb_gzipped():
    script = widget_script()

    assert b'"twinning-stories"' in script
    assert b'"twinning-partnership"' in script
    assert len(gzip.compress(script, compresslevel=9)) < 15 * 1024


def test_widget_request_from_a_partner_site_is_answered_without_credentials(
    client, story_about_tubingen
):
    response = client.get(STORIES, HTTP_ORIGIN=PARTNER_SITE, HTTP_HOST="localhost")

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Étudiants à Tübingen"]
    assert response["Access-Control-Allow-Origin"] in (PARTNER_SITE, "*")
    assert "Access-Control-Allow-Credentials" not in response
    assert "origin" in response["Vary"].lower()
    # The browser revalidates the widget's one request with its ETag.
    assert response.has_header("ETag")


def test_widget_request_answered_from_the_cache_names_each_site_it_answers(
    client, story_about_tubingen
):
    client.get(STORIES, HTTP_ORIGIN=PARTNER_SITE, HTTP_HOST="localhost")

    response = client.get(STORIES, HTTP_ORIGIN="https://www.perugia.example", HTTP_HOST="localhost")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] in ("https://www.perugia.example", "*")


def test_partner_site_may_ask_before_reading_but_never_to_write(client, tubingen):
    url = reverse("wagtailapi:pages:listing")
    read = client.options(url, HTTP_ORIGIN=PARTNER_SITE, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    write = client.options(url, HTTP_ORIGIN=PARTNER_SITE, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")

    assert read["Access-Control-Allow-Origin"] in (PARTNER_SITE, "*")
    assert "POST" not in read["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in write


@pytest.mark.parametrize(
    "url", ["/api/v2/changes/", "/api/v2/partners.geojson", "/api/v2/partner/"]
)
def test_endpoints_the_widget_does_not_use_keep_the_hosts_cors(client, tubingen, settings, url):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example"]

    foreign = client.get(url, HTTP_ORIGIN=PARTNER_SITE, HTTP_HOST="localhost")
    listed = client.get(url, HTTP_ORIGIN="https://partner.example", HTTP_HOST="localhost")

    assert "Access-Control-Allow-Origin" not in foreign
    assert listed["Access-Control-Allow-Origin"] == "https://partner.example"


def test_widget_details_of_a_page_keep_the_hosts_cors(client, tubingen):
    response = client.get(f"/api/v2/pages/{tubingen.pk}/", HTTP_ORIGIN=PARTNER_SITE)

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


# The admin page ---------------------------------------------------------------------------


def admin_user(django_user_model, *codenames):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def test_admin_page_gives_both_snippets_for_the_partner_an_account_page_links_to(
    client, django_user_model, tubingen_partner, perugia
):
    client.force_login(admin_user(django_user_model, "view_partneraccess"))

    response = client.get(
        reverse(URL_NAME), {"partner": tubingen_partner.access.partner.pk}, HTTP_HOST="localhost"
    )

    assert response.status_code == 200
    text = page_text(response)
    script = '<script src="http://localhost/static/twinning/widget.js" type="module"></script>'
    # The account's first language, five stories, the city named by its Wikidata ID.
    assert f'{script}\n<twinning-stories partner="Q3806" lang="de" limit="5">' in text
    assert f'{script}\n<twinning-partnership partner="Q3806" lang="de">' in text
    # The live preview runs the same widget, on the same API.
    assert '<twinning-stories partner="Q3806" lang="de" limit="5"></twinning-stories>' in text
    assert "Pérouse" in text  # the other partner city can be chosen


def test_admin_page_makes_the_snippets_in_the_language_and_length_chosen(
    client, django_user_model, tubingen, perugia
):
    client.force_login(admin_user(django_user_model, "view_partneraccess"))

    response = client.get(
        reverse(URL_NAME), {"partner": perugia.pk, "language": "it", "limit": "3"}
    )

    text = page_text(response)
    assert '<twinning-stories partner="Q3437" lang="it" limit="3">' in text
    assert '<twinning-partnership partner="Q3437" lang="it">' in text


def test_admin_page_says_what_is_wrong_with_a_length_out_of_range(
    client, django_user_model, tubingen
):
    client.force_login(admin_user(django_user_model, "view_partneraccess"))

    response = client.get(reverse(URL_NAME), {"partner": tubingen.pk, "limit": "500"})

    assert response.status_code == 200
    (error,) = response.context["form"].errors["limit"]
    assert "20" in error  # in the editor's language
    assert html.escape(error) in response.content.decode()
    assert "<twinning-stories" not in page_text(response)


def test_snippet_names_the_api_when_static_files_are_served_from_another_host(
    client, django_user_model, tubingen, settings
):
    settings.STATIC_URL = "https://static.example.org/aix/"
    client.force_login(admin_user(django_user_model, "view_partneraccess"))

    response = client.get(reverse(URL_NAME), {"partner": tubingen.pk}, HTTP_HOST="localhost")

    text = page_text(response)
    assert '<script src="https://static.example.org/aix/twinning/widget.js"' in text
    assert 'api="http://localhost/api/v2/"' in text


def test_editor_of_a_partner_city_page_gets_the_snippets_of_that_city_only(
    client, django_user_model, tubingen, perugia
):
    editors = Group.objects.create(name="Tübingen editors")
    GroupPagePermission.objects.create(
        group=editors,
        page=tubingen,
        permission=Permission.objects.get(codename="change_page"),
    )
    user = admin_user(django_user_model)
    user.groups.add(editors)
    client.force_login(user)

    menu = client.get(reverse("wagtailadmin_home"))
    response = client.get(reverse(URL_NAME))

    assert reverse(URL_NAME) in menu.content.decode()
    assert response.status_code == 200
    text = page_text(response)
    assert '<twinning-stories partner="Q3806"' in text
    assert "Pérouse" not in text


def test_admin_page_is_refused_to_users_without_partners_or_partner_pages(
    client, django_user_model, tubingen
):
    client.force_login(admin_user(django_user_model))

    menu = client.get(reverse("wagtailadmin_home"))
    response = client.get(reverse(URL_NAME), {"partner": tubingen.pk})

    assert reverse(URL_NAME) not in menu.content.decode()
    assert response.status_code in (302, 403)
    assert "twinning-stories" not in response.content.decode()


def test_account_page_link_to_another_partner_is_refused_to_a_city_editor(
    client, django_user_model, tubingen, perugia
):
    """An editor of Tübingen's page cannot pick Perugia by changing ?partner=."""
    editors = Group.objects.create(name="Tübingen editors")
    GroupPagePermission.objects.create(
        group=editors, page=tubingen, permission=Permission.objects.get(codename="change_page")
    )
    user = admin_user(django_user_model)
    user.groups.add(editors)
    client.force_login(user)

    response = client.get(reverse(URL_NAME), {"partner": perugia.pk})

    assert "partner" in response.context["form"].errors
    assert "<twinning-stories" not in page_text(response)


def test_admin_page_starts_in_the_first_language_of_the_active_account(
    client, django_user_model, tubingen
):
    make_partner(tubingen, languages=("en",), is_active=False)
    make_partner(tubingen, languages=("hu", "de"))
    client.force_login(admin_user(django_user_model, "view_partneraccess"))

    response = client.get(reverse(URL_NAME), {"partner": tubingen.pk})

    assert 'lang="hu"' in page_text(response)


class HashedNamesStorage(StaticFilesStorage):
    """Static file names with a content hash, as a manifest storage gives them."""

    def url(self, name):
        stem, dot, extension = name.rpartition(".")
        return super().url(f"{stem}.0123abcd.{extension}" if dot else name)


def test_snippet_keeps_the_scripts_stable_address_when_static_file_names_are_hashed(
    client, django_user_model, tubingen, settings
):
    """A partner pastes the snippet once: it must outlive the next deployment's hashes."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": f"{__name__}.HashedNamesStorage"},
    }
    client.force_login(admin_user(django_user_model, "view_partneraccess"))

    response = client.get(reverse(URL_NAME), {"partner": tubingen.pk}, HTTP_HOST="localhost")

    text = page_text(response)
    assert "wagtailadmin/css/core.0123abcd.css" in text  # the admin's own files are hashed
    assert '<script src="http://localhost/static/twinning/widget.js"' in text
