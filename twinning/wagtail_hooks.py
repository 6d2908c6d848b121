from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

# Imported for the hooks and receivers they register.
from . import (  # noqa: F401
    language_trees,
    translation_drafts,
    translation_editor,
    translation_memory,
    translation_publishing,
)
from .dashboard import TranslationDashboardPanel, user_edits_pages
from .models import CooperationTheme
from .translation_review import offer_submission_for_review  # noqa: F401  (registers hooks)
from .views.coverage import TranslationCoverageReportView
from .viewsets import ActorViewSet


class CooperationThemeViewSet(SnippetViewSet):
    model = CooperationTheme
    icon = "tag"
    menu_label = _("Cooperation themes")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


register_snippet(CooperationThemeViewSet)
register_snippet(ActorViewSet)


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
        return policy_registry.get_by_type(Page).user_has_any_permission(
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
