"""Alternative text of a page's pictures is written with the page and translated with it:
the API, the page's <img> and its sharing card say it in the page's language."""

import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.twinning import localize_helpers as localize
from tests.twinning.api.conftest import build_cities, publish

pytestmark = pytest.mark.django_db

FRENCH_ALT = "La place du marché vue du clocher de la collégiale"
GERMAN_ALT = "Der Marktplatz vom Turm der Stiftskirche aus gesehen"
FRENCH_MILESTONE_ALT = "Les deux maires signent la charte"
GERMAN_MILESTONE_ALT = "Die beiden Bürgermeister unterzeichnen die Urkunde"


@pytest.fixture
def tubingen(db):
    city = build_cities()[0]
    image = factories.ImageFactory(title="marche.jpg", description="Le marché")
    city.hero_image = image
    city.hero_image_alt = FRENCH_ALT
    signing = next(m for m in city.milestones.all() if m.kind == "signing")
    signing.image = image
    signing.image_alt = FRENCH_MILESTONE_ALT
    signing.save()
    return publish(city)


@pytest.fixture
def tubingen_de(tubingen, django_capture_on_commit_callbacks):
    """Translated in wagtail-localize's editor: the alt texts are segments like the rest."""
    localize.submit(tubingen, "de")
    translated = localize.translate_strings(
        tubingen, "de", {FRENCH_ALT: GERMAN_ALT, FRENCH_MILESTONE_ALT: GERMAN_MILESTONE_ALT}
    )
    assert translated == 2
    localize.publish(tubingen, "de", django_capture_on_commit_callbacks)
    return localize.in_locale(tubingen, "de")


def test_the_api_gives_the_alt_text_in_the_pages_language(api, tubingen, tubingen_de):
    for page, hero_alt, milestone_alt in [
        (tubingen, FRENCH_ALT, FRENCH_MILESTONE_ALT),
        (tubingen_de, GERMAN_ALT, GERMAN_MILESTONE_ALT),
    ]:
        data = api.get(f"/api/v2/pages/{page.pk}/").json()
        assert data["hero_image"]["alt"] == hero_alt
        assert data["hero_image"]["large"]["alt"] == hero_alt
        signing = next(m for m in data["milestones"] if m["kind"]["code"] == "signing")
        assert signing["image"]["alt"] == milestone_alt


def test_a_list_in_german_gives_the_german_alt_text(api, tubingen, tubingen_de):
    url = "/api/v2/pages/?type=twinning.PartnerCityPage&locale=de&fields=hero_image"
    items = api.get(url).json()["items"]
    assert [item["hero_image"]["alt"] for item in items] == [GERMAN_ALT]


def test_without_a_written_alt_text_the_images_description_stands_in(api, tubingen):
    tubingen.hero_image_alt = ""
    publish(tubingen)
    assert api.get(f"/api/v2/pages/{tubingen.pk}/").json()["hero_image"]["alt"] == "Le marché"
    html = BeautifulSoup(api.get(tubingen.url).content, "html.parser")
    assert html.select_one("figure.hero img")["alt"] == "Le marché"


def test_the_german_page_describes_its_pictures_in_german(client, tubingen, tubingen_de):
    client.defaults["HTTP_HOST"] = "localhost"
    response = client.get(tubingen_de.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("figure.hero img")["alt"] == GERMAN_ALT
    assert html.select_one(".timeline img")["alt"] == GERMAN_MILESTONE_ALT
    assert html.select_one('meta[property="og:image:alt"]')["content"] == GERMAN_ALT


def test_editors_write_the_alt_text_beside_the_image(client, tubingen):
    localize.admin_user(client)
    response = client.get(f"/admin/pages/{tubingen.pk}/edit/")
    assert response.status_code == 200
    form = response.context["form"]
    assert form["hero_image_alt"].value() == FRENCH_ALT
    assert "image_alt" in form.formsets["milestones"].forms[0].fields
