"""The translation workflow in Wagtail's admin: every hook of ``twinning.localize``.

The order matters where several hooks share a name: the ``before_edit_page`` hooks of the
translation memory and of the review bar run before the editor's footer rewrite, which
reads the props they added.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from twinning.compat import page_permission_policy
from twinning.localize import (
    bulk_submission_views,
    editor,
    language_trees,
    memory,
    publishing,
    review,
)
from twinning.localize.coverage_report import TranslationCoverageReportView
from twinning.localize.dashboard import TranslationDashboardPanel, user_edits_pages

hooks.register(
    "construct_translated_pages_to_cascade_actions", language_trees.cascade_to_language_trees
)
hooks.register("before_delete_page", language_trees.confirm_deleting_the_language_trees, order=100)
hooks.register("after_delete_page", language_trees.restore_alias_of_deleted_translation)
hooks.register("before_unpublish_page", language_trees.check_unpublishing_the_translations)
hooks.register("before_move_page", language_trees.move_with_the_language_trees, order=100)
hooks.register("before_bulk_action", language_trees.keep_bulk_actions_off_pages_with_copies)
hooks.register("register_admin_urls", memory.register_translation_memory_urls)
hooks.register("before_edit_page", memory.offer_suggestions, order=-1)
hooks.register("register_admin_urls", review.register_translation_review_urls)
hooks.register("before_edit_page", review.offer_submission_for_review, order=-1)
hooks.register("before_edit_page", editor.editor_without_destructive_main_action, order=-1)
hooks.register("register_admin_urls", publishing.register_update_translations_url, order=-1)
hooks.register("register_admin_urls", bulk_submission_views.register_translation_job_urls)


@hooks.register("register_admin_urls")
def register_translation_coverage_urls():
    return [
        path(
            "reports/translation-coverage/",
            TranslationCoverageReportView.as_view(),
            name="twinning_translation_coverage",
        ),
        path(
            "reports/translation-coverage/results/",
            TranslationCoverageReportView.as_view(results_only=True),
            name="twinning_translation_coverage_results",
        ),
    ]


class TranslationCoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_translation_coverage_menu_item():
    return TranslationCoverageMenuItem(
        _("Translation coverage"),
        reverse("twinning_translation_coverage"),
        name="translation-coverage",
        icon_name="site",
        order=9100,
    )


@hooks.register("construct_homepage_panels")
def add_translation_dashboard_panel(request, panels):
    if user_edits_pages(request):
        panels.append(TranslationDashboardPanel())


class TranslationJobsMenuItem(MenuItem):
    def is_shown(self, request):
        return bulk_submission_views.may_submit(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_jobs_menu_item():
    return TranslationJobsMenuItem(
        _("Translate a section"),
        reverse("twinning_submit_translation_job"),
        name="translate-section",
        icon_name="site",
        order=9200,
    )


@hooks.register("register_page_listing_more_buttons")
def translate_section_button(page, user, view_name=None, next_url=None):
    """Next to wagtail-localize's "Translate this page", for pages with pages below them."""
    if page.numchild and not page.is_root() and bulk_submission_views.may_submit(user):
        yield ListingButton(
            _("Translate this section"),
            reverse("twinning_submit_translation_job") + f"?page={page.pk}",
            priority=61,
            icon_name="site",
        )
