"""Link previews: Open Graph and Twitter card metadata on city, story, map and timeline pages."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from tests import factories


def metadata(client, url) -> dict[str, str]:
    response = client.get(url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in html.head.find_all("meta", content=True)
        if (tag.get("property") or tag.get("name") or "").startswith(
            ("og:", "twitter:", "article:")
        )
    }


@pytest.fixture(autouse=True)
def no_stale_renditions():
    """Wagtail caches renditions by image id, and ids come back after a rollback."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def photo(db):
    return factories.ImageFactory(title="Le Neckar", file__width=1600, file__height=1000)


def test_story_preview_has_its_summary_and_a_large_absolute_image(
    client_fr, stories_index, tubingen, photo
):
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index,
        title="Étudiants à Tübingen",
        summary="Vingt étudiants aixois passent un semestre au bord du Neckar.",
        partner_cities=[tubingen],
        hero_image=photo,
    )

    meta = metadata(client_fr, story.url)

    assert meta["og:type"] == "article"
    assert meta["og:title"] == meta["twitter:title"] == "Étudiants à Tübingen"
    assert meta["og:description"] == story.summary
    assert meta["og:url"] == f"http://localhost{story.url}"
    assert meta["og:site_name"] == "Aix-en-Provence"
    assert meta["article:published_time"] == "2016-05-09"
    assert meta["twitter:card"] == "summary_large_image"
    image_url = urlsplit(meta["og:image"])
    assert (image_url.scheme, image_url.netloc) == ("http", "localhost")
    assert meta["twitter:image"] == meta["og:image"]
    # The rendition exists, and is the size the tags announce (1.91:1, as previews expect).
    path = Path(settings.MEDIA_ROOT) / image_url.path.removeprefix(settings.MEDIA_URL)
    with PILImage.open(path) as rendition:
        assert rendition.size == (int(meta["og:image:width"]), int(meta["og:image:height"]))
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == "Le Neckar"


def test_city_preview_uses_the_public_base_url_when_set(client_fr, cities_index, photo):
    city = factories.PartnerCityPageFactory(
        parent=cities_index, title="Bath", country="GB", hero_image=photo
    )

    with override_settings(TWINNING={"PUBLIC_BASE_URL": "https://international.example.org/"}):
        meta = metadata(client_fr, city.url)

    assert meta["og:type"] == "website"
    assert meta["og:url"] == f"https://international.example.org{city.url}"
    assert meta["og:image"].startswith("https://international.example.org/media/images/")
    assert meta["og:description"] == city.intro


def test_page_without_image_gets_a_summary_card_and_no_broken_image(client_fr, tubingen):
    meta = metadata(client_fr, tubingen.url)

    assert meta["twitter:card"] == "summary"
    assert "og:image" not in meta
    assert meta["og:title"] == "Tübingen"


def test_map_and_timeline_have_their_own_titles_and_addresses(client_fr, cities_index, tubingen):
    for name, title in [
        ("partner_map", "Map of the partner cities"),
        ("partnership_timeline", "Timeline of the partnerships"),
    ]:
        url = cities_index.url + cities_index.reverse_subpage(name)
        meta = metadata(client_fr, url)
        assert meta["og:url"] == f"http://localhost{url}"
        with translation.override("fr"):
            assert meta["og:title"] == translation.gettext(title)
        assert meta["twitter:card"] == "summary"
