"""An image or document in a collection an editor made private never shows on public pages.

The image is the hero of a city, a story and an event (so also their cards), a milestone's
picture, an image block, a gallery item and an image embedded in rich text; the document
is in a call's documents block and linked from rich text. Every page is translated into
the nine languages. The editor makes the parent collection private through the admin's own
privacy dialog; no page, share image or JSON-LD then names the image or the document in
any language, and making the collection public again brings the image back everywhere.
"""

import datetime
import json
from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.twinning.translation_helpers import clear_site_cache, translate

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
SOURCE = LANGUAGES[0]
DAY = datetime.timedelta(days=1)

#: What would name the private image or document: titles, file names (the renditions'
#: names start with the original's), the document's address.
IMAGE_FILE = "secret_harbour"
DOCUMENT_FILE = "confidential_rules"
IMAGE_TITLE = "Vue confidentielle du port"
DOCUMENT_TITLE = "Règlement confidentiel"
PUBLIC_IMAGE_FILE = "public_square"
PUBLIC_DOCUMENT_TITLE = "Guide public"
RICH_TEXT_LINK = "le règlement du jury"


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def set_privacy(collection: Collection, restriction_type: str) -> None:
    """Set the collection's privacy as an editor does: the admin's privacy dialog."""
    editor = get_user_model().objects.filter(username="archiviste").first()
    if editor is None:
        editor = get_user_model().objects.create_superuser(
            "archiviste", "archives@example.org", "pw"
        )
    client = Client()
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_collections:set_privacy", args=[collection.pk]),
        {"restriction_type": restriction_type},
    )
    assert response.status_code == 200
    assert response.json()["step"] == "set_privacy_done"


def build_private_media() -> SimpleNamespace:
    """Pages in nine languages that show one image and one document of the "Archives"
    collection (the image in its sub-collection "Photos"), made private by an editor."""
    home = factories.home_page()
    cities_index = factories.PartnerCityIndexPageFactory(parent=home)
    stories_index = factories.ExchangeStoryIndexPageFactory(parent=home)
    events_index = factories.EventIndexPageFactory(parent=home)
    calls_index = factories.ProjectCallIndexPageFactory(parent=home)
    archives = Collection.get_first_root_node().add_child(name="Archives")
    photos = archives.add_child(name="Photos")
    image = factories.ImageFactory(
        title=IMAGE_TITLE, collection=photos, file__filename=f"{IMAGE_FILE}.jpg"
    )
    public_image = factories.ImageFactory(
        title="Place publique", file__filename=f"{PUBLIC_IMAGE_FILE}.jpg"
    )
    documents = get_document_model().objects
    document = documents.create(
        title=DOCUMENT_TITLE,
        collection=archives,
        file=ContentFile(b"%PDF-1.4 confidential", name=f"{DOCUMENT_FILE}.pdf"),
    )
    public_document = documents.create(
        title=PUBLIC_DOCUMENT_TITLE,
        file=ContentFile(b"%PDF-1.4 public", name="public_guide.pdf"),
    )
    rich_text = (
        f'<p>Le port <embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Le port"/>'
        f' et <a linktype="document" id="{document.pk}">{RICH_TEXT_LINK}</a>.</p>'
    )

    city = factories.tubingen_page(cities_index)
    factories.PartnershipMilestoneFactory(
        page=city, date="1990", kind="visit", title="Visite du port", image=image, sort_order=3
    )
    city.refresh_from_db()
    city.hero_image = image
    city.body = [
        ("paragraph", rich_text),
        ("image", {"image": image, "alt_text": "Le port", "caption": "", "credit": ""}),
        (
            "gallery",
            {
                "title": "Galerie",
                "images": [
                    {"image": image, "alt_text": "Le port", "caption": "", "credit": ""},
                    {"image": public_image, "alt_text": "La place", "caption": "", "credit": ""},
                ],
            },
        ),
    ]
    publish(city)
    story = publish(
        factories.ExchangeStoryPageFactory(
            parent=stories_index, title="Au port", partner_cities=[city], hero_image=image
        )
    )
    event = publish(
        factories.EventPageFactory(
            parent=events_index,
            title="Fête du port",
            start=timezone.now() + 10 * DAY,
            end=timezone.now() + 11 * DAY,
            partner_cities=[city],
            hero_image=image,
        )
    )
    call = factories.ProjectCallPageFactory(
        parent=calls_index,
        title="Appel du port",
        opens_at=timezone.now() - 10 * DAY,
        closes_at=timezone.now() + 30 * DAY,
        partner_cities=[city],
        eligibility=rich_text,
    )
    call.documents = [
        ("document", {"document": document, "title": ""}),
        ("document", {"document": public_document, "title": ""}),
    ]
    publish(call)

    pages = {SOURCE: {"city": city, "story": story, "event": event, "call": call}}
    for code in LANGUAGES[1:]:
        pages[code] = {
            name: translate(page, code, title=f"{page.title} ({code})")
            for name, page in pages[SOURCE].items()
        }
    set_privacy(archives, "login")
    return SimpleNamespace(
        archives=archives,
        image=image,
        document=document,
        pages=pages,
        indexes=[cities_index, stories_index, events_index, calls_index],
    )


@pytest.fixture(scope="module")
def media(django_db_setup, django_db_blocker):
    """Built once for the module, rolled back after it (each test runs in a savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        clear_site_cache()
        cache.clear()
        yield build_private_media()
        transaction.set_rollback(True)
    clear_site_cache()


@pytest.fixture
def reader(client):
    client.defaults["HTTP_HOST"] = "localhost"
    return client


def public_urls(media, code: str) -> list[str]:
    """Every page of ``code`` that shows the image or document: the pages themselves, the
    indexes with their cards, the city's timeline."""
    pages = media.pages[code]
    indexes = [
        index.get_translations(inclusive=True).get(locale__language_code=code)
        for index in media.indexes
    ]
    return [
        *(page.url for page in pages.values()),
        *(index.url for index in indexes),
        indexes[0].url + "timeline/",
    ]


def get_html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def secrets_in(text: str, media) -> list[str]:
    markers = [
        IMAGE_FILE,
        DOCUMENT_FILE,
        IMAGE_TITLE,
        DOCUMENT_TITLE,
        f"/documents/{media.document.pk}/",
    ]
    return [marker for marker in markers if marker in text]


def share_metadata(html: str) -> tuple[dict[str, str], list[dict]]:
    soup = BeautifulSoup(html, "html.parser")
    meta = {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in soup.head.find_all("meta", content=True)
    }
    json_ld = [
        json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")
    ]
    return meta, json_ld


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_page_names_the_private_image_or_document_in_any_language(reader, media, code):
    for url in public_urls(media, code):
        html = get_html(reader, url)
        assert secrets_in(html, media) == [], url


@pytest.mark.parametrize("code", LANGUAGES)
def test_share_image_and_json_ld_leave_the_private_image_out(reader, media, code):
    for name in ("city", "story"):
        meta, json_ld = share_metadata(get_html(reader, media.pages[code][name].url))
        assert "og:image" not in meta
        assert meta["twitter:card"] == "summary"
        assert json_ld and all("image" not in data for data in json_ld)


def test_layout_stays_whole_without_the_private_image(reader, media):
    soup = BeautifulSoup(get_html(reader, media.pages["de"]["city"].url), "html.parser")
    assert soup.select("figure.hero") == []
    assert soup.select("figure.block-image") == []
    gallery = soup.select("section.block-gallery li img")
    assert [PUBLIC_IMAGE_FILE in img["src"] for img in gallery] == [True]
    assert soup.select(".timeline__item img") == []
    assert "Visite du port" in soup.get_text()


def test_rich_text_keeps_the_link_text_of_a_private_document(reader, media):
    soup = BeautifulSoup(get_html(reader, media.pages["it"]["call"].url), "html.parser")
    links = [a for a in soup.find_all("a") if a.get_text() == RICH_TEXT_LINK]
    assert links and all(not link.get("href") for link in links)


def test_documents_block_lists_only_public_documents(reader, media):
    soup = BeautifulSoup(get_html(reader, media.pages["ar"]["call"].url), "html.parser")
    listed = [li.a.get_text() for li in soup.select("ul.documents li")]
    assert listed == [PUBLIC_DOCUMENT_TITLE]


def test_private_document_file_is_refused_to_anonymous_readers(reader, media, admin_client):
    url = media.document.url
    # Through Wagtail's view (the file's name may carry a suffix when another test's file
    # took it in the shared media folder).
    assert url.startswith(f"/documents/{media.document.pk}/{DOCUMENT_FILE}")
    response = reader.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert b"confidential" not in response.content
    editor = admin_client.get(url)
    assert editor.status_code == 200
    assert b"".join(editor.streaming_content) == b"%PDF-1.4 confidential"


def test_image_made_public_again_shows_everywhere(reader, media):
    set_privacy(media.archives, "none")
    for code in LANGUAGES:
        city = get_html(reader, media.pages[code]["city"].url)
        meta, json_ld = share_metadata(city)
        assert IMAGE_FILE in meta["og:image"]
        assert meta["og:image"].startswith("http://localhost/")
        assert any(IMAGE_FILE in data.get("image", "") for data in json_ld)
        soup = BeautifulSoup(city, "html.parser")
        assert IMAGE_FILE in soup.select_one("figure.hero img")["src"]
        assert len(soup.select("section.block-gallery li img")) == 2
        assert soup.select(".timeline__item img")
        assert RICH_TEXT_LINK in city
        call = get_html(reader, media.pages[code]["call"].url)
        assert DOCUMENT_TITLE in call
        assert f"/documents/{media.document.pk}/" in call
    index = media.indexes[0].get_translations(inclusive=True).get(locale__language_code="ja")
    assert IMAGE_FILE in get_html(reader, index.url)


def test_checking_images_costs_one_query_per_page_not_one_per_image(
    reader, media, django_assert_num_queries
):
    """The private collections are read once for a page, however many images it shows."""
    cities_index = media.indexes[0]
    reserve = Collection.get_first_root_node().add_child(name="Réserve")
    set_privacy(reserve, "login")
    for n in range(2):
        factories.PartnerCityPageFactory(
            parent=cities_index, title=f"Ville {n}", hero_image=factories.ImageFactory()
        )
    reader.get(cities_index.url)
    with CaptureQueriesContext(connection) as context:
        html = get_html(reader, cities_index.url)
    few = len(context)
    assert html.count('class="card__image"') == 2
    for n in range(2, 6):
        private = {"collection": reserve} if n % 2 else {}
        factories.PartnerCityPageFactory(
            parent=cities_index, title=f"Ville {n}", hero_image=factories.ImageFactory(**private)
        )
    reader.get(cities_index.url)
    with django_assert_num_queries(few):
        html = get_html(reader, cities_index.url)
    assert html.count('class="card__image"') == 4
