"""Aix's own base template (its menu, switcher and notices) costs no query more.

The plugin's page budgets are asserted in the minimal test project; here the same pages
are rendered through the reference site's base template, within the same budgets.
"""

import pytest

from tests.twinning.test_query_counts import (  # noqa: F401  (fixtures)
    CITY_PAGE_QUERIES,
    STORY_PAGE_QUERIES,
    enrich,
    fresh_site_roots,
    frozen_now,
    story_with_everything,
)
from tests.twinning.translation_helpers import translate

# Calls and events are dated against a fixed "now", as in the plugin's budgets.
pytestmark = pytest.mark.usefixtures("frozen_now")


def test_city_page_in_the_sites_base_stays_in_budget(
    client_fr, home, tubingen, stories_index, django_assert_max_num_queries
):
    enrich(tubingen, home, stories_index, 4)
    translate(tubingen, "de", title="Tübingen")
    client_fr.get(tubingen.url)
    with django_assert_max_num_queries(CITY_PAGE_QUERIES):
        html = client_fr.get(tubingen.url).content.decode()
    assert 'class="site-header' in html
    assert html.count('<article class="card story-card') == 4


def test_story_page_in_the_sites_base_stays_in_budget(
    client_fr, home, tubingen, perugia, stories_index, django_assert_max_num_queries
):
    story = story_with_everything(home, tubingen, perugia, stories_index)
    client_fr.get(story.url)
    with django_assert_max_num_queries(STORY_PAGE_QUERIES):
        html = client_fr.get(story.url).content.decode()
    assert 'class="site-header' in html
    assert f'href="{perugia.url}"' in html
