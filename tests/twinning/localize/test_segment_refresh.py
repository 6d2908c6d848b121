"""Re-syncing translation sources in bulk (twinning.localize.segment_refresh).

Each equivalence test runs the same change twice from the same database state, once
through wagtail-localize's own ``refresh_segments`` and once through the bulk one, and
compares every row they leave: segments of the four kinds, strings, contexts, templates,
translatable objects and translations. Rows that existed before must keep their ids;
only rows wagtail-localize itself creates may get other ids.
"""

import warnings
from collections import Counter
from contextlib import contextmanager

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import wagtail_localize
from wagtail.rich_text import RichText
from wagtail_localize.fields import TranslatableField
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    SegmentOverride,
    String,
    StringSegment,
    StringTranslation,
    Template,
    TemplateSegment,
    TranslatableObject,
    TranslationContext,
    TranslationSource,
)

import pytest

from tests import factories
from tests.twinning.localize_helpers import (
    admin_user,
    in_locale,
    submit,
    translate_strings,
    translation_of,
)
from twinning.localize import segment_refresh as translation_sync
from twinning.models import ExchangeStoryPage, PartnershipMilestone

ORIGINAL = translation_sync.original_refresh_segments
BULK = translation_sync.refresh_segments

# Every row a refresh may write, as the fields that say what it is; foreign keys by the
# natural key of the row they point to, so rows created by either run compare equal.
TABLES = {
    TranslationContext: ("object_id", "path", "path_id", "field_path"),
    String: ("locale_id", "data_hash", "data"),
    Template: ("uuid", "template", "template_format", "string_count"),
    TranslatableObject: ("translation_key", "content_type_id"),
    StringSegment: (
        "source__object_id",
        "source__locale_id",
        "order",
        "context__object_id",
        "context__path",
        "string__locale_id",
        "string__data_hash",
        "attrs",
    ),
    TemplateSegment: (
        "source__object_id",
        "source__locale_id",
        "order",
        "context__object_id",
        "context__path",
        "template__uuid",
    ),
    RelatedObjectSegment: (
        "source__object_id",
        "source__locale_id",
        "order",
        "context__object_id",
        "context__path",
        "object_id",
    ),
    OverridableSegment: (
        "source__object_id",
        "source__locale_id",
        "order",
        "context__object_id",
        "context__path",
        "data_json",
    ),
    StringTranslation: (
        "translation_of__data_hash",
        "locale_id",
        "context__path",
        "data",
        "translation_type",
    ),
    SegmentOverride: ("locale_id", "context__path", "data_json"),
}


def existing_ids() -> dict:
    return {model: set(model.objects.values_list("pk", flat=True)) for model in TABLES}


def snapshot(before: dict) -> dict:
    """Every row of TABLES, with its id when it existed ``before`` (else "new")."""
    return {
        model.__name__: Counter(
            (pk if pk in before[model] else "new", *fields)
            for pk, *fields in model.objects.values_list("pk", *TABLES[model])
        )
        for model in TABLES
    }


@contextmanager
def refreshing_with(implementation):
    """Run wagtail-localize with ``implementation`` as TranslationSource.refresh_segments."""
    saved = TranslationSource.refresh_segments
    TranslationSource.refresh_segments = implementation
    try:
        yield
    finally:
        TranslationSource.refresh_segments = saved


def outcome(implementation, action) -> dict:
    """The rows ``action`` leaves with ``implementation``; then the change is rolled back."""
    before = existing_ids()
    savepoint = transaction.savepoint()
    try:
        with refreshing_with(implementation):
            action()
        return snapshot(before)
    finally:
        transaction.savepoint_rollback(savepoint)


def assert_same_outcome(action) -> dict:
    """Both implementations leave the same rows, and the action did change some."""
    start = snapshot(existing_ids())
    original = outcome(ORIGINAL, action)
    bulk = outcome(BULK, action)
    assert original != start
    for table in original:
        assert bulk[table] == original[table], table
    return original


def resync(obj):
    """What "Sync translated pages" starts with: extract the source again."""
    return lambda: TranslationSource.objects.get(object_id=obj.translation_key).update_from_db()


def new_rows(state: dict, table: str) -> int:
    return sum(count for row, count in state[table].items() if row[0] == "new")


# --- content -------------------------------------------------------------------------


@pytest.fixture
def image(db):
    return factories.ImageFactory()


def rich_body(image, page):
    """One block of every kind that yields segments, with fixed ids to edit in place."""
    return [
        {
            "type": "paragraph",
            "id": "p1",
            "value": '<p>Un <a href="https://example.org/tubingen">lien</a> et du <b>gras</b>.</p>'
            "<p>Second paragraphe.</p>",
        },
        {"type": "heading", "id": "h1", "value": {"text": "Les échanges", "level": "h2"}},
        {
            "type": "image",
            "id": "i1",
            "value": {
                "image": image.pk,
                "alt_text": "Des élèves",
                "caption": "Au lycée",
                "credit": "Aix",
            },
        },
        {"type": "quote", "id": "q1", "value": {"text": "Une amitié.", "attribution": "Le maire"}},
        {
            "type": "gallery",
            "id": "g1",
            "value": {
                "title": "En images",
                "images": [
                    {
                        "type": "item",
                        "id": "g1a",
                        "value": {
                            "image": image.pk,
                            "alt_text": "Le pont",
                            "caption": "",
                            "credit": "",
                        },
                    }
                ],
            },
        },
        {
            "type": "key_figures",
            "id": "k1",
            "value": {
                "figures": [
                    {"type": "item", "id": "k1a", "value": {"value": "120", "label": "élèves"}}
                ]
            },
        },
        {
            "type": "call_to_action",
            "id": "c1",
            "value": {"text": "En savoir plus", "page": page.pk, "url": ""},
        },
        {"type": "paragraph", "id": "p2", "value": "<p>Un texte que deux récits partagent.</p>"},
    ]


def block(page, block_id):
    return next(child for child in page.body if child.id == block_id)


def publish_source(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def rich_story(stories_index, tubingen, image):
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Un long récit", slug="long-recit", partner_cities=[tubingen]
    )
    story.body = rich_body(image, tubingen)
    story = publish_source(story)
    submit(story, "de", "it")
    return story


def test_first_extraction_of_a_story_writes_the_same_rows(stories_index, tubingen, image):
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Récit neuf", slug="recit-neuf", partner_cities=[tubingen]
    )
    story.body = rich_body(image, tubingen)
    story = publish_source(story)

    state = assert_same_outcome(lambda: TranslationSource.get_or_create_from_instance(story))

    # Every kind the story has: strings, rich text templates, links and images to override.
    assert new_rows(state, "StringSegment") >= 10
    assert new_rows(state, "TemplateSegment") == 2
    assert new_rows(state, "OverridableSegment") >= 3


def test_resync_after_editing_adding_moving_and_removing_blocks(rich_story, image, tubingen):
    body = {child["id"]: child for child in rich_body(image, tubingen)}
    body["p1"]["value"] = (
        '<p>Un <a href="https://example.org/autre">lien</a> revu.</p><p>Second paragraphe.</p>'
    )
    body["h1"]["value"]["text"] = "Les échanges scolaires"
    del body["q1"], body["k1"]
    added = {"type": "paragraph", "id": "p3", "value": "<p>Un bloc ajouté.</p>"}
    # The new block goes second and the heading last: every order after them changes.
    story = ExchangeStoryPage.objects.get(pk=rich_story.pk)
    story.body = [body["p1"], added, body["i1"], body["g1"], body["c1"], body["p2"], body["h1"]]
    story.summary = "Un résumé revu."
    story = publish_source(story)

    state = assert_same_outcome(resync(story))

    assert new_rows(state, "StringSegment") > 0
    assert new_rows(state, "String") >= 3  # the new link text, heading, summary and block


def test_resync_of_a_city_with_inline_milestones(tubingen):
    submit(tubingen, "de")
    city = type(tubingen).objects.get(pk=tubingen.pk)
    signing, _award = city.milestones.order_by("sort_order")
    signing.title = "Signature de la charte"
    added = PartnershipMilestone(
        date="1986", kind="exchange", title="Premier échange", description="Des lycéens."
    )
    city.milestones = [signing, added]
    city.intro = "Tübingen, ville universitaire."
    city = publish_source(city)

    state = assert_same_outcome(resync(city))

    new_paths = {row[2] for row in state["TranslationContext"] if row[0] == "new"}
    assert f"milestones.{added.translation_key}.description" in new_paths
    new_strings = {row[3] for row in state["String"] if row[0] == "new"}
    assert {"Signature de la charte", "Premier échange"} <= new_strings


def test_resync_of_rich_text_in_a_rich_text_field(stories_index):
    stories_index.intro = '<p>Les <a href="https://example.org/a">récits</a> des échanges.</p>'
    stories_index.save_revision().publish()
    submit(stories_index, "de")
    index = type(stories_index).objects.get(pk=stories_index.pk)
    index.intro = (
        '<p>Tous les <a href="https://example.org/b">récits</a>.</p><p><i>Enfin</i> traduits.</p>'
    )
    index = publish_source(index)

    state = assert_same_outcome(resync(index))

    assert new_rows(state, "TemplateSegment") == 1
    assert new_rows(state, "OverridableSegment") == 1


def test_strings_shared_between_pages_stay_shared(rich_story, stories_index, tubingen, image):
    other = factories.ExchangeStoryPageFactory(
        parent=stories_index, title="Un autre récit", slug="autre-recit", partner_cities=[tubingen]
    )
    other.body = [rich_body(image, tubingen)[-1]]
    other = publish_source(other)
    submit(other, "de")
    shared = String.objects.get(data="Un texte que deux récits partagent.")
    story = ExchangeStoryPage.objects.get(pk=rich_story.pk)
    story.body = [child for child in story.body.raw_data if child["id"] != "p2"]
    story = publish_source(story)

    state = assert_same_outcome(resync(story))

    # The story no longer uses the string; the other story still does, through the same row.
    assert (shared.pk, shared.locale_id, shared.data_hash, shared.data) in state["String"]
    other_segments = [row for row in state["StringSegment"] if row[1] == other.translation_key]
    assert shared.data_hash in [row[7] for row in other_segments]


def test_resync_of_snippets(db):
    theme = factories.CooperationThemeFactory(name="Mobilité", description="Partir étudier.")
    actor = factories.ActorFactory(name="Lycée Zola", description="Échanges scolaires.")
    submit(theme, "de")
    submit(actor, "de")
    theme.description = "Partir étudier ou travailler."
    theme.save()
    actor.name = "Lycée Émile-Zola"
    actor.save()

    assert_same_outcome(resync(theme))
    assert_same_outcome(resync(actor))


def test_related_object_segments(rich_story, monkeypatch, home):
    """No twinning field translates a link to another object yet: make the story's event one."""
    monkeypatch.setattr(
        ExchangeStoryPage,
        "translatable_fields",
        [*ExchangeStoryPage.translatable_fields, TranslatableField("event")],
    )
    events = factories.EventIndexPageFactory(parent=home)
    story = ExchangeStoryPage.objects.get(pk=rich_story.pk)
    story.event = factories.EventPageFactory(parent=events, title="Fête de l'Europe")
    story = publish_source(story)

    state = assert_same_outcome(resync(story))
    assert new_rows(state, "RelatedObjectSegment") == 1

    TranslationSource.objects.get(object_id=story.translation_key).update_from_db()
    story.event = factories.EventPageFactory(parent=events, title="Marché de Noël")
    story = publish_source(story)

    state = assert_same_outcome(resync(story))
    assert new_rows(state, "RelatedObjectSegment") == 1
    assert new_rows(state, "TranslatableObject") == 1


def test_contexts_without_a_field_path_get_one_as_wagtail_localize_does(rich_story):
    """Contexts saved before wagtail-localize 1.0 have no field path; a refresh fills it in."""
    TranslationContext.objects.filter(object_id=rich_story.translation_key).update(field_path="")

    state = assert_same_outcome(resync(rich_story))

    assert all(row[4] for row in state["TranslationContext"])


# --- cost ----------------------------------------------------------------------------


def long_story(stories_index, tubingen, paragraphs: int, locales=("de",)):
    story = factories.ExchangeStoryPageFactory(
        parent=stories_index,
        title=f"Récit de {paragraphs} paragraphes",
        slug=f"recit-{paragraphs}",
        partner_cities=[tubingen],
    )
    story.body = [
        {"type": "paragraph", "id": f"p{i}", "value": f"<p>Paragraphe {i} sur {paragraphs}.</p>"}
        for i in range(paragraphs)
    ]
    story = publish_source(story)
    submit(story, *locales)
    for i in (0, paragraphs // 2):
        block(story, f"p{i}").value = RichText(f"<p>Paragraphe {i} revu.</p>")
    return publish_source(story)


def queries(action) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def queries_with(implementation, action) -> int:
    """Queries ``action`` costs with ``implementation``; then the change is rolled back."""
    savepoint = transaction.savepoint()
    try:
        with refreshing_with(implementation):
            return queries(action)
    finally:
        transaction.savepoint_rollback(savepoint)


def test_resync_costs_the_same_queries_for_20_or_200_segments(
    stories_index, tubingen, django_assert_max_num_queries
):
    small = resync(long_story(stories_index, tubingen, 20))
    large = resync(long_story(stories_index, tubingen, 200))
    # wagtail-localize's own costs several queries per segment.
    assert queries_with(ORIGINAL, large) > 5 * 200
    small_queries = queries_with(BULK, small)
    with refreshing_with(BULK), django_assert_max_num_queries(small_queries + 2):
        large()


def test_whole_sync_into_three_locales_does_not_grow_with_segments(
    stories_index, tubingen, django_capture_on_commit_callbacks
):
    """update_from_db, then save_target per locale, as "Sync translated pages" publishes."""
    counts = []
    for paragraphs in (20, 200):
        story = long_story(stories_index, tubingen, paragraphs, locales=("de", "it", "es"))
        source = TranslationSource.objects.get(object_id=story.translation_key)
        with (
            refreshing_with(BULK),
            CaptureQueriesContext(connection) as captured,
            django_capture_on_commit_callbacks(execute=True),
        ):
            source.update_from_db()
            for translation in source.translations.filter(enabled=True):
                translation.save_target(publish=True)
        counts.append(len(captured))
    small, large = counts
    assert large - small <= 2, counts


def city_with_milestones(cities_index, count: int):
    city = factories.PartnerCityPageFactory(parent=cities_index, title=f"Ville à {count} étapes")
    for year in range(count):
        factories.PartnershipMilestoneFactory(
            page=city, date=str(1960 + year), title=f"Étape {year}", sort_order=year
        )
    city = publish_source(city)
    submit(city, "de", "it")
    city = type(city).objects.get(pk=city.pk)
    city.milestones.add(PartnershipMilestone(date="2020", kind="exchange", title="Nouvelle étape"))
    for milestone in city.milestones.all()[: count // 2]:
        milestone.description = f"{milestone.title}, racontée."
    return publish_source(city)


def test_city_resync_costs_no_query_per_milestone_segment(cities_index):
    """Rebuilding the page from its stored content checks each milestone's foreign keys
    (two queries, modelcluster's); the segments of the milestones cost nothing more."""
    small = resync(city_with_milestones(cities_index, 2))
    large = resync(city_with_milestones(cities_index, 12))
    bulk_small, bulk_large = queries_with(BULK, small), queries_with(BULK, large)
    assert bulk_large - bulk_small <= 2 * 10 + 2, (bulk_small, bulk_large)
    original_small, original_large = queries_with(ORIGINAL, small), queries_with(ORIGINAL, large)
    assert original_large - original_small > 5 * 10, (original_small, original_large)


# --- what translators see --------------------------------------------------------------


def test_sync_translated_pages_keeps_translations_of_unchanged_text(
    rich_story, client, django_capture_on_commit_callbacks
):
    translate_strings(
        rich_story,
        "de",
        {
            "Second paragraphe.": "Zweiter Absatz.",
            "Les échanges": "Der Austausch",
            "Un texte que deux récits partagent.": "Ein Text, den zwei Geschichten teilen.",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation_of(rich_story, "de").save_target(publish=True)
    story = ExchangeStoryPage.objects.get(pk=rich_story.pk)
    block(story, "h1").value["text"] = "Les échanges scolaires"
    publish_source(story)
    source = TranslationSource.objects.get(object_id=story.translation_key)
    admin_user(client)

    with refreshing_with(BULK), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )

    assert response.status_code == 302
    german = in_locale(rich_story, "de")
    # A changed French text is not translated yet: readers keep the published version...
    assert german.live and "Der Austausch" in str(german.body)
    # ...and the synced draft keeps every translation of unchanged text.
    html = str(german.get_latest_revision_as_object().body)
    assert "Zweiter Absatz." in html
    assert "Ein Text, den zwei Geschichten teilen." in html
    assert "Les échanges scolaires" in html  # changed: French until translated
    assert "Der Austausch" not in html


# --- installation --------------------------------------------------------------------


def test_install_replaces_refresh_segments_and_uninstall_restores_it():
    saved = TranslationSource.refresh_segments
    try:
        assert translation_sync.install() is True
        assert translation_sync.is_installed()
        translation_sync.uninstall()
        assert TranslationSource.refresh_segments is ORIGINAL
    finally:
        TranslationSource.refresh_segments = saved


def test_install_keeps_wagtail_localize_own_code_on_another_release(monkeypatch):
    monkeypatch.setattr(wagtail_localize, "VERSION", (1, 15, 0, "final", 0))
    saved = TranslationSource.refresh_segments
    try:
        TranslationSource.refresh_segments = ORIGINAL
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert translation_sync.install() is False
        assert TranslationSource.refresh_segments is ORIGINAL
        assert "1.14.x" in str(caught[0].message)
    finally:
        TranslationSource.refresh_segments = saved


def test_the_app_installs_the_bulk_refresh_when_ready():
    assert translation_sync.is_installed()
