"""Translations sent by partners, in the admin.

"Translations from partners" (Settings) lists every file a partner sent: a page's goes to
the page's moderation workflow, so its row links to the page; a snippet's (snippets have
no drafts) is approved or sent back for changes here. An editor opening a page whose
latest draft a partner sent is told so by a message above the editor, from a
``before_edit_page`` hook (Wagtail 7.0 and 8.0, and wagtail-localize's translation editor,
which shows the view's messages).
"""

from django import forms
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from twinning.partners import contributions
from twinning.partners.contributions import Refused
from twinning.partners.models import TranslationContribution

PERMISSION = "twinning_partners.change_translationcontribution"
TEMPLATES = "twinning/partners/contributions/"
PER_PAGE = 50


def may_review(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class ChangesForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What should the partner change?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Sent to the partner by e-mail and to its webhook."),
    )


def row(contribution: TranslationContribution) -> dict:
    model = contribution.content_type.model_class()
    is_page = model is not None and issubclass(model, Page)
    obj = contributions.contributed_object(contribution)
    if is_page:
        link = reverse("wagtailadmin_pages:edit", args=[obj.pk]) if obj is not None else ""
        title = obj.get_admin_display_title() if obj is not None else "-"
    else:
        link = ""
        source = model._default_manager.filter(translation_key=contribution.translation_key)
        title = str(obj or source.first() or "-")
    return {
        "contribution": contribution,
        "is_page": is_page,
        "kind": model._meta.verbose_name if model is not None else "-",
        "title": title,
        "link": link,
        "partner": contributions.partner_name(contribution.access),
        "pending_snippet": not is_page
        and contribution.status == TranslationContribution.Status.IN_REVIEW,
    }


@user_passes_test(may_review)
def index(request):
    found = TranslationContribution.objects.select_related(
        "access__partner", "locale", "content_type", "reviewed_by"
    )
    status = request.GET.get("status")
    if status in TranslationContribution.Status.values:
        found = found.filter(status=status)
    return TemplateResponse(
        request,
        TEMPLATES + "index.html",
        {
            "rows": [row(contribution) for contribution in found[:PER_PAGE]],
            "statuses": TranslationContribution.Status.choices,
            "status": status,
        },
    )


def held_snippet(request, pk: int) -> TranslationContribution:
    contribution = get_object_or_404(
        TranslationContribution.objects.select_related("access", "locale", "content_type"),
        pk=pk,
        status=TranslationContribution.Status.IN_REVIEW,
    )
    model = contribution.content_type.model_class()
    if model is None or issubclass(model, Page):
        raise PermissionDenied  # a page's draft is reviewed in its workflow
    if not request.user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
        raise PermissionDenied
    return contribution


@user_passes_test(may_review)
@require_http_methods(["POST"])
def approve(request, pk: int):
    contribution = held_snippet(request, pk)
    try:
        obj = contributions.approve_snippet(contribution, request.user)
    except Refused as refusal:
        messages.error(
            request,
            _("The translation could not be applied: %(reason)s Request changes instead.")
            % {"reason": refusal.message},
        )
    else:
        messages.success(
            request,
            _("The %(language)s translation of “%(title)s” is applied.")
            % {"language": contribution.locale.get_display_name(), "title": str(obj)},
        )
    return redirect("twinning_partners_contributions")


@user_passes_test(may_review)
@require_http_methods(["GET", "POST"])
def request_changes(request, pk: int):
    contribution = held_snippet(request, pk)
    form = ChangesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contributions.request_changes_to_snippet(
            contribution, request.user, form.cleaned_data["comment"]
        )
        messages.success(
            request,
            _("%(partner)s is asked for changes.")
            % {"partner": contributions.partner_name(contribution.access)},
        )
        return redirect("twinning_partners_contributions")
    return TemplateResponse(
        request,
        TEMPLATES + "request_changes.html",
        {"form": form, "item": row(contribution)},
    )


@hooks.register("register_admin_urls")
def register_contribution_urls():
    return [
        path("partners/translations/", index, name="twinning_partners_contributions"),
        path(
            "partners/translations/<int:pk>/approve/",
            approve,
            name="twinning_partners_contribution_approve",
        ),
        path(
            "partners/translations/<int:pk>/request-changes/",
            request_changes,
            name="twinning_partners_contribution_changes",
        ),
    ]


class ContributionsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_review(request.user)


@hooks.register("register_settings_menu_item")
def register_contributions_menu_item():
    return ContributionsMenuItem(
        gettext_lazy("Translations from partners"),
        reverse("twinning_partners_contributions"),
        icon_name="globe",
        order=620,
    )


@hooks.register("register_log_actions")
def register_contribution_log_action(actions):
    @actions.register_action(contributions.LOG_ACTION)
    class ContributionFormatter(LogFormatter):
        label = gettext_lazy("Translation sent by a partner")

        def format_message(self, log_entry):
            partner = log_entry.data.get("partner", {})
            return _("Translation sent by %(partner)s (%(contact)s)") % {
                "partner": partner.get("title", "?"),
                "contact": partner.get("contact", "?"),
            }


# Before wagtail-localize's hook (order 0) and the review bar's (-1): the translation
# editor shows the messages added before it answers.
@hooks.register("before_edit_page", order=-2)
def say_who_contributed(request, page):
    if request.method != "GET":
        return None
    contribution = contributions.contribution_for_revision(page)
    if contribution is None:
        return None
    messages.info(
        request,
        _("This draft is a %(language)s translation sent by %(partner)s (%(contact)s) on %(sent)s.")
        % {
            "language": contribution.locale.get_display_name(),
            "partner": contributions.partner_name(contribution.access),
            "contact": contribution.access.contact_name,
            "sent": formats.date_format(
                timezone.localtime(contribution.created_at), "DATETIME_FORMAT"
            ),
        },
    )
    return None
