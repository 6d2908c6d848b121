"""One index update per object saved in a block (twinning.localize.index_updates).

Guards the internals the module relies on: if Wagtail or modelsearch change how they
queue their index updates, these tests fail rather than leave an index wrong.
"""

import importlib.util
from collections import Counter

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry

from twinning.localize import index_updates

#: Wagtail 7.1 and later search through modelsearch, whose updates a block batches; with
#: the search built in (Wagtail 7.0), search updates go on as before, at each save.
SEARCH_BATCHED = importlib.util.find_spec("modelsearch") is not None


def references(page) -> Counter:
    """Where Wagtail says the page links to: the "Usage" of what it links to."""
    return Counter(
        ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(
            "to_content_type_id", "to_object_id", "model_path", "content_path"
        )
    )


def link_to(city) -> list:
    """A paragraph linking to ``city``, with a fixed block id (Wagtail draws one at random)."""
    value = f'<p>Voir <a linktype="page" id="{city.pk}">la ville</a>.</p>'
    return [{"type": "paragraph", "id": "p1", "value": value}]


def edit_twice(story, first, second):
    """Two edits of the story, published, each linking its text to another city."""
    story.body = link_to(first)
    story.save_revision().publish()
    story.body = link_to(second)
    story.save_revision().publish()


def index_queries(queries) -> int:
    return sum('"wagtailcore_referenceindex"' in query["sql"] for query in queries)


def search_writes(queries) -> int:
    return sum(
        '"wagtailsearch_indexentry"' in query["sql"] and not query["sql"].startswith("SELECT")
        for query in queries
    )


def index_writes(queries) -> int:
    return sum(
        '"wagtailcore_referenceindex"' in query["sql"]
        and query["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")
        for query in queries
    )


def search_entry(page) -> tuple:
    entry = IndexEntry.objects.get(object_id=str(page.pk))
    return entry.title, entry.autocomplete, entry.body, entry.title_norm


def test_internals_are_there_and_in_place():
    assert index_updates.references_supported()
    assert index_updates.search_supported() is SEARCH_BATCHED
    assert index_updates.search_installed() is SEARCH_BATCHED


def test_block_leaves_the_rows_wagtail_leaves_with_fewer_queries(story, tubingen, perugia):
    savepoint = transaction.savepoint()
    with CaptureQueriesContext(connection) as wagtail_queries:
        edit_twice(story, perugia, tubingen)
    wagtail_rows = references(story)
    wagtail_entry = search_entry(story)
    transaction.savepoint_rollback(savepoint)
    story = type(story).objects.get(pk=story.pk)

    with CaptureQueriesContext(connection) as block_queries, index_updates.once_per_object():
        edit_twice(story, perugia, tubingen)
        # Nothing written until the block ends.
        assert index_writes(block_queries.captured_queries) == 0
        if SEARCH_BATCHED:
            assert not search_writes(block_queries.captured_queries)

    assert references(story) == wagtail_rows
    assert search_entry(story) == wagtail_entry
    linked = {to_object_id for _, to_object_id, *_ in references(story)}
    assert str(tubingen.pk) in linked and str(perugia.pk) not in linked
    assert index_queries(block_queries.captured_queries) < index_queries(
        wagtail_queries.captured_queries
    )
    if SEARCH_BATCHED:
        assert search_writes(block_queries.captured_queries) < search_writes(
            wagtail_queries.captured_queries
        )


def test_object_deleted_in_the_block_leaves_the_index(story, tubingen):
    story.body = link_to(tubingen)
    story.save_revision().publish()
    assert references(story)
    story_pk = story.pk
    with index_updates.once_per_object():
        story.save_revision()
        story.delete()
    assert not ReferenceIndex.objects.filter(object_id=str(story_pk)).exists()
    assert not IndexEntry.objects.filter(object_id=str(story_pk)).exists()
