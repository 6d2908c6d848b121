"""The partner API never names an image or document of a collection an editor made private.

The same pages as the HTML tests (tests/twinning/public/test_private_media.py): the image as
hero, milestone, image block, gallery item and rich text embed, the document in a
documents block and a rich text link, in nine languages. No response of the API (pages,
details with their rendered ``html``, media listings, feeds, GeoJSON, calendars) holds
the image's file name, rendition addresses or title, or the document's title or address;
made public again, the image is back.
"""

import pytest

from tests.twinning.api.conftest import shared
from tests.twinning.public.test_private_media import (
    DOCUMENT_FILE,
    DOCUMENT_TITLE,
    IMAGE_FILE,
    IMAGE_TITLE,
    LANGUAGES,
    PUBLIC_DOCUMENT_TITLE,
    PUBLIC_IMAGE_FILE,
    RICH_TEXT_LINK,
    build_private_media,
    set_privacy,
)

pytestmark = pytest.mark.django_db

media = shared(build_private_media)


def secrets_in(text: str, media) -> list[str]:
    markers = [
        IMAGE_FILE,
        DOCUMENT_FILE,
        IMAGE_TITLE,
        DOCUMENT_TITLE,
        f"/documents/{media.document.pk}/",
        f"/{media.image.pk}/width-",  # the API's signed rendition addresses
    ]
    return [marker for marker in markers if marker in text]


def api_urls(media, code: str) -> list[str]:
    pages = media.pages[code]
    city = pages["city"]
    return [
        f"/api/v2/pages/?locale={code}&fields=*&limit=100",
        *(f"/api/v2/pages/{page.pk}/" for page in pages.values()),
        f"/api/v2/pages/?type=twinning.PartnerCityPage&locale={code}&fields=*",
        "/api/v2/images/?limit=100",
        "/api/v2/documents/?limit=100",
        f"/api/v2/feeds/stories.atom?locale={code}",
        f"/api/v2/partners.geojson?locale={code}",
        f"/api/v2/partners/{city.pk}/calendar.ics?locale={code}",
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_api_response_names_the_private_image_or_document(api, media, code):
    for url in api_urls(media, code):
        response = api.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        assert secrets_in(response.content.decode(), media) == [], url


def test_private_image_is_null_and_its_blocks_render_nothing(api, media):
    city = api.get(f"/api/v2/pages/{media.pages['pt']['city'].pk}/").json()
    assert city["hero_image"] is None
    milestone = next(m for m in city["milestones"] if m["title"] == "Visite du port")
    assert milestone["image"] is None
    html = city["body"]["html"]
    assert "block-image" not in html
    assert html.count("<img") == 1 and PUBLIC_IMAGE_FILE in html  # the gallery's public one
    assert RICH_TEXT_LINK in html


def test_documents_block_names_only_public_documents(api, media):
    call = api.get(f"/api/v2/pages/{media.pages['hu']['call'].pk}/").json()
    documents = call["documents"]
    assert [block["value"]["document"] for block in documents["blocks"]][0] is None
    assert documents["blocks"][1]["value"]["document"]["title"] == PUBLIC_DOCUMENT_TITLE
    assert documents["html"].count("<a ") == 1
    assert PUBLIC_DOCUMENT_TITLE in documents["html"]


def test_image_made_public_again_is_back_and_private_again_its_renditions_are_refused(
    api, media, django_capture_on_commit_callbacks
):
    city_url = f"/api/v2/pages/{media.pages['ja']['city'].pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        set_privacy(media.archives, "none")
    city = api.get(city_url).json()
    assert IMAGE_FILE in city["hero_image"]["large"]["url"]
    assert IMAGE_FILE in city["body"]["html"]
    call = api.get(f"/api/v2/pages/{media.pages['ja']['call'].pk}/").json()
    assert DOCUMENT_TITLE in call["documents"]["html"]
    rendition = city["hero_image"]["renditions"][0]["url"]
    assert api.get(rendition).status_code == 302

    with django_capture_on_commit_callbacks(execute=True):
        set_privacy(media.archives, "login")
    assert api.get(city_url).json()["hero_image"] is None
    assert api.get(rendition).status_code == 404
