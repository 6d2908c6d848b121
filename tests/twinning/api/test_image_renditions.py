"""Every image comes with a srcset-ready set: the configured widths in WebP and in the
original's format, each with its real size, made on first request and reused after."""

from urllib.parse import urlsplit

from django.core.checks import run_checks
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model

import pytest
from PIL import Image as PillowImage

from tests import factories
from tests.twinning.api.conftest import build_cities, publish
from tests.twinning.api.helpers import private_collection
from twinning.api.images import rendition_formats

pytestmark = pytest.mark.django_db

Rendition = get_image_model().get_rendition_model()


def photo(width: int = 1000, height: int = 667, image_format: str = "JPEG", **kwargs):
    extension = {"JPEG": "jpg", "PNG": "png", "GIF": "gif"}[image_format]
    return factories.ImageFactory(
        file__width=width,
        file__height=height,
        file__format=image_format,
        file__filename=f"photo.{extension}",
        **kwargs,
    )


@pytest.fixture
def city(db):
    tubingen, _perugia, _stories = build_cities()
    tubingen.hero_image = photo(title="Marché")
    return publish(tubingen)


def hero_image(api, page) -> dict:
    response = api.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:300]
    return response.json()["hero_image"]


def sizes(image: dict) -> list[tuple[str, int, int]]:
    return [(r["mime_type"], r["width"], r["height"]) for r in image["renditions"]]


def test_an_image_comes_in_every_width_not_wider_than_itself_in_webp_and_its_format(api, city):
    image = hero_image(api, city)

    # 1000 pixels wide: 1280 and 1600 would only enlarge it; 667 * 320 / 1000 = 213.4.
    assert sizes(image) == [
        ("image/webp", 320, 213),
        ("image/webp", 640, 426),
        ("image/webp", 960, 640),
        ("image/jpeg", 320, 213),
        ("image/jpeg", 640, 426),
        ("image/jpeg", 960, 640),
    ]
    assert all(
        r["url"].startswith("http://localhost/api/v2/renditions/") for r in image["renditions"]
    )
    webp = [r["url"] for r in image["renditions"] if r["mime_type"] == "image/webp"]
    assert image["srcset"]["image/webp"] == f"{webp[0]} 320w, {webp[1]} 640w, {webp[2]} 960w"
    assert set(image["srcset"]) == {"image/webp", "image/jpeg"}
    # What partners used before stays as it was.
    assert {"id", "title", "alt", "width", "height", "small", "large"} <= set(image)
    assert image["large"]["width"] == 1000


def test_lists_and_image_blocks_carry_the_same_set(api, city):
    story = factories.ExchangeStoryPageFactory(
        parent=factories.ExchangeStoryIndexPageFactory(parent=factories.home_page(), slug="r"),
        partner_cities=[city],
    )
    story.body = [
        ("image", {"image": city.hero_image, "alt_text": "Étals", "caption": "", "credit": ""})
    ]
    publish(story)
    detail = hero_image(api, city)

    listed = api.get("/api/v2/pages/?type=twinning.PartnerCityPage&locale=fr").json()
    [block] = api.get(f"/api/v2/pages/{story.pk}/").json()["body"]["blocks"]

    [item] = [item for item in listed["items"] if item["id"] == city.pk]
    assert item["hero_image"]["renditions"] == detail["renditions"]
    assert block["value"]["image"]["renditions"] == detail["renditions"]
    assert block["value"]["image"]["srcset"] == detail["srcset"]


def test_an_image_narrower_than_every_width_comes_in_its_own(api, city):
    city.hero_image = photo(200, 150, "PNG")
    publish(city)

    image = hero_image(api, city)

    assert sizes(image) == [("image/webp", 200, 150), ("image/png", 200, 150)]


def test_a_gif_keeps_its_format(api, city):
    city.hero_image = photo(400, 300, "GIF")
    publish(city)

    assert sizes(hero_image(api, city)) == [
        ("image/webp", 320, 240),
        ("image/gif", 320, 240),
    ]


def test_the_widths_follow_the_setting(api, city, settings):
    settings.TWINNING = {**settings.TWINNING, "API_IMAGE_WIDTHS": [500, 100]}

    assert [w for _type, w, _h in sizes(hero_image(api, city))] == [100, 500, 100, 500]


def test_a_response_creates_no_rendition(api, city):
    hero_image(api, city)

    assert not Rendition.objects.filter(filter_spec__contains="format-").exists()


def stored_file(location: str):
    path = urlsplit(location).path
    assert path.startswith("/media/"), location
    return default_storage.open(path.removeprefix("/media/"))


@pytest.mark.parametrize("wanted", [("image/webp", 320), ("image/jpeg", 960)])
def test_a_rendition_address_redirects_to_a_file_of_the_announced_size(api, city, wanted):
    [rendition] = [
        r for r in hero_image(api, city)["renditions"] if (r["mime_type"], r["width"]) == wanted
    ]

    first = api.get(rendition["url"])
    assert first.status_code == 302
    with stored_file(first["Location"]) as file, PillowImage.open(file) as made:
        assert made.size == (rendition["width"], rendition["height"])
        assert made.get_format_mimetype() == rendition["mime_type"]
    count = Rendition.objects.count()

    again = api.get(rendition["url"])

    assert again.status_code == 302
    assert again["Location"] == first["Location"]
    assert Rendition.objects.count() == count  # made once, then reused


def test_a_tampered_address_is_a_json_404(api, city):
    url = hero_image(api, city)["renditions"][0]["url"]
    head, signature, image_id, spec, tail = url.rsplit("/", 4)
    tampered = [
        f"{head}/{'A' + signature[1:]}/{image_id}/{spec}/",  # signature
        f"{head}/{signature}/{city.hero_image_id + 1}/{spec}/",  # another image
        f"{head}/{signature}/{image_id}/{spec.replace('320', '3200')}/",  # another width
        f"{head}/{signature}/{image_id}/fill-10x10/",  # a spec the API never offers
    ]

    for address in tampered:
        response = api.get(address)
        assert response.status_code == 404, address
        assert response.json()["message"]
    assert not Rendition.objects.filter(filter_spec__contains="format-").exists()


def test_an_image_moved_to_a_private_collection_is_no_longer_served(api, city):
    url = hero_image(api, city)["renditions"][0]["url"]
    assert api.get(url).status_code == 302
    image = city.hero_image
    image.collection = private_collection()
    image.save()

    response = api.get(url)

    assert response.status_code == 404
    assert response.json()["message"]


def test_svg_images_get_no_raster_set():
    # Drawn at any size, an SVG needs no srcset: its ``large`` and ``small`` serve any width.
    svg = get_image_model()(title="Logo", file="original_images/logo.svg", width=100, height=50)
    assert rendition_formats(svg) == []


def test_a_list_costs_no_query_per_image(api, db):
    tubingen, _perugia, _stories = build_cities()
    index = tubingen.get_parent()
    for number in range(20):
        factories.PartnerCityPageFactory(
            parent=index, title=f"Ville {number}", hero_image=photo(320 + number, 200)
        )
    url = "/api/v2/pages/?type=twinning.PartnerCityPage&locale=fr&limit={}"
    api.get(url.format(30) + "&_=warm")  # makes the small and large renditions
    counts = {}
    for limit in (3, 22):  # Tübingen, Pérouse (without an image), then a city with one
        with CaptureQueriesContext(connection) as queries:
            body = api.get(url.format(limit)).json()
        counts[limit] = len(queries)
    assert counts[3] == counts[22], counts
    assert all(item["hero_image"]["renditions"] for item in body["items"] if item["hero_image"])


@pytest.mark.parametrize("widths", [[320, "640"], [0], "320,640"])
def test_a_setting_that_is_not_a_list_of_widths_is_reported(settings, widths):
    settings.TWINNING = {**settings.TWINNING, "API_IMAGE_WIDTHS": widths}

    errors = [m for m in run_checks(tags=["compatibility"]) if m.id == "twinning.E042"]

    assert [m.msg for m in errors] == [
        "TWINNING['API_IMAGE_WIDTHS'] must be a list of widths in pixels such as "
        f"[320, 640, 960], not {widths!r}."
    ]
