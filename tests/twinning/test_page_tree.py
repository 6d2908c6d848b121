"""Where each page type may live in the tree, in Wagtail's rules and in the editor's admin.

The sections go under the home page of a language tree, whatever its type: the host's own
(here the test project's); a page type of the plugin never goes at the tree's root.
"""

from django.contrib import messages
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from wagtail.models import Page

import pytest

from tests import factories
from tests.twinning.page_form_data import (
    add_url,
    city_form_data,
    content_page_form_data,
    index_form_data,
    log_in_editor,
    publish,
    story_form_data,
)
from twinning.models import (
    ContentPage,
    ExchangeStoryIndexPage,
    ExchangeStoryPage,
    PartnerCityIndexPage,
    PartnerCityPage,
)
from twinning.public.routing import TreeRoutingMixin

PAGE_TYPES = [
    PartnerCityIndexPage,
    PartnerCityPage,
    ExchangeStoryIndexPage,
    ExchangeStoryPage,
    ContentPage,
]
PARENTS = ["root", "home", "cities_index", "city", "stories_index", "story", "content_page"]

# The one place each page type belongs; everything else is refused.
ALLOWED_PARENTS = {
    PartnerCityIndexPage: {"home"},
    PartnerCityPage: {"cities_index"},
    ExchangeStoryIndexPage: {"home"},
    ExchangeStoryPage: {"stories_index"},
    ContentPage: {"home", "content_page"},
}


def test_the_home_page_routes_its_language_tree_with_the_plugins_mixin(home):
    """As the README asks of hosts; the routing the plugin's tests check depends on it."""
    assert isinstance(home, TreeRoutingMixin)
    assert home.is_site_root()
    assert home.get_parent().is_root()


@pytest.fixture
def tree(home, cities_index, stories_index, tubingen, story):
    content_page = factories.ContentPageFactory(parent=home, title="Stratégie")
    return {
        "root": Page.get_first_root_node(),
        "home": home,
        "cities_index": cities_index,
        "city": tubingen,
        "stories_index": stories_index,
        "story": story,
        "content_page": content_page,
    }


def _placement_cases():
    for model in PAGE_TYPES:
        for parent in PARENTS:
            allowed = parent in ALLOWED_PARENTS[model]
            yield pytest.param(model, parent, allowed, id=f"{model.__name__}-{parent}")


@pytest.fixture(scope="class")
def shared_tree(django_db_setup, django_db_blocker):
    """The tree, built once for a class of tests that only read it, rolled back after them
    (before the tests below, which build their own)."""
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        home = factories.home_page()
        cities_index = factories.PartnerCityIndexPageFactory(parent=home)
        stories_index = factories.ExchangeStoryIndexPageFactory(parent=home)
        city = factories.tubingen_page(cities_index)
        yield {
            "root": Page.get_first_root_node(),
            "home": home,
            "cities_index": cities_index,
            "city": city,
            "stories_index": stories_index,
            "story": factories.ExchangeStoryPageFactory(
                parent=stories_index, partner_cities=[city]
            ),
            "content_page": factories.ContentPageFactory(parent=home, title="Stratégie"),
        }
        transaction.set_rollback(True)


class TestPlacementRules:
    """Wagtail's rules, each read from the same tree."""

    @pytest.mark.parametrize("model, parent, allowed", list(_placement_cases()))
    def test_page_type_may_exist_only_under_its_allowed_parents(
        self, db, shared_tree, model, parent, allowed
    ):
        assert model.can_exist_under(shared_tree[parent]) is allowed

    @pytest.mark.parametrize(
        "parent, expected",
        [
            ("home", {PartnerCityIndexPage, ExchangeStoryIndexPage, ContentPage}),
            ("cities_index", {PartnerCityPage}),
            ("stories_index", {ExchangeStoryPage}),
            ("content_page", {ContentPage}),
            ("city", set()),
            ("story", set()),
        ],
    )
    def test_each_page_offers_only_its_subpage_types(self, db, shared_tree, parent, expected):
        """Among this app's page types; other sections of the site may add their own."""
        offered = set(shared_tree[parent].specific_class.allowed_subpage_models())
        assert offered & set(PAGE_TYPES) == expected


def test_each_section_index_exists_once_per_home(home):
    assert PartnerCityIndexPage.can_create_at(home)
    assert ExchangeStoryIndexPage.can_create_at(home)
    factories.PartnerCityIndexPageFactory(parent=home)
    factories.ExchangeStoryIndexPageFactory(parent=home)
    assert not PartnerCityIndexPage.can_create_at(home)
    assert not ExchangeStoryIndexPage.can_create_at(home)


# --- the same rules, as an editor meets them in the admin -------------------------------


@pytest.fixture
def editor(client, admin_user):
    return log_in_editor(client, admin_user)


def _offered_page_types(editor, parent) -> set[str]:
    """The page types the admin's "Add child page" offers under ``parent``."""
    response = editor.get(reverse("wagtailadmin_pages:add_subpage", args=[parent.pk]))
    if response.status_code == 302:  # a single type: Wagtail goes straight to its form
        return {response["Location"].rstrip("/").split("/")[-2]}
    assert response.status_code == 200
    return {model_name for _label, _app, model_name, _desc in response.context["page_types"]}


FOUNDATION_NAMES = {model._meta.model_name for model in PAGE_TYPES}


def test_admin_offers_the_three_sections_under_a_new_home_page(editor, home):
    assert _offered_page_types(editor, home) & FOUNDATION_NAMES == {
        "partnercityindexpage",
        "exchangestoryindexpage",
        "contentpage",
    }


def test_admin_stops_offering_a_second_index(editor, home, cities_index, stories_index):
    assert _offered_page_types(editor, home) & FOUNDATION_NAMES == {"contentpage"}


@pytest.mark.parametrize(
    "parent, model",
    [("cities_index", PartnerCityPage), ("stories_index", ExchangeStoryPage)],
)
def test_admin_goes_straight_to_the_only_page_type_of_an_index(editor, tree, parent, model):
    response = editor.get(reverse("wagtailadmin_pages:add_subpage", args=[tree[parent].pk]))
    assert response.status_code == 302
    assert response["Location"] == add_url(model, tree[parent])
    assert editor.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("parent", ["city", "story"])
def test_admin_refuses_children_under_a_leaf_page(editor, tree, parent):
    response = editor.get(reverse("wagtailadmin_pages:add_subpage", args=[tree[parent].pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def _parent(request, name: str) -> Page:
    """Only the pages a case needs: a home without sections can still take one of each."""
    if name == "content_page":
        home = request.getfixturevalue("home")
        return factories.ContentPageFactory(parent=home, title="Stratégie")
    return request.getfixturevalue(name)


CREATION_CASES = [
    pytest.param(
        "home",
        PartnerCityIndexPage,
        lambda request: index_form_data(title="Villes partenaires", slug="villes-partenaires"),
        id="cities-index-under-home",
    ),
    pytest.param(
        "home",
        ExchangeStoryIndexPage,
        lambda request: index_form_data(title="Récits d'échanges", slug="recits"),
        id="stories-index-under-home",
    ),
    pytest.param(
        "home", ContentPage, lambda request: content_page_form_data(), id="content-under-home"
    ),
    pytest.param(
        "content_page",
        ContentPage,
        lambda request: content_page_form_data(title="Les axes", slug="axes"),
        id="content-under-content",
    ),
    pytest.param(
        "cities_index", PartnerCityPage, lambda request: city_form_data(), id="city-under-index"
    ),
    pytest.param(
        "stories_index",
        ExchangeStoryPage,
        lambda request: story_form_data(partner_cities=[request.getfixturevalue("perugia")]),
        id="story-under-index",
    ),
]


@pytest.mark.parametrize("parent, model, build_data", CREATION_CASES)
def test_editor_publishes_each_page_type_under_its_allowed_parent(
    request, editor, parent, model, build_data
):
    parent_page = _parent(request, parent)
    data = build_data(request)

    response = editor.post(add_url(model, parent_page), publish(data))

    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"] == reverse("wagtailadmin_explore", args=[parent_page.pk])
    created = model.objects.child_of(parent_page).get(slug=data["slug"])
    assert created.live
    assert created.title == data["title"]
    assert created.locale_id == parent_page.locale_id


@pytest.mark.parametrize(
    "parent, model",
    [
        ("home", PartnerCityPage),
        ("home", ExchangeStoryPage),
        ("cities_index", ExchangeStoryPage),
        ("stories_index", PartnerCityPage),
        ("cities_index", ContentPage),
        ("city", PartnerCityPage),
        ("home", PartnerCityIndexPage),  # one already exists
        pytest.param("root", PartnerCityIndexPage),
        pytest.param("root", ExchangeStoryIndexPage),
        pytest.param("root", ContentPage),
    ],
)
def test_admin_refuses_a_page_type_outside_its_parents(editor, tree, parent, model):
    count = model.objects.count()
    url = add_url(model, tree[parent])

    shown = editor.get(url, follow=True)
    posted = editor.post(url, publish(city_form_data(slug="intruse", title="Intruse")), follow=True)

    for response in (shown, posted):
        assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
        refusals = [m for m in get_messages(response.wsgi_request) if m.level == messages.ERROR]
        assert refusals, "the editor is told why the form is not shown"
    assert model.objects.count() == count
