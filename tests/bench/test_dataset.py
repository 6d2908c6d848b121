"""The dataset generator at a tiny scale: what it builds must be a real, working site."""

from django.db import transaction
from django.test import Client

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from bench.dataset import build
from bench.scale import Scale
from twinning.models import ExchangeStoryPage, PartnerCityPage, PartnershipMilestone

SCALE = Scale(partners=2, stories=3, locales=2)


@pytest.fixture
def built(db, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    # wagtail-localize publishes translations on commit, which a test never reaches; the
    # generator runs in autocommit, where that happens at once.
    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
    return build(SCALE, "test", progress=False, images=1)


def test_every_story_is_live_in_every_language_as_a_real_translation(built):
    english = Locale.objects.get(language_code="en")
    stories = ExchangeStoryPage.objects.live()
    assert stories.filter(locale__language_code="fr").count() == SCALE.stories
    translated = stories.filter(locale=english)
    assert translated.count() == SCALE.stories
    assert not translated.filter(alias_of__isnull=False).exists()
    assert all(story.title.startswith("[en] ") for story in translated)
    assert built["live_pages"] == SCALE.pages + 1  # the tree's root is live too


def test_generated_pages_are_served_in_the_target_language(built):
    client = Client(HTTP_HOST="localhost")
    story = client.get(built["story_url"])
    city = client.get(built["city_url"])
    assert story.status_code == 200 and city.status_code == 200
    assert "[en] Récit d&#x27;échange n° 2" in story.content.decode()
    assert "[en] Signature du jumelage 1" in city.content.decode()


def test_generated_tree_is_consistent_for_the_page_explorer(built):
    assert Page.find_problems() == ([], [], [], [], [])
    french_index = ExchangeStoryPage.objects.filter(locale__language_code="fr").first().get_parent()
    assert french_index.get_children().count() == french_index.numchild == SCALE.stories + 1


def test_cloned_cities_keep_their_milestones_in_each_language(built):
    for city in PartnerCityPage.objects.live():
        milestones = list(PartnershipMilestone.objects.filter(page=city))
        assert len(milestones) == 4
        assert {m.locale_id for m in milestones} == {city.locale_id}


def test_cloned_story_can_be_resynced_by_wagtail_localize(built):
    story = ExchangeStoryPage.objects.get(pk=built["story_id"])
    source = TranslationSource.objects.get(object_id=story.translation_key)
    translation = Translation.objects.get(source=source, target_locale=story.locale)
    assert (
        StringTranslation.objects.filter(
            context__object_id=story.translation_key, locale=story.locale
        ).count()
        == source.stringsegment_set.count()
    )

    french = source.get_source_instance()
    french.summary = "Résumé revu"
    french.save_revision().publish()
    source.update_from_db()
    translation.save_target(publish=True)

    story.refresh_from_db()
    assert story.title == "[en] Récit d'échange n° 2"
    assert story.summary == "Résumé revu"  # a new string, not translated yet: source text
    assert story.live
