"""A translation workflow that never loses work: what survives a sync, what follows it."""

from collections import Counter

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, TranslationSource

from tests import factories
from tests.twinning.localize_helpers import (
    admin_user,
    in_locale,
    locale,
    publish,
    submit,
    sync,
    translate_strings,
)
from twinning.models import CooperationTheme, PartnerCityPage


def test_resync_keeps_every_translation_whose_source_string_still_exists(
    tubingen, django_capture_on_commit_callbacks
):
    tubingen.region = "Bade-Wurtemberg"
    tubingen.save()
    submit(tubingen, "de")
    translate_strings(
        tubingen,
        "de",
        {
            "Tübingen, ville partenaire d'Aix-en-Provence.": "Tübingen, Partnerstadt von Aix.",
            "Signature du jumelage": "Unterzeichnung der Partnerschaft",
            "Bade-Wurtemberg": "Baden-Württemberg",
        },
    )
    publish(tubingen, "de", django_capture_on_commit_callbacks)

    tubingen.intro = "Tübingen, ville universitaire."
    tubingen.save()
    tubingen.milestones.filter(date="1965").update(title="Prix de l'Europe du Conseil")
    sync(tubingen, "de", django_capture_on_commit_callbacks)

    german = in_locale(tubingen, "de")
    assert german.region == "Baden-Württemberg"
    assert "Unterzeichnung der Partnerschaft" in german.milestones.values_list("title", flat=True)
    # The changed sentence shows the new French text until it is translated again...
    assert german.intro == "Tübingen, ville universitaire."
    # ...and the old translation is kept for reference, not thrown away.
    assert StringTranslation.objects.filter(data="Tübingen, Partnerstadt von Aix.").exists()


def test_field_cleared_in_the_source_is_cleared_in_the_translation(
    tubingen, django_capture_on_commit_callbacks
):
    tubingen.region = "Bade-Wurtemberg"
    tubingen.body = [
        ("paragraph", RichText("<p>Jumelée depuis 1960.</p>")),
        ("quote", {"text": "Amitié.", "attribution": ""}),
    ]
    tubingen.save()
    submit(tubingen, "de")
    translate_strings(
        tubingen,
        "de",
        {"Bade-Wurtemberg": "Baden-Württemberg", "Jumelée depuis 1960.": "Seit 1960 verbunden."},
    )
    publish(tubingen, "de", django_capture_on_commit_callbacks)

    tubingen.region = ""
    tubingen.body = [("quote", {"text": "Amitié.", "attribution": ""})]
    tubingen.save()
    tubingen.milestones.filter(date="1965").delete()
    sync(tubingen, "de", django_capture_on_commit_callbacks)

    german = in_locale(tubingen, "de")
    assert german.region == ""
    assert [block.block_type for block in german.body] == ["quote"]
    assert german.milestones.count() == 1


def test_deleting_an_image_of_a_translated_page_breaks_neither_sync_nor_page(
    client_fr, tubingen, django_capture_on_commit_callbacks
):
    image = factories.ImageFactory()
    tubingen.hero_image = image
    tubingen.body = [
        ("image", {"image": image, "alt_text": "La vieille ville", "caption": "", "credit": ""})
    ]
    tubingen.save()
    tubingen.milestones.update(image=image)
    submit(tubingen, "de")
    translate_strings(
        tubingen,
        "de",
        {"La vieille ville": "Die Altstadt", "Signature du jumelage": "Unterzeichnung"},
    )
    publish(tubingen, "de", django_capture_on_commit_callbacks)

    image.delete()
    sync(tubingen, "de", django_capture_on_commit_callbacks)

    german = in_locale(tubingen, "de")
    assert german.hero_image is None
    assert all(m.image_id is None for m in german.milestones.all())
    response = client_fr.get(german.url)
    assert response.status_code == 200
    assert "Unterzeichnung" in response.content.decode()


def test_each_translatable_object_has_exactly_one_translation_source(
    tubingen, story, tmp_path, django_capture_on_commit_callbacks
):
    theme = factories.CooperationThemeFactory(name="Culture")
    for obj in (tubingen, story, theme):
        submit(obj, "de")
    submit(tubingen, "en")
    sync(tubingen, "de", django_capture_on_commit_callbacks)
    locale("ar")
    call_command("export_translations", "--locale", "ar", "--out", str(tmp_path), verbosity=0)
    submit(story, "ar")

    sources = Counter(TranslationSource.objects.values_list("object_id", flat=True))
    assert sources[tubingen.translation_key] == 1
    assert sources[theme.translation_key] == 1
    assert set(sources.values()) == {1}
    translated_pages = Page.objects.filter(locale__language_code="fr", depth__gt=1)
    assert {p.translation_key for p in translated_pages} <= set(sources)
    assert CooperationTheme.objects.filter(translation_key=theme.translation_key).count() == 2


def test_translating_a_whole_subtree_leaves_a_valid_tree(client, cities_index, tubingen, perugia):
    factories.PartnershipMilestoneFactory(page=perugia, date="1970", title="Signature")
    admin_user(client)

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[cities_index.pk]),
        {"locales": [locale("de").pk, locale("ar").pk], "include_subtree": "on"},
    )

    assert response.status_code == 302
    assert Page.find_problems() == ([], [], [], [], [])
    for code in ("de", "ar"):
        german_index = in_locale(cities_index, code)
        children = PartnerCityPage.objects.child_of(german_index)
        assert {c.translation_key for c in children} == {
            tubingen.translation_key,
            perugia.translation_key,
        }
        assert {c.locale.language_code for c in children} == {code}
