"""Where Aix's home page lives in the tree and what it takes, in Wagtail's rules and in the
editor's admin (the plugin's page types are placed in the plugin's tests)."""

from django.contrib import messages
from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import Page

import pytest

from home.models import HomePage
from tests import factories
from tests.twinning.page_form_data import add_url, city_form_data, log_in_editor, publish
from twinning.models import (
    ContentPage,
    EventIndexPage,
    ExchangeStoryIndexPage,
    PartnerCityIndexPage,
    ProjectCallIndexPage,
)


@pytest.fixture
def tree(home, cities_index, stories_index, tubingen, story):
    return {
        "root": Page.get_first_root_node(),
        "home": home,
        "cities_index": cities_index,
        "city": tubingen,
        "stories_index": stories_index,
        "story": story,
        "content_page": factories.ContentPageFactory(parent=home, title="Stratégie"),
    }


@pytest.mark.parametrize(
    "parent", ["root", "home", "cities_index", "city", "stories_index", "story", "content_page"]
)
def test_home_page_may_exist_only_at_the_root(tree, parent):
    assert HomePage.can_exist_under(tree[parent]) is (parent == "root")


def test_home_page_lives_only_at_the_root_and_once(tree):
    """The migration made the home page; a second one at the root would be a second site."""
    assert HomePage.allowed_parent_page_models() == [Page]
    assert HomePage.can_exist_under(tree["root"])
    assert not HomePage.can_create_at(tree["root"])


def test_home_page_takes_the_plugins_sections_and_nothing_else():
    assert set(HomePage.allowed_subpage_models()) == {
        PartnerCityIndexPage,
        ExchangeStoryIndexPage,
        ProjectCallIndexPage,
        EventIndexPage,
        ContentPage,
    }


@pytest.mark.parametrize("parent", ["home", "root"])
def test_admin_refuses_a_second_home_page(client, admin_user, tree, parent):
    editor = log_in_editor(client, admin_user)
    count = HomePage.objects.count()
    url = add_url(HomePage, tree[parent])

    shown = editor.get(url, follow=True)
    posted = editor.post(url, publish(city_form_data(slug="intruse", title="Intruse")), follow=True)

    for response in (shown, posted):
        assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
        refusals = [m for m in get_messages(response.wsgi_request) if m.level == messages.ERROR]
        assert refusals, "the editor is told why the form is not shown"
    assert HomePage.objects.count() == count
