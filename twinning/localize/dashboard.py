"""The editors' dashboard panel: how far the site is translated, and which stories wait for review.

Editors open the admin on the dashboard every day; the two questions they have are "which
language is falling behind?" and "which stories are waiting for me?". The figures come from
``translation_status.coverage_for`` (one definition of "translated" and "out of date" for the
whole project) and from Wagtail's workflow states, in a fixed number of queries.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.urls import reverse

from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, WorkflowState

from twinning.compat import page_permission_policy
from twinning.localize.status import coverage_for, source_locale
from twinning.models import ExchangeStoryPage

#: How many waiting stories the panel lists; the workflow report has the rest.
AWAITING_LIMIT = 10


@dataclass(frozen=True)
class LanguageCoverage:
    """One language's row: live source pages that have a live, real translation."""

    locale: Locale
    total: int
    translated: int
    out_of_date: int
    #: Translations (live or not) with a newer version waiting for a reviewer.
    awaiting_review: int = 0

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else self.translated * 100 // self.total


@dataclass(frozen=True)
class AwaitingStory:
    page: Page
    edit_url: str
    task_name: str
    requested_by: str
    submitted_at: object


def language_coverage() -> list[LanguageCoverage]:
    """Per target language, how many live source pages are translated and live there.

    Alias pages are not translations, nor are translations published with none of their
    text translated (readers get the source's text); a translation counts as out of date
    when the source changed after it was last saved from it. Translations awaiting review
    are counted apart: readers still see the live version, or nothing.
    """
    source = source_locale()
    locales = [locale for locale in Locale.objects.order_by("language_code") if locale != source]
    pages = list(
        Page.objects.filter(locale=source, live=True, depth__gt=1).only(
            "pk", "translation_key", "locale_id"
        )
    )
    coverage = coverage_for(pages, locales) if locales else {}
    rows = []
    for locale in locales:
        figures = [coverage[page.translation_key][locale.language_code] for page in pages]
        translated = [figure for figure in figures if figure.translated]
        rows.append(
            LanguageCoverage(
                locale=locale,
                total=len(pages),
                translated=len(translated),
                out_of_date=sum(1 for figure in translated if figure.out_of_date),
                awaiting_review=sum(1 for figure in figures if figure.awaiting_review),
            )
        )
    return rows


def stories_awaiting_review(limit: int = AWAITING_LIMIT) -> list[AwaitingStory]:
    """Stories with a workflow in progress, oldest request first: reviewers clear a queue."""
    states = list(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            content_type=ContentType.objects.get_for_model(ExchangeStoryPage),
        )
        .select_related("current_task_state__task", "requested_by")
        .order_by("created_at", "pk")[:limit]
    )
    pages = ExchangeStoryPage.objects.filter(
        pk__in=[int(state.object_id) for state in states]
    ).select_related("locale")
    by_id = {page.pk: page for page in pages}
    awaiting = []
    for state in states:
        page = by_id.get(int(state.object_id))
        if page is None:
            continue
        task = state.current_task_state.task if state.current_task_state else None
        awaiting.append(
            AwaitingStory(
                page=page,
                edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                task_name=task.name if task else "",
                requested_by=state.requested_by.get_full_name() or state.requested_by.get_username()
                if state.requested_by
                else "",
                submitted_at=state.created_at,
            )
        )
    return awaiting


class TranslationDashboardPanel(Component):
    """Translation coverage per language and the stories awaiting review."""

    name = "twinning_translation_dashboard"
    template_name = "twinning/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["languages"] = language_coverage()
        context["awaiting"] = stories_awaiting_review()
        context["coverage_report_url"] = reverse("twinning_translation_coverage")
        return context


def user_edits_pages(request: HttpRequest) -> bool:
    return page_permission_policy().user_has_any_permission(
        request.user, ["add", "change", "publish"]
    )
