"""Translation costs with wagtail-localize: ``python -m bench.translation --db NAME``.

1. Submitting N new stories for translation into every other locale, as the admin's
   "Translate" action does (TranslationCreator, the baseline row "submit"), and as a
   translation job does (twinning.localize.bulk_submission, "submit_job": the task
   behind "Translate a section" and ``manage.py submit_translations``): seconds, queries
   per segment and per page and language.
2. Re-syncing one 200-segment page after its source changed, as "Sync translated pages"
   with "publish immediately" does: in one transaction, update_from_db, then save_target
   for each locale, the translations being published when it commits. The source side
   goes through twinning.localize.segment_refresh when the app installed it ("bulk_refresh").
Run last: it adds pages to the dataset.
"""

import argparse
import json
import os
import time
from contextlib import contextmanager

from bench.dataset import setup_django

RESYNC_SEGMENTS = 200
EDITED_PARAGRAPHS = 10


class QueryCounter:
    """Counts queries without keeping them: a million would not fit in memory."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


@contextmanager
def counting():
    from django.db import connection

    counter = QueryCounter()
    started = time.monotonic()
    with connection.execute_wrapper(counter):
        yield counter
    counter.seconds = time.monotonic() - started


def new_french_stories(count: int) -> list:
    """``count`` published French stories never submitted for translation, in bulk."""
    from django.db import transaction

    from wagtail.models import Page

    from bench.cloning import Batch, Cloner, Family, IdAllocator, Parent, reset_sequences
    from twinning.models import ExchangeStoryIndexPage, ExchangeStoryPage

    index = ExchangeStoryIndexPage.objects.get(locale__language_code="fr")
    template = (
        ExchangeStoryPage.objects.filter(locale_id=index.locale_id, live=False)
        .order_by("path")
        .first()
    )
    parent = {index.locale_id: Parent(index.pk, index.path, index.url_path)}
    cloner = Cloner(Family.read(template), parent, IdAllocator())
    existing = index.numchild
    batch, ids = Batch(), []
    for offset in range(1, count + 1):
        ids.append(
            cloner.clone(
                batch,
                900_000 + offset,
                step=existing + offset,
                specific={},
                m2m={"partner_cities": [], "themes": []},
                translated=False,
            )
        )
    with transaction.atomic():
        batch.flush()
        Page.objects.filter(pk=index.pk).update(numchild=existing + count)
        reset_sequences(cloner.ids.models())
    return list(ExchangeStoryPage.objects.filter(pk__in=ids).order_by("pk"))


def submit(count: int, locales, budget: float) -> dict:
    """Submit ``count`` stories one by one, each in its own transaction as in the admin.

    Stops after ``budget`` seconds and extrapolates linearly, so the whole benchmark
    keeps to its time; the result says how many were really submitted.
    """
    from django.db import transaction

    from wagtail_localize.operations import TranslationCreator

    stories = new_french_stories(count)
    done = []
    with counting() as counter:
        started = time.monotonic()
        for story in stories:
            with transaction.atomic():
                TranslationCreator(None, locales).create_translations(story)
            done.append(story)
            if time.monotonic() - started > budget:
                break
    return figures(count, done, locales, counter)


def submit_job(count: int, locales, budget: float) -> dict:
    """Submit ``count`` new stories as a translation job does, page by page with progress.

    Stops after ``budget`` seconds, as ``submit`` does.
    """
    from twinning.localize import bulk_submission
    from twinning.localize.models import TranslationJob

    stories = new_french_stories(count)
    job = TranslationJob.objects.create(root=stories[0].get_parent(), total=len(stories))
    job.locales.set(locales)
    done = []
    with counting() as counter:
        started = time.monotonic()
        for story in stories:
            bulk_submission.submit_in_batches(job, [story.pk], list(locales))
            done.append(story)
            if time.monotonic() - started > budget:
                break
    result = figures(count, done, locales, counter)
    result["created"] = job.created
    return result


def figures(count: int, done: list, locales, counter) -> dict:
    from wagtail_localize.models import StringSegment

    segments = StringSegment.objects.filter(
        source__object_id__in=[s.translation_key for s in done]
    ).count()
    per_story = counter.seconds / max(len(done), 1)
    return {
        "stories_requested": count,
        "stories": len(done),
        "locales": len(locales),
        "segments": segments,
        "seconds": round(counter.seconds, 2),
        "seconds_for_requested": round(per_story * count, 1),
        "extrapolated": len(done) < count,
        "queries": counter.count,
        "queries_per_segment": round(counter.count / max(segments, 1), 1),
        "ms_per_story": round(1000 * per_story, 1),
        "queries_per_page_and_locale": round(counter.count / max(len(done) * len(locales), 1), 1),
    }


def resync(locales) -> dict:
    import datetime

    from django.db import transaction

    from wagtail_localize.models import StringSegment, TranslationSource

    from bench.dataset import publish, translate_fully
    from twinning.localize import segment_refresh as translation_sync
    from twinning.models import ExchangeStoryIndexPage, ExchangeStoryPage

    index = ExchangeStoryIndexPage.objects.get(locale__language_code="fr")
    paragraphs = RESYNC_SEGMENTS - 3  # title, slug and summary are segments too
    body = [("paragraph", f"<p>Paragraphe {i} du long récit.</p>") for i in range(paragraphs)]
    page = index.add_child(
        instance=ExchangeStoryPage(
            title="Un long récit",
            slug="un-long-recit-bench",
            date=datetime.date(2024, 1, 1),
            summary="Deux cents segments à traduire.",
            body=body,
        )
    )
    publish(page)
    translate_fully(page, locales)

    page = ExchangeStoryPage.objects.get(pk=page.pk)
    for i in range(EDITED_PARAGRAPHS):
        page.body[i * 10] = ("paragraph", f"<p>Paragraphe {i * 10} revu et corrigé.</p>")
    publish(page)
    source = TranslationSource.objects.get(object_id=page.translation_key)
    with counting() as total, transaction.atomic():
        with counting() as update:
            source.update_from_db()
        # The view's form_valid is atomic: translations are published on commit, counted too.
        for translation in source.translations.filter(enabled=True).select_related("target_locale"):
            translation.save_target(publish=True)
    segments = StringSegment.objects.filter(source=source).count()
    save = total.count - update.count
    return {
        "segments": segments,
        "locales": len(locales),
        "edited_segments": EDITED_PARAGRAPHS,
        "bulk_refresh": translation_sync.is_installed(),
        "seconds": round(total.seconds, 2),
        "queries": total.count,
        "queries_per_segment": round(total.count / max(segments, 1), 1),
        "queries_per_segment_and_locale": round(total.count / max(segments * len(locales), 1), 2),
        "update_from_db_queries": update.count,
        "save_target_queries": save,
        "save_target_queries_per_locale": round(save / max(len(locales), 1), 1),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("BENCH_DB_NAME", "twinning_bench"))
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument(
        "--budget",
        type=float,
        default=150,
        help="seconds for each way of submitting; the rest is extrapolated",
    )
    parser.add_argument("--out", help="write the JSON here too")
    args = parser.parse_args(argv)
    setup_django(args.db)
    from wagtail.models import Locale

    others = list(Locale.objects.exclude(language_code="fr").order_by("pk"))
    result = {
        "resync": resync(others),
        "submit": submit(args.stories, others, args.budget),
        "submit_job": submit_job(args.stories, others, args.budget),
    }
    if args.out:
        with open(args.out, "w") as handle:
            json.dump(result, handle, indent=2)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
