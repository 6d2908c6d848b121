"""Submitting a whole section of the page tree for translation, as a job with progress.

wagtail-localize's "Translate" view submits one page, and its "Include subtree" option
runs the rest where nobody sees how far it got or what failed. A ``TranslationJob`` takes
a section (a page, with or without the pages below it) and the languages; a background
task (``tasks.run_translation_job``) or ``manage.py submit_translations`` submits its
pages one by one, in tree order so that parents are translated before their children,
each in its own transaction, and counts what it did after each page.

A page is submitted as wagtail-localize's view submits it: ``TranslationCreator`` makes
the source, its segments, a ``Translation`` and a draft page per language. Languages the
page is already translated into (a page of its own, not an alias) are skipped, as that
view leaves them out of its form; the job says which. The reference and search indexes
are updated once per object the submission saves rather than once per save
(``index_updates``): the same rows, about a quarter fewer queries.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import LogContext
from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator

from twinning.localize import index_updates
from twinning.localize.models import TranslationJob

logger = logging.getLogger(__name__)

Status = TranslationJob.Status

#: Pages read at once while a job runs.
BATCH = 100
#: Pages already translated the job lists by name (the count includes every one).
SKIPPED_LISTED = 100


@dataclass
class PageOutcome:
    page: Page
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    error: str = ""


def section_pages(root: Page, include_descendants: bool):
    """The pages a job submits, in tree order (parents first)."""
    if not include_descendants:
        return Page.objects.filter(pk=root.pk)
    return Page.objects.descendant_of(root, inclusive=True).order_by("path")


def check(root: Page | None, locales: Iterable[Locale]) -> list[str]:
    """Why a job for ``root`` into ``locales`` cannot run (nothing when it can)."""
    problems = []
    locales = list(locales)
    if root is None:
        return [_("Choose the page to translate.")]
    if root.is_root():
        problems.append(_("The root of the page tree cannot be translated: choose a page."))
    if not locales:
        problems.append(_("Choose at least one language."))
    for locale in locales:
        if locale.pk == root.locale_id:
            problems.append(
                _("“%(title)s” is written in %(language)s already.")
                % {"title": root.title, "language": locale.get_display_name()}
            )
    return problems


def create_job(
    root: Page, locales: Iterable[Locale], *, include_descendants: bool, user=None
) -> TranslationJob:
    """A queued job, checked first: ``ValidationError`` says why it cannot run."""
    locales = list(locales)
    problems = check(root, locales)
    if problems:
        raise ValidationError(problems)
    job = TranslationJob.objects.create(
        root=root,
        include_descendants=include_descendants,
        user=user,
        total=section_pages(root, include_descendants).count(),
    )
    job.locales.set(locales)
    return job


def enqueue(job: TranslationJob) -> None:
    """Run the job in the background once the current transaction commits."""
    job_id = job.pk

    def queue():
        from twinning.localize.tasks import run_translation_job

        try:
            run_translation_job.enqueue(job_id)
        except Exception:
            logger.exception("Could not queue translation job %s.", job_id)
            TranslationJob.objects.filter(pk=job_id, status=Status.QUEUED).update(
                status=Status.FAILED,
                finished_at=timezone.now(),
                errors=[{"page": None, "title": "", "message": _("The job could not be queued.")}],
            )

    transaction.on_commit(queue)


def run_job(
    job_id: int, *, on_page: Callable[[TranslationJob, PageOutcome], None] | None = None
) -> TranslationJob:
    """Submit the job's pages, saving its progress after each; ``on_page`` hears of each."""
    claimed = TranslationJob.objects.filter(pk=job_id, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=timezone.now()
    )
    job = TranslationJob.objects.select_related("root", "user").get(pk=job_id)
    if not claimed:
        return job  # run elsewhere already
    try:
        locales = list(job.locales.order_by("language_code"))
        ids = list(section_pages(job.root, job.include_descendants).values_list("pk", flat=True))
        job.total = len(ids)
        job.save(update_fields=["total"])
        submit_in_batches(job, ids, locales, on_page=on_page)
    except Exception as error:
        logger.exception("Translation job %s failed.", job_id)
        job.status = Status.FAILED
        job.errors = [*job.errors, {"page": None, "title": "", "message": str(error)}]
    else:
        job.status = Status.FINISHED
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "errors", "finished_at"])
    return job


def submit_in_batches(
    job: TranslationJob,
    ids: list[int],
    locales: list[Locale],
    *,
    on_page: Callable[[TranslationJob, PageOutcome], None] | None = None,
) -> None:
    """Submit the pages ``ids`` (in that order) for ``job``, recording each outcome."""
    # Logged as the request that queued the job would have been: by its user.
    with LogContext(user=job.user):
        for start in range(0, len(ids), BATCH):
            for outcome in submit_pages(ids[start : start + BATCH], locales, job.user):
                record(job, outcome)
                if on_page is not None:
                    on_page(job, outcome)


def record(job: TranslationJob, outcome: PageOutcome) -> None:
    """Count one page's outcome, in the job's row at once (the admin polls it)."""
    page = {"page": outcome.page.pk, "title": outcome.page.title}
    job.done += 1
    job.created += len(outcome.created)
    job.skipped += len(outcome.skipped)
    fields = {"done": F("done") + 1}
    if outcome.created:
        fields["created"] = F("created") + len(outcome.created)
    if outcome.skipped:
        fields["skipped"] = F("skipped") + len(outcome.skipped)
        if len(job.skipped_pages) < SKIPPED_LISTED:
            job.skipped_pages = [*job.skipped_pages, {**page, "locales": outcome.skipped}]
            fields["skipped_pages"] = job.skipped_pages
    if outcome.error:
        job.errors = [*job.errors, {**page, "message": outcome.error}]
        fields["errors"] = job.errors
    TranslationJob.objects.filter(pk=job.pk).update(**fields)


def submit_pages(ids: list[int], locales: list[Locale], user) -> Iterable[PageOutcome]:
    """Submit each page into the locales it is not translated into yet, one at a time."""
    pages = Page.objects.filter(pk__in=ids).specific().in_bulk()
    keys = [page.translation_key for page in pages.values()]
    translated = set(
        Page.objects.filter(translation_key__in=keys, alias_of__isnull=True).values_list(
            "translation_key", "locale_id"
        )
    )
    for pk in ids:
        page = pages.get(pk)
        if page is None:
            continue  # deleted since the job started
        outcome = PageOutcome(page)
        targets = []
        for locale in locales:
            if locale.pk == page.locale_id:
                continue
            if (page.translation_key, locale.pk) in translated:
                outcome.skipped.append(locale.language_code)
            else:
                targets.append(locale)
        if targets:
            try:
                outcome.created = submit_page(page, targets, user)
            except Exception as error:
                logger.exception("Could not submit page %s for translation.", page.pk)
                outcome.error = str(error) or error.__class__.__name__
            missing = [
                locale.language_code
                for locale in targets
                if locale.language_code not in outcome.created
            ]
            if missing and not outcome.error:
                outcome.error = _("The page could not be created in: %(languages)s.") % {
                    "languages": ", ".join(missing)
                }
        yield outcome


def submit_page(page: Page, locales: list[Locale], user) -> list[str]:
    """What wagtail-localize's "Translate" view does for one page; the languages it made.

    wagtail-localize keeps quiet when a draft fails validation: the caller reports the
    languages missing from the result.
    """
    with transaction.atomic(), index_updates.once_per_object():
        TranslationCreator(user, locales).create_translations(page)
    made = set(
        Page.objects.filter(
            translation_key=page.translation_key, locale__in=locales, alias_of__isnull=True
        ).values_list("locale__language_code", flat=True)
    )
    return [locale.language_code for locale in locales if locale.language_code in made]
