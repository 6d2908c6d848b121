"""The Wagtail internals the plugin relies on (twinning.wagtail_internals) still behave as
relied upon. A failure here means Wagtail (or treebeard) changed one of them: re-verify
before adding the new version to ``VERIFIED_ON``."""

from django.core import checks
from django.test import RequestFactory

import wagtail
from wagtail.models import Page, Site

import pytest

from twinning import wagtail_internals


@pytest.fixture
def unverified_wagtail(monkeypatch):
    monkeypatch.setattr(wagtail, "VERSION", (99, 1, 0, "final", 0))
    monkeypatch.setattr(wagtail_internals, "_warned", False)


def test_the_installed_wagtail_is_one_the_internals_were_verified_on():
    assert wagtail_internals.verified(), wagtail.VERSION


def test_treebeard_keeps_a_pages_parent_where_the_router_hands_it_over(tubingen):
    page = Page.objects.get(pk=tubingen.pk)
    parent = page.get_parent()

    assert page._cached_parent_obj is parent


def test_a_routed_page_finds_its_parent_without_a_query(tubingen, django_assert_num_queries):
    page = Page.objects.get(pk=tubingen.pk)
    parent = Page.objects.get(pk=tubingen.get_parent().pk)

    wagtail_internals.keep_parent(page, parent)

    with django_assert_num_queries(0):
        assert page.get_parent() is parent


def test_a_page_read_again_as_its_type_keeps_the_parent_routing_found(
    tubingen, django_assert_num_queries
):
    page = Page.objects.get(pk=tubingen.pk)
    parent = Page.objects.get(pk=tubingen.get_parent().pk)
    wagtail_internals.keep_parent(page, parent)
    specific = type(tubingen).objects.get(pk=tubingen.pk)

    wagtail_internals.copy_parent(page, specific)

    with django_assert_num_queries(0):
        assert specific.get_parent() is parent


def test_wagtail_finds_the_site_kept_on_a_request_without_a_query(home, django_assert_num_queries):
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get("/", HTTP_HOST="no-site-has-this-host.example")

    wagtail_internals.keep_site(request, site)

    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site


def test_a_site_wagtail_already_found_for_the_request_is_kept(home):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    found = Site.find_for_request(request)

    wagtail_internals.keep_site(request, Site(hostname="other.example"))

    assert Site.find_for_request(request) is found


def test_on_an_unverified_wagtail_the_public_path_is_taken_with_a_warning(
    unverified_wagtail, tubingen, django_assert_num_queries
):
    page = Page.objects.get(pk=tubingen.pk)
    parent = Page.objects.get(pk=tubingen.get_parent().pk)
    request = RequestFactory().get("/", HTTP_HOST="localhost")

    with pytest.warns(RuntimeWarning, match="99.1"):
        wagtail_internals.keep_parent(page, parent)
    wagtail_internals.keep_site(request, None)

    assert not hasattr(request, "_wagtail_site")
    with django_assert_num_queries(1):
        assert page.get_parent() == parent


def test_manage_py_check_reports_an_unverified_wagtail(unverified_wagtail):
    messages = checks.run_checks(tags=[checks.Tags.compatibility])

    assert "twinning.W090" in {message.id for message in messages}


def test_manage_py_check_is_quiet_on_a_verified_wagtail():
    messages = checks.run_checks(tags=[checks.Tags.compatibility])

    assert "twinning.W090" not in {message.id for message in messages}


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_pages_are_still_served_on_an_unverified_wagtail(unverified_wagtail, client_fr, tubingen):
    response = client_fr.get(tubingen.url)

    assert response.status_code == 200
    assert "Tübingen" in response.content.decode()
