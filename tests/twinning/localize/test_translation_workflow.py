"""Every page type, the milestones, every block and the themes translate through
wagtail-localize; synchronised facts stay identical; new translations are drafts."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import (
    LocaleSynchronization,
    OverridableSegment,
    StringSegment,
    TranslationSource,
)

import pytest

from tests import factories
from tests.twinning.localize_helpers import (
    admin_user,
    edit_url,
    editor_props,
    in_locale,
    locale,
    publish,
    submit,
    sync,
    translate_strings,
    translation_of,
)
from twinning.models import PartnerCityPage, PartnershipMilestone


def source_strings(obj) -> set[tuple[str, str]]:
    """(field, text) of every string a translator is asked for."""
    source, _created = TranslationSource.get_or_create_from_instance(obj)
    return {
        (segment.context.path.split(".")[0], segment.string.data)
        for segment in StringSegment.objects.filter(source=source).select_related(
            "context", "string"
        )
    }


ALL_BLOCKS = [
    ("paragraph", RichText("<p>Un échange <b>fructueux</b>.</p>")),
    ("heading", {"text": "Les lycéens", "level": "h2"}),
    ("quote", {"text": "Une amitié durable.", "attribution": "La maire"}),
    ("key_figures", {"figures": [{"value": "120", "label": "élèves accueillis"}]}),
    ("call_to_action", {"text": "Écrire au service", "page": None, "url": "https://aix.example"}),
    ("image", {"image": None, "alt_text": "La place", "caption": "Le marché", "credit": "Ville"}),
    (
        "gallery",
        {
            "title": "En images",
            "images": [{"image": None, "alt_text": "Le pont", "caption": "", "credit": ""}],
        },
    ),
    ("embed", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
]
ALL_BLOCK_STRINGS = {
    "Un échange <b>fructueux</b>.",
    "Les lycéens",
    "Une amitié durable.",
    "La maire",
    "120",
    "élèves accueillis",
    "Écrire au service",
    "La place",
    "Le marché",
    "Ville",
    "En images",
    "Le pont",
}


def with_images(blocks):
    image = factories.ImageFactory()
    for name, value in blocks:
        if name == "image":
            value = {**value, "image": image}
        if name == "gallery":
            value = {**value, "images": [{**item, "image": image} for item in value["images"]]}
        yield name, value


def test_every_stream_block_offers_its_text_and_nothing_else(content_page_with_blocks):
    body = {text for field, text in source_strings(content_page_with_blocks) if field == "body"}
    assert body == ALL_BLOCK_STRINGS  # the heading level, URLs, images and embed are not text


@pytest.fixture
def content_page_with_blocks(home):
    return factories.ContentPageFactory(
        parent=home,
        title="Stratégie internationale",
        intro="Nos axes.",
        body=list(with_images(ALL_BLOCKS)),
    )


def test_city_page_offers_its_texts_and_milestones_but_not_its_facts(tubingen):
    tubingen.region = "Bade-Wurtemberg"
    tubingen.body = [("paragraph", RichText("<p>Jumelée depuis 1960.</p>"))]
    tubingen.save()
    strings = source_strings(tubingen)
    assert strings == {
        ("title", "Tübingen"),
        ("slug", "tubingen"),
        ("region", "Bade-Wurtemberg"),
        ("intro", "Tübingen, ville partenaire d'Aix-en-Provence."),
        ("body", "Jumelée depuis 1960."),
        ("milestones", "Signature du jumelage"),
        ("milestones", "Prix de l'Europe"),
    }


def test_story_page_offers_its_summary_and_body(story):
    story.body = [("heading", {"text": "Le voyage", "level": "h2"})]
    story.save()
    assert source_strings(story) == {
        ("title", "Étudiants à Tübingen"),
        ("slug", "etudiants-tubingen"),
        ("summary", "Résumé de « Étudiants à Tübingen »."),
        ("body", "Le voyage"),
    }


@pytest.mark.parametrize(
    "factory", [factories.PartnerCityIndexPageFactory, factories.ExchangeStoryIndexPageFactory]
)
def test_index_pages_offer_their_rich_text_introduction(home, factory):
    page = factory(parent=home, intro="<p>Nos <b>partenaires</b> en Europe.</p>")
    assert ("intro", "Nos <b>partenaires</b> en Europe.") in source_strings(page)


def test_theme_snippet_offers_its_name_and_description_but_not_its_identifier(db):
    theme = factories.CooperationThemeFactory(
        name="Mobilité", slug="mobilite", description="Échanges scolaires."
    )
    assert source_strings(theme) == {("name", "Mobilité"), ("description", "Échanges scolaires.")}


def test_theme_translation_keeps_its_identifier(db):
    theme = factories.CooperationThemeFactory(name="Mobilité", slug="mobilite")
    submit(theme, "de")
    translate_strings(theme, "de", {"Mobilité": "Mobilität"})
    translation_of(theme, "de").save_target(publish=True)
    german = in_locale(theme, "de")
    assert (german.name, german.slug) == ("Mobilität", "mobilite")


def test_translation_editor_shows_every_string_of_a_city(client, tubingen):
    tubingen.body = list(with_images(ALL_BLOCKS))
    tubingen.save()
    submit(tubingen, "de")
    admin_user(client)

    response = client.get(edit_url(in_locale(tubingen, "de")))

    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    offered = {s["source"] for s in editor_props(response)["segments"] if s["type"] == "string"}
    # Nothing extracted is hidden from the editor (a field without a panel would be).
    assert offered >= {text for _field, text in source_strings(tubingen)}
    assert {"Signature du jumelage", "Prix de l'Europe"} <= offered


@pytest.mark.django_db  # its fixtures are asked for by name: pytest-django cannot see them
@pytest.mark.parametrize(
    "fixture", ["home", "cities_index", "stories_index", "story", "content_page_with_blocks"]
)
def test_translation_editor_opens_for_every_page_type(client, request, fixture):
    page = request.getfixturevalue(fixture)
    submit(page, "ar")
    admin_user(client)

    response = client.get(edit_url(in_locale(page, "ar")))

    assert response.status_code == 200
    offered = {s["source"] for s in editor_props(response)["segments"] if s["type"] == "string"}
    assert offered == {text for _field, text in source_strings(page)}


def test_translation_editor_shows_every_string_of_a_theme(client, db):
    theme = factories.CooperationThemeFactory(name="Mobilité", description="Échanges.")
    submit(theme, "de")
    admin_user(client)
    german = in_locale(theme, "de")
    url = reverse("wagtailsnippets_twinning_cooperationtheme:edit", args=[german.pk])

    response = client.get(url)

    assert response.status_code == 200
    offered = {s["source"] for s in editor_props(response)["segments"] if s["type"] == "string"}
    assert offered == {"Mobilité", "Échanges."}


# Milestones -----------------------------------------------------------------------------


def test_city_with_milestones_translates_into_several_languages(
    client_fr, tubingen, django_capture_on_commit_callbacks
):
    # Used to fail with an IntegrityError on (translation_key, locale) of the milestones.
    submit(tubingen, "de", "en", "ar")
    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung"})
    publish(tubingen, "de", django_capture_on_commit_callbacks)

    for code in ("de", "en", "ar"):
        page = in_locale(tubingen, code)
        assert {m.locale.language_code for m in page.milestones.all()} == {code}
        assert page.milestones.count() == 2
    german = in_locale(tubingen, "de")
    response = client_fr.get(german.url)
    assert response.status_code == 200
    assert "Unterzeichnung" in response.content.decode()


def test_milestone_added_to_the_source_reaches_the_translation_on_sync(
    tubingen, django_capture_on_commit_callbacks
):
    submit(tubingen, "de")
    publish(tubingen, "de", django_capture_on_commit_callbacks)
    factories.PartnershipMilestoneFactory(page=tubingen, date="1995", title="Marché ombrien")

    sync(tubingen, "de", django_capture_on_commit_callbacks)

    german = in_locale(tubingen, "de")
    assert sorted(german.milestones.values_list("date", "locale__language_code")) == [
        ("1960-10-20", "de"),
        ("1965", "de"),
        ("1995", "de"),
    ]


# Synchronised fields ---------------------------------------------------------------------


def test_city_facts_stay_identical_across_languages_after_every_sync(
    tubingen, perugia, django_capture_on_commit_callbacks
):
    theme = factories.CooperationThemeFactory(name="Culture")
    tubingen.hero_image = factories.ImageFactory()
    tubingen.themes.set([theme])
    tubingen.save()
    submit(tubingen, "de", "en")
    for code in ("de", "en"):
        publish(tubingen, code, django_capture_on_commit_callbacks)

    milestone_image = factories.ImageFactory()
    tubingen.latitude, tubingen.longitude = "48.52000", "9.05000"
    tubingen.country, tubingen.population = "AT", 91_000
    tubingen.kind, tubingen.status = "friendship", "dormant"
    tubingen.signed, tubingen.website = "1960-10", "https://www.tuebingen.de/"
    tubingen.wikidata_id = "Q3807"
    tubingen.hero_image = factories.ImageFactory()
    tubingen.themes.set([theme, factories.CooperationThemeFactory(name="Sport")])
    tubingen.save()
    tubingen.milestones.filter(date="1965").update(date="1966", image=milestone_image)
    for code in ("de", "en"):
        sync(tubingen, code, django_capture_on_commit_callbacks)

    facts = [
        "country",
        "latitude",
        "longitude",
        "population",
        "kind",
        "status",
        "signed",
        "website",
        "wikidata_id",
        "hero_image_id",
    ]
    source = PartnerCityPage.objects.get(pk=tubingen.pk)
    for code in ("de", "en"):
        translated = in_locale(tubingen, code)
        assert {f: getattr(translated, f) for f in facts} == {f: getattr(source, f) for f in facts}
        assert set(translated.themes.all()) == set(source.themes.all())
        assert _milestone_facts(translated) == _milestone_facts(source)


def _milestone_facts(page):
    return sorted(
        (str(m.translation_key), m.date, m.kind, m.image_id, m.sort_order)
        for m in PartnershipMilestone.objects.filter(page=page)
    )


def test_story_facts_stay_identical_across_languages_after_sync(
    story, perugia, django_capture_on_commit_callbacks
):
    submit(story, "de")
    publish(story, "de", django_capture_on_commit_callbacks)
    story.partner_cities.set([perugia])
    story.themes.set([factories.CooperationThemeFactory(name="Jeunesse")])
    story.audience, story.participants = "officials", 12
    story.save()

    sync(story, "de", django_capture_on_commit_callbacks)

    german = in_locale(story, "de")
    assert list(german.partner_cities.all()) == [perugia]
    assert set(german.themes.all()) == set(story.themes.all())
    assert (german.date, german.audience, german.participants) == (story.date, "officials", 12)


FACT_FIELDS = {"signed", "wikidata_id", "website", "hero_image", "milestones"}


def test_translators_cannot_override_facts(tubingen):
    """An override of, say, the Wikidata ID in German would survive every sync, and the
    German page would point partners to another city."""
    tubingen.website = "https://www.tuebingen.de/"
    tubingen.hero_image = factories.ImageFactory()
    tubingen.save()
    submit(tubingen, "de")

    overridable = {
        segment.context.path.split(".")[0]
        for segment in OverridableSegment.objects.filter(
            source=translation_of(tubingen, "de").source
        ).select_related("context")
    }

    assert not overridable & FACT_FIELDS


# Drafts ----------------------------------------------------------------------------------


def test_submitted_translation_is_a_draft(client, client_fr, tubingen):
    admin_user(client)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[tubingen.pk]),
        {"locales": [locale("de").pk]},
    )
    assert response.status_code == 302
    german = in_locale(tubingen, "de")
    assert not german.live
    # Readers of its URL get the published French page, saying it is not translated yet.
    response = client_fr.get(f"/de{german.url_path.removeprefix('/home-de')}")
    assert b"notice--translation" in response.content


def test_translating_an_alias_leaves_a_draft_not_a_live_french_page(
    client, client_fr, tubingen, django_capture_on_commit_callbacks
):
    """In a locale synchronised from French the page exists as a live alias; translating
    it must not publish French text as the German translation."""
    with django_capture_on_commit_callbacks(execute=True):
        LocaleSynchronization.objects.create(locale=locale("de"), sync_from=tubingen.locale)
    alias = in_locale(tubingen, "de")
    assert alias.live and alias.alias_of_id == tubingen.pk
    admin_user(client)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[tubingen.pk]),
            {"locales": [locale("de").pk]},
        )

    german = in_locale(tubingen, "de")
    assert german.pk == alias.pk and german.alias_of_id is None
    assert not german.live
    # Until it is published, its URL shows the French page with the notice, as the alias did.
    response = client_fr.get("/de/villes-partenaires/tubingen/")
    assert response.status_code == 200 and b"notice--translation" in response.content


def test_published_translation_of_an_alias_goes_live(
    client, client_fr, tubingen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        LocaleSynchronization.objects.create(locale=locale("de"), sync_from=tubingen.locale)
    admin_user(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[tubingen.pk]),
            {"locales": [locale("de").pk]},
        )
    translate_strings(tubingen, "de", {"Signature du jumelage": "Unterzeichnung"})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(in_locale(tubingen, "de")), {"action": "publish"})

    assert response.status_code == 302
    assert in_locale(tubingen, "de").live
    page = client_fr.get("/de/villes-partenaires/tubingen/")
    assert page.status_code == 200 and "Unterzeichnung" in page.content.decode()


def test_translation_published_in_one_go_from_an_alias_stays_live(
    tubingen, django_capture_on_commit_callbacks
):
    """A loader that submits and publishes in one transaction gets a live page."""
    with django_capture_on_commit_callbacks(execute=True):
        LocaleSynchronization.objects.create(locale=locale("de"), sync_from=tubingen.locale)
    with django_capture_on_commit_callbacks(execute=True):
        submit(tubingen, "de")
        translation_of(tubingen, "de").save_target(publish=True)

    german = in_locale(tubingen, "de")
    assert german.live and german.live_revision_id is not None
    assert Page.objects.filter(alias_of__isnull=True, locale__language_code="de").count() == 1
