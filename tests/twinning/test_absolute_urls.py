"""Absolute URLs (twinning.absolute_urls): the one place every URL handed out is made."""

from django.test import RequestFactory, override_settings

from wagtail.models import Site

import pytest

from twinning.absolute_urls import URLBuilder, absolute_url, base_url, site_base_urls

PUBLIC = {"PUBLIC_BASE_URL": "https://partenaires.example.org/"}


@pytest.fixture
def request_():
    return RequestFactory().get("/", HTTP_HOST="aix.example.org")


def test_a_path_is_put_on_the_requests_host(request_):
    assert absolute_url(request_, "/fr/villes/") == "http://aix.example.org/fr/villes/"


@override_settings(TWINNING=PUBLIC)
def test_the_public_base_url_wins_over_the_requests_host(request_):
    assert absolute_url(request_, "/fr/villes/") == "https://partenaires.example.org/fr/villes/"
    assert absolute_url(None, "/media/a.jpg") == "https://partenaires.example.org/media/a.jpg"


@pytest.mark.parametrize(
    "url", ["https://cdn.example.net/a.jpg", "http://x.example/", "mailto:mairie@example.org"]
)
def test_a_url_that_is_already_absolute_is_kept(request_, url):
    with override_settings(TWINNING=PUBLIC):
        assert absolute_url(request_, url) == url


@override_settings(TWINNING=PUBLIC)
def test_a_protocol_relative_url_takes_the_scheme_of_the_base(request_):
    assert absolute_url(request_, "//cdn.example.net/a.jpg") == "https://cdn.example.net/a.jpg"


def test_a_unicode_path_is_quoted_with_or_without_a_public_base(request_):
    assert absolute_url(request_, "/fr/straße/") == "http://aix.example.org/fr/stra%C3%9Fe/"
    with override_settings(TWINNING=PUBLIC):
        expected = "https://partenaires.example.org/fr/stra%C3%9Fe/"
        assert absolute_url(request_, "/fr/straße/") == expected


@override_settings(WAGTAILAPI_BASE_URL="https://api.example.org/v2/")
def test_the_apis_own_urls_follow_wagtailapi_base_url_and_pages_do_not(request_):
    urls = URLBuilder(request_)

    assert base_url(request_, api=True) == "https://api.example.org"
    assert urls.api_base == "https://api.example.org"
    assert urls.base == "http://aix.example.org"
    with override_settings(TWINNING=PUBLIC):
        assert base_url(request_, api=True) == "https://partenaires.example.org"


def test_cache_purges_cover_every_sites_root_url(home):
    assert site_base_urls() == sorted({site.root_url for site in Site.objects.all()})
    with override_settings(TWINNING=PUBLIC):
        assert site_base_urls() == ["https://partenaires.example.org"]
