"""Nothing unpublished or private reaches anonymous partners, on any endpoint, in any
language: drafts, unpublished translations, view-restricted pages and their descendants,
images and documents of private collections."""

from types import SimpleNamespace

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest

from tests import factories
from tests.twinning.api.conftest import build_world, publish, shared
from tests.twinning.api.helpers import private_collection, restrict, translate

pytestmark = pytest.mark.django_db


def build_secrets() -> SimpleNamespace:
    world = build_world()
    index = world.tubingen.get_parent()
    draft_city = factories.PartnerCityPageFactory(
        parent=index, title="Brouillonville", slug="brouillonville", live=False
    )
    draft_story = factories.ExchangeStoryPageFactory(
        parent=world.stories_index,
        title="Récit brouillon",
        partner_cities=[world.tubingen],
        live=False,
    )
    # A German translation saved but not published (the French page stays public).
    draft_translation = translate(world.perugia, "de", title="Entwurfsstadt", publish=False)
    secret_city = factories.PartnerCityPageFactory(
        parent=index, title="Cité secrète", slug="cite-secrete", wikidata_id="Q424242"
    )
    factories.PartnershipMilestoneFactory(page=secret_city, title="Jalon secret")
    publish(secret_city)
    restrict(secret_city)
    section = factories.ContentPageFactory(parent=index.get_parent(), title="Section privée")
    child = factories.ContentPageFactory(parent=section, title="Page enfant privée")
    restrict(section)
    secret_story = factories.ExchangeStoryPageFactory(
        parent=world.stories_index,
        title="Récit secret",
        partner_cities=[world.tubingen, secret_city],
    )
    restrict(secret_story)
    collection = private_collection()
    private_image = factories.ImageFactory(title="Photo privée", collection=collection)
    private_document = get_document_model().objects.create(
        title="Document privé", collection=collection, file=factories.ImageFactory().file
    )
    # Public pages that point to all of the above.
    perugia = world.perugia.specific
    perugia.hero_image = private_image
    publish(perugia)
    story = world.story.specific
    story.partner_cities.set([world.tubingen, world.perugia, secret_city, draft_city])
    story.body = [
        (
            "paragraph",
            # The link texts are the author's public words; the targets are not public.
            f'<p><a linktype="page" id="{secret_city.pk}">une ville</a>, '
            f'<a linktype="page" id="{child.pk}">une page</a>, '
            f'<a linktype="page" id="{draft_city.pk}">une autre ville</a>, '
            f'<a linktype="document" id="{private_document.pk}">un document</a>.</p>',
        ),
        ("image", {"image": private_image, "alt_text": "", "caption": "", "credit": ""}),
    ]
    publish(story)
    return SimpleNamespace(
        world=world,
        draft=[draft_city, draft_story],
        unpublished_translation=[draft_translation],
        restricted=[secret_city, section, child, secret_story],
        private_image=private_image,
        private_document=private_document,
    )


secrets = shared(build_secrets)

MARKERS = {
    "draft": ["Brouillonville", "Récit brouillon"],
    "unpublished translation": ["Entwurfsstadt"],
    "view restriction": [
        "Cité secrète",
        "secrete",
        "Jalon secret",
        "Section privée",
        "Page enfant privée",
        "Récit secret",
    ],
    "private image": ["Photo privée"],
    "private document": ["Document privé"],
}
LANGUAGES = ["fr", "de", "ar"]


def endpoint_urls(secrets, name: str, code: str) -> list[str]:
    world = secrets.world
    return {
        "pages": [
            f"/api/v2/pages/?limit=100&fields=*&locale={code}&fallback=true",
            "/api/v2/pages/?limit=100&fields=*",
        ],
        "pages search": [
            f"/api/v2/pages/?search={word}&fields=*&locale={code}&fallback=true"
            for word in ("Brouillonville", "Entwurfsstadt", "secrète", "privée", "Récit")
        ],
        "city detail": [
            f"/api/v2/pages/{world.perugia.pk}/",
            f"/api/v2/pages/{world.tubingen.pk}/",
        ],
        "story detail": [f"/api/v2/pages/{world.story.pk}/", f"/api/v2/pages/{world.story_de.pk}/"],
        "partners.geojson": [f"/api/v2/partners.geojson?locale={code}"],
        "stories.atom": [
            f"/api/v2/feeds/stories.atom?locale={code}&fallback=true",
            f"/api/v2/feeds/stories.atom?locale={code}&partner=Q3806&fallback=true",
        ],
        "calendar.ics": [
            f"/api/v2/partners/{world.tubingen.pk}/calendar.ics?locale={code}",
            f"/api/v2/partners/{world.perugia.pk}/calendar.ics?locale={code}",
        ],
        "images": ["/api/v2/images/?limit=100"],
        "documents": ["/api/v2/documents/?limit=100"],
    }[name]


ENDPOINTS = [
    "pages",
    "pages search",
    "city detail",
    "story detail",
    "partners.geojson",
    "stories.atom",
    "calendar.ics",
    "images",
    "documents",
]


@pytest.mark.parametrize("rule", list(MARKERS))
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_nothing_private_in_any_language(api, secrets, endpoint, rule):
    for code in LANGUAGES:
        for url in endpoint_urls(secrets, endpoint, code):
            response = api.get(url)
            assert response.status_code == 200, (url, response.content[:300])
            text = response.content.decode()
            for marker in MARKERS[rule]:
                assert marker not in text, (url, marker)


def secret_ids(secrets, rule):
    return {
        "draft": [page.pk for page in secrets.draft],
        "unpublished translation": [page.pk for page in secrets.unpublished_translation],
        "view restriction": [page.pk for page in secrets.restricted],
    }[rule]


@pytest.mark.parametrize("rule", ["draft", "unpublished translation", "view restriction"])
def test_secret_pages_are_not_found_by_id(api, secrets, rule):
    for pk in secret_ids(secrets, rule):
        response = api.get(f"/api/v2/pages/{pk}/")
        assert response.status_code == 404
        assert api.get(f"/api/v2/pages/find/?id={pk}").status_code == 404
        assert api.get(f"/api/v2/pages/?translation_of={pk}").status_code == 400


@pytest.mark.parametrize("rule", ["draft", "unpublished translation", "view restriction"])
def test_secret_pages_are_not_found_by_address(api, secrets, rule):
    for pk in secret_ids(secrets, rule):
        page = Page.objects.get(pk=pk)
        path = page.url_path.split("/", 2)[-1]
        language = page.locale.language_code
        response = api.get(f"/api/v2/pages/find/?html_path=/{language}/{path}")
        if rule == "unpublished translation" and response.status_code == 302:
            # Its address shows the public source page, as readers see it (never the draft).
            target = api.get(response["Location"])
            assert target.status_code == 200
            assert target.json()["id"] != pk and target.json()["meta"]["locale"] == "fr"
            continue
        assert response.status_code == 404, (page.title, response.status_code)


@pytest.mark.parametrize("rule", ["draft", "view restriction"])
def test_secret_cities_have_no_calendar_and_are_no_partner(api, secrets, rule):
    cities = [
        page
        for page in secrets.draft + secrets.restricted
        if page.specific_class.__name__ == "PartnerCityPage"
    ]
    assert cities
    for city in cities:
        assert api.get(f"/api/v2/partners/{city.pk}/calendar.ics").status_code == 404
        response = api.get(f"/api/v2/pages/?partner={city.pk}")
        assert response.status_code == 400
        assert response.json()["parameter"] == "partner"
    assert api.get("/api/v2/feeds/stories.atom?partner=Q424242").status_code == 400


def test_unpublished_translation_has_no_calendar_in_its_language(api, secrets):
    [draft] = secrets.unpublished_translation
    response = api.get(f"/api/v2/partners/{draft.pk}/calendar.ics?locale=de&fallback=false")
    assert response.status_code == 404


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_private_media_are_not_found_by_id(api, secrets, kind):
    obj = secrets.private_image if kind == "images" else secrets.private_document
    assert api.get(f"/api/v2/{kind}/{obj.pk}/").status_code == 404


def test_public_page_with_private_hero_image_shows_no_image(api, secrets):
    city = api.get(f"/api/v2/pages/{secrets.world.perugia.pk}/").json()
    assert city["hero_image"] is None


def test_links_to_private_targets_keep_their_text_only(api, secrets):
    body = api.get(f"/api/v2/pages/{secrets.world.story.pk}/").json()["body"]
    paragraph = body["blocks"][0]["value"]
    assert paragraph.count("<a>") == 4
    assert "/documents/" not in body["html"]
    assert body["blocks"][1]["value"]["image"] is None


def test_logged_in_editors_get_the_public_view_too(api, secrets, django_user_model):
    """Responses are shared by caches: who asks never changes what is shown."""
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    api.force_login(editor)
    text = api.get("/api/v2/pages/?limit=100&fields=*").content.decode()
    for markers in MARKERS.values():
        for marker in markers:
            assert marker not in text
