"""On Aix's German home page and menu, cities and sections not translated yet are marked
as French (``lang="fr"``, ``hreflang="fr"``), as the plugin's listings mark them."""

import pytest

from tests.twinning.public.test_alias_language import link_to, soup
from tests.twinning.translation_helpers import alias, clear_site_cache, translate


@pytest.fixture(autouse=True)
def fresh_site_roots(db):
    clear_site_cache()
    yield
    clear_site_cache()


def test_untranslated_featured_cities_on_the_german_home_page_are_marked(
    client_fr, home, cities_index, tubingen, perugia
):
    german_home = translate(home, "de", title="Startseite")
    german_home.featured_cities.set([tubingen, perugia])
    german_home.save_revision().publish()
    translate(cities_index, "de", title="Partnerstädte")
    translate(tubingen, "de", title="Tübingen (de)")
    alias(perugia, "de")

    html = soup(client_fr, german_home.url)
    assert link_to(html, "Pérouse")["hreflang"] == "fr"
    assert link_to(html, "Pérouse")["lang"] == "fr"
    assert not link_to(html, "Tübingen (de)").get("lang")


def test_untranslated_sections_in_the_german_menu_are_marked(client_fr, home, stories_index):
    german_home = translate(home, "de", title="Startseite")
    german_stories = alias(stories_index, "de")
    german_stories.show_in_menus = True
    german_stories.save()
    nav = soup(client_fr, german_home.url).find("nav", class_="site-nav")
    link = nav.find("a", string="Récits d'échanges")
    assert link["lang"] == "fr"
    assert link["hreflang"] == "fr"
    assert not nav.find("a", href="/de/").get("lang")
