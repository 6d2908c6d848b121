"""What partners read from /api/v2/pages/: items in their language, absolute URLs, the
facts of a city and of a story, and the languages each item exists in."""

import pytest

from tests.twinning.api.conftest import build_world, shared

pytestmark = pytest.mark.django_db
world = shared(build_world)

CITIES = "/api/v2/pages/?type=twinning.PartnerCityPage"
STORIES = "/api/v2/pages/?type=twinning.ExchangeStoryPage"


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


def by_title(data):
    return {item["title"]: item for item in data}


@pytest.mark.parametrize(
    ("code", "title", "country", "intro"),
    [
        ("fr", "Tübingen", "Allemagne", "Première ville jumelée avec Aix."),
        ("de", "Tübingen", "Deutschland", "Erste Partnerstadt von Aix."),
        ("ar", "توبنغن", "ألمانيا", "أول مدينة توأمة مع إكس."),
    ],
)
def test_city_comes_in_the_requested_language(api, world, code, title, country, intro):
    [city] = items(api.get(f"{CITIES}&locale={code}&fields=intro&partner=Q3806"))
    assert city["title"] == title
    assert city["meta"]["locale"] == code
    assert city["meta"]["fallback_from"] is None
    assert city["country"] == {"code": "DE", "name": country}
    assert city["intro"] == intro
    assert city["meta"]["html_url"] == f"http://localhost/{code}/villes-partenaires/tubingen/"


def test_untranslated_city_is_left_out_without_fallback(api, world):
    titles = [city["title"] for city in items(api.get(f"{CITIES}&locale=de"))]
    # Pérouse exists in the German tree only as an alias of the French page.
    assert titles == ["Tübingen"]


@pytest.mark.parametrize("code", ["de", "ar"])
def test_fallback_brings_untranslated_city_in_french_and_says_so(api, world, code):
    cities = by_title(items(api.get(f"{CITIES}&locale={code}&fallback=true")))
    perugia = cities["Pérouse"]
    assert perugia["id"] == world.perugia.pk
    assert perugia["meta"]["locale"] == "fr"
    assert perugia["meta"]["fallback_from"] == "fr"
    assert perugia["meta"]["html_url"] == "http://localhost/fr/villes-partenaires/perouse/"
    translated = next(city for city in cities.values() if city["id"] != world.perugia.pk)
    assert translated["meta"]["locale"] == code
    assert translated["meta"]["fallback_from"] is None


def test_alias_pages_are_never_items(api, world):
    ids = {item["id"] for item in items(api.get("/api/v2/pages/?limit=100"))}
    aliases = {page.pk for page in type(world.perugia).objects.filter(alias_of__isnull=False)}
    assert aliases
    assert not ids & aliases


def test_alias_detail_is_not_found(api, world):
    alias = type(world.perugia).objects.filter(alias_of=world.perugia).first()
    response = api.get(f"/api/v2/pages/{alias.pk}/")
    assert response.status_code == 404
    assert "message" in response.json()


def test_city_detail_carries_facts_history_and_images(api, world):
    response = api.get(f"/api/v2/pages/{world.tubingen_de.pk}/")
    assert response.status_code == 200
    city = response.json()
    assert city["latitude"] == pytest.approx(48.5216)
    assert city["longitude"] == pytest.approx(9.0576)
    assert city["wikidata_id"] == "Q3806"
    assert city["signed"]["iso"] == "1960-10-20"
    assert city["signed"]["precision"] == "day"
    assert city["signed"]["label"] == "20. Oktober 1960"
    assert city["kind"]["code"] == "twinning"
    # Milestones are in chronological order, not in the editor's order.
    assert [m["date"]["iso"] for m in city["milestones"]] == ["1960-10-20", "1965"]
    assert city["themes"] == [{"id": world.mobility_de.pk, "slug": "mobility", "name": "Mobilität"}]
    image = city["hero_image"]
    assert image["alt"] == "Le marché"
    for size in ("small", "large"):
        assert image[size]["url"].startswith("http://localhost/media/images/")
        assert image[size]["width"] > 0 and image[size]["height"] > 0


def test_story_lists_its_partner_cities_in_its_own_language(api, world):
    story = api.get(f"/api/v2/pages/{world.story_de.pk}/").json()
    cities = {city["title"]: city for city in story["partner_cities"]}
    # Tübingen has a German page: the German story links it.
    assert cities["Tübingen"]["locale"] == "de"
    assert cities["Tübingen"]["html_url"] == "http://localhost/de/villes-partenaires/tubingen/"
    assert (
        cities["Tübingen"]["detail_url"] == f"http://localhost/api/v2/pages/{world.tubingen_de.pk}/"
    )
    # Pérouse has none (an alias is not a translation): its French page stands in.
    assert cities["Pérouse"]["locale"] == "fr"
    assert cities["Pérouse"]["id"] == world.perugia.pk


def test_story_body_is_html_with_absolute_links_and_structured_blocks(api, world):
    body = api.get(f"/api/v2/pages/{world.story.pk}/").json()["body"]
    assert 'linktype="page"' not in body["html"]
    assert 'href="http://localhost/fr/villes-partenaires/perouse/"' in body["html"]
    assert 'href="https://www.tuebingen.de/"' in body["html"]
    assert 'src="http://localhost/media/images/' in body["html"]
    assert 'alt="Étals du marché"' in body["html"]
    paragraph, image = body["blocks"]
    assert paragraph["type"] == "paragraph"
    assert 'href="http://localhost/fr/villes-partenaires/perouse/"' in paragraph["value"]
    assert image["type"] == "image"
    assert image["value"]["alt_text"] == "Étals du marché"
    assert image["value"]["image"]["large"]["url"].startswith("http://localhost/media/")


def test_rich_text_link_follows_the_reader_language(api, world):
    # The German story's paragraph links Pérouse: untranslated, so to its French page; once
    # Pérouse is translated, to the German page.
    from tests.twinning.api.helpers import translate

    perugia_de = translate(world.perugia, "de", title="Perugia")
    body = api.get(f"/api/v2/pages/{world.story_de.pk}/").json()["body"]
    assert 'href="http://localhost/de/villes-partenaires/perouse/"' in body["html"]
    assert perugia_de.url_path.endswith("/perouse/")


def test_every_item_lists_its_live_translations_with_coverage(api, world):
    [city] = items(api.get(f"{CITIES}&locale=fr&partner=Q3806"))
    translations = {entry["locale"]: entry for entry in city["meta"]["translations"]}
    assert set(translations) == {"fr", "de", "ar"}
    assert translations["fr"]["is_source"] is True
    assert translations["de"]["id"] == world.tubingen_de.pk
    assert translations["de"]["html_url"] == "http://localhost/de/villes-partenaires/tubingen/"
    for code in ("de", "ar"):
        assert 0 <= translations[code]["percent"] <= 100
        assert translations[code]["out_of_date"] in (True, False)
    perugia = by_title(items(api.get(f"{CITIES}&locale=fr")))["Pérouse"]
    assert [entry["locale"] for entry in perugia["meta"]["translations"]] == ["fr"]


def test_coverage_reports_the_share_of_text_translated(api, world):
    from wagtail_localize.models import StringTranslation, TranslationSource

    source = TranslationSource.objects.get_for_instance(world.tubingen)
    de = world.tubingen_de.locale
    segments = list(source.stringsegment_set.select_related("string"))
    for segment in segments:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=de,
            context=segment.context,
            data=f"[de] {segment.string.data}",
        )
    [city] = items(api.get(f"{CITIES}&locale=de&partner=Q3806"))
    translations = {entry["locale"]: entry for entry in city["meta"]["translations"]}
    assert translations["de"]["percent"] == 100
    assert translations["ar"]["percent"] < 100


def test_json_keeps_non_latin_text_readable(api, world):
    response = api.get(f"{CITIES}&locale=ar")
    assert "توبنغن".encode() in response.content
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/de/villes-partenaires/tubingen/", "tubingen_de"),
        ("/ar/villes-partenaires/tubingen/", "tubingen_ar"),
        ("/fr/villes-partenaires/tubingen/", "tubingen"),
        # An alias stands for "not translated yet": found as the French page it mirrors.
        ("/de/villes-partenaires/perouse/", "perugia"),
    ],
)
def test_find_by_address_leads_to_the_page_partners_link_to(api, world, path, expected):
    response = api.get(f"/api/v2/pages/find/?html_path={path}&fields=title")
    assert response.status_code == 302
    page = getattr(world, expected)
    assert response["Location"] == f"http://localhost/api/v2/pages/{page.pk}/?fields=title"


def test_list_of_images_is_public_and_absolute(api, world):
    [image] = items(api.get("/api/v2/images/"))
    assert image["meta"]["download_url"].startswith("http://localhost/media/original_images/")
    assert image["meta"]["detail_url"] == f"http://localhost/api/v2/images/{world.image.pk}/"


def test_items_carry_their_type_beside_id_and_meta(api, world):
    """Generated clients choose an item's model by its top-level type."""
    for item in items(api.get("/api/v2/pages/?limit=100")):
        assert list(item)[:3] == ["id", "type", "meta"]
        assert item["type"] == item["meta"]["type"]
    city = api.get(f"/api/v2/pages/{world.tubingen_de.pk}/").json()
    assert city["type"] == "twinning.PartnerCityPage"
