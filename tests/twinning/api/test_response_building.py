"""How items are written: the same URLs as Wagtail's, HTML escaped as a template would,
compact JSON, parents and images read in bulk."""

import json

from django.test import RequestFactory

from wagtail.models import Page

import pytest

from tests import factories
from tests.twinning.api.conftest import build_world, publish
from tests.twinning.api.helpers import locale, sync
from tests.twinning.api.test_body_html import known_embed
from tests.twinning.api.test_query_counts import generation_reads
from tests.twinning.localize.test_coverage import (
    publish_in_editor,
    submit_for_review,
    translate_in_admin,
)
from tests.twinning.localize_helpers import admin_user, translate_strings
from twinning.absolute_urls import URLBuilder
from twinning.api.references import PageRecord
from twinning.localize.status import coverage_for

pytestmark = pytest.mark.django_db


def wagtails_url(page, request):
    parts = page.get_url_parts(request)
    return None if not parts or parts[2] is None else "http://localhost" + parts[2]


def record(page) -> PageRecord:
    return PageRecord(
        page.pk, page.title, page.url_path, page.path, page.translation_key, page.locale_id,
        page.live, page.alias_of_id, page.last_published_at, True,
    )  # fmt: skip


def test_page_urls_are_the_ones_wagtail_builds(world):
    index = world.tubingen.get_parent()
    # A slug Wagtail keeps in Unicode: its URL is quoted as Django's reverse quotes it.
    factories.PartnerCityPageFactory(parent=index, title="Straße", slug="straße-ü")
    sync("ar")
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    urls = URLBuilder(request)

    pages = list(Page.objects.filter(depth__gt=1))
    assert len({page.locale_id for page in pages}) == 3  # fr, de, ar: aliases included
    for page in pages:
        expected = wagtails_url(page, request)
        assert urls.page_url(page) == expected, page.url_path
        assert urls.page_url(record(page)) == expected, page.url_path
    assert "http://localhost/fr/villes-partenaires/stra%C3%9Fe-%C3%BC/" in {
        urls.page_url(page) for page in pages
    }


def test_a_page_outside_every_site_has_no_url(world):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    root = Page.objects.get(depth=1)
    assert URLBuilder(request).page_url(root) is None is wagtails_url(root, request)


def test_detail_urls_are_the_ones_the_router_reverses(api, world):
    detail = api.get(f"/api/v2/pages/{world.story.pk}/").json()

    assert detail["meta"]["detail_url"] == f"http://localhost/api/v2/pages/{world.story.pk}/"
    for entry in detail["meta"]["translations"]:
        assert entry["detail_url"] == f"http://localhost/api/v2/pages/{entry['id']}/"
    assert detail["hero_image"]["id"] == world.image.pk


def test_body_html_escapes_every_text_as_the_site_does(api, db):
    world = build_world()
    story = world.story
    story.body = [
        ("heading", {"text": "Tom & Jerry <3", "level": "h3"}),
        ("quote", {"text": 'Il a dit "oui"', "attribution": "L'élue"}),
        (
            "image",
            {"image": world.image, "alt_text": "<alt>", "caption": "", "credit": "A & B"},
        ),
        ("key_figures", {"figures": [{"value": "12 000", "label": "km <à pied>"}]}),
        ("call_to_action", {"text": "Lire", "page": None, "url": "https://e.org/?a=1&b=2"}),
        ("embed", "https://www.youtube.com/watch?v=x&t=1"),
    ]
    publish(story)
    known_embed("https://www.youtube.com/watch?v=x&t=1", "video")

    body = api.get(f"/api/v2/pages/{story.pk}/").json()["body"]
    html = body["html"].split("\n\n")

    assert html[0] == "<h3>Tom &amp; Jerry &lt;3</h3>"
    assert html[1] == (
        '<figure class="block-quote"><blockquote><p>Il a dit &quot;oui&quot;</p></blockquote>'
        "<figcaption>— L&#x27;élue</figcaption></figure>"
    )
    shown = world.image.get_rendition("width-960")  # the site's block template's rendition
    assert html[2] == (
        f'<figure class="block-image"><img alt="&lt;alt&gt;" height="{shown.height}" '
        f'loading="lazy" src="http://localhost{shown.url}" width="{shown.width}">'
        "<figcaption> <small>© A &amp; B</small></figcaption></figure>"
    )
    assert html[3] == (
        '<ul class="block-key-figures"><li><strong>12 000</strong> '
        "<span>km &lt;à pied&gt;</span></li></ul>"
    )
    assert html[4] == (
        '<p class="block-cta"><a class="button" href="https://e.org/?a=1&amp;b=2">Lire</a></p>'
    )
    assert html[5] == (  # embedded as on the site
        '<div class="block-embed"><iframe src="https://player.example/video" title="video">'
        "</iframe></div>"
    )
    assert len(html) == 6


def test_responses_are_compact_json(api, db):
    world = build_world()
    world.story_de.title = "Zeile\u2028Trenner"
    publish(world.story_de)

    response = api.get("/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=de")

    assert response["Content-Type"] == "application/json"
    assert b"\n" not in response.content and b'": ' not in response.content
    assert b"Zeile\\u2028Trenner" in response.content  # escaped, as REST framework does
    assert json.loads(response.content)["items"][0]["title"] == "Zeile\u2028Trenner"


def test_parent_is_the_visible_one_in_the_items_language(api, db):
    world = build_world()
    german = api.get(f"/api/v2/pages/{world.tubingen_de.pk}/").json()
    arabic = api.get(f"/api/v2/pages/{world.tubingen_ar.pk}/").json()

    # The German index is an alias of the French one (not translated): readers get the French.
    index = world.tubingen.get_parent()
    assert german["meta"]["parent"]["id"] == index.pk
    assert german["meta"]["parent"]["html_url"] == "http://localhost/fr/villes-partenaires/"
    assert arabic["meta"]["parent"]["id"] == index.pk


def test_first_request_creates_renditions_then_reads_them_with_their_images(
    api, db, django_assert_max_num_queries
):
    world = build_world()
    fresh = factories.ImageFactory(title="Nouvelle")
    world.tubingen.hero_image = fresh
    publish(world.tubingen)
    url = f"/api/v2/pages/{world.tubingen.pk}/"
    assert not fresh.renditions.exists()

    first = api.get(url + "?_=1").json()["hero_image"]
    assert fresh.renditions.count() == 2
    with django_assert_max_num_queries(8 + generation_reads()):
        again = api.get(url + "?_=2").json()["hero_image"]

    assert again == first
    assert again["small"]["width"] <= 480 and again["large"]["url"].startswith("http://")


def test_pages_of_several_locales_are_summarised_in_each_items_language(api, db):
    world = build_world()
    sync("ar")
    de = locale("de")

    [story] = api.get("/api/v2/pages/?type=twinning.ExchangeStoryPage&locale=de").json()["items"]

    cities = {city["title"]: city for city in story["partner_cities"]}
    assert cities["Tübingen"]["locale"] == "de"
    assert cities["Tübingen"]["id"] == world.tubingen_de.pk
    assert cities["Pérouse"]["locale"] == "fr"  # not translated into German
    assert story["meta"]["locale"] == de.language_code


def test_translations_meta_agrees_with_the_coverage_report(api, db):
    world = build_world()
    world.tubingen.intro = "Nouvelle introduction."
    publish(world.tubingen)  # the French text changed after it was translated

    url = "/api/v2/pages/?type=twinning.PartnerCityPage&partner=Q3806&locale=fr"
    [city] = api.get(url).json()["items"]

    figures = coverage_for([world.tubingen])[world.tubingen.translation_key]
    entries = {entry["locale"]: entry for entry in city["meta"]["translations"]}
    assert set(entries) == {"fr", "de", "ar"}
    for code in ("de", "ar"):
        assert entries[code]["percent"] == figures[code].percent
        assert entries[code]["out_of_date"] is figures[code].out_of_date is True
        assert entries[code]["awaiting_review"] is figures[code].awaiting_review is False
        assert entries[code]["state"] == figures[code].state
    assert (entries["fr"]["state"], entries["fr"]["awaiting_review"]) == ("live", False)


def translations_of(api, page) -> dict[str, dict]:
    """The ``meta.translations`` a partner reads for ``page``, by language."""
    item = api.get(f"/api/v2/pages/{page.pk}/").json()
    return {entry["locale"]: entry for entry in item["meta"]["translations"]}


def test_translation_published_with_nothing_translated_is_untranslated_for_partners(
    api, db, django_capture_on_commit_callbacks
):
    """Published from the translation editor before a string was translated: the German
    page carries French text, and partners are told so."""
    world = build_world()
    admin_user(api)
    german = translate_in_admin(api, world.perugia, django_capture_on_commit_callbacks, "de")
    publish_in_editor(api, german, django_capture_on_commit_callbacks)
    api.logout()

    entry = translations_of(api, world.perugia)["de"]

    assert entry["id"] == german.pk
    assert (entry["percent"], entry["state"]) == (0, "untranslated")


def test_translation_awaiting_review_is_flagged_while_partners_read_the_live_one(
    api, db, django_capture_on_commit_callbacks
):
    world = build_world()
    story = publish(
        factories.ExchangeStoryPageFactory(
            parent=world.stories_index, title="Chorales", slug="chorales", summary="Chanter."
        )
    )
    admin_user(api)
    german = translate_in_admin(api, story, django_capture_on_commit_callbacks, "de")
    translate_strings(story, "de", {"Chorales": "Chöre", "Chanter.": "Singen."})
    publish_in_editor(api, german, django_capture_on_commit_callbacks)
    translate_strings(story, "de", {"Chanter.": "Gemeinsam singen."})
    submit_for_review(api, german)
    api.logout()

    entry = translations_of(api, story)["de"]
    detail = api.get(f"/api/v2/pages/{german.pk}/").json()

    assert (entry["awaiting_review"], entry["out_of_date"], entry["state"]) == (
        True,
        False,
        "awaiting_review",
    )
    assert detail["summary"] == "Singen."  # partners read the live version meanwhile
