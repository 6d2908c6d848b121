"""Partner accounts in the admin, under Settings: who the partner is, what it wants, and its
credentials (an API token and a webhook secret), each shown once, right after it is made.

A new token or secret goes into the editor's session for the one page that shows it: a
reload, the edit view and every later page never show it again (only its digest is kept).
"""

import datetime

from django.contrib import messages
from django.db.models import Max
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from twinning import conf
from twinning.partners import tokens
from twinning.partners.forms import PartnerAccessForm
from twinning.partners.models import PartnerAccess

_SESSION_KEY = "twinning_partners_shown_once"
TEMPLATES = "twinning/partners/accounts/"


def keep_to_show_once(request, access: PartnerAccess, **credentials) -> None:
    """Hold new credentials for the next page of this account, and for it only."""
    shown = request.session.get(_SESSION_KEY, {})
    shown[str(access.pk)] = {
        key: value.isoformat() if isinstance(value, datetime.datetime) else value
        for key, value in credentials.items()
        if value
    }
    request.session[_SESSION_KEY] = shown


def take_shown_once(request, access: PartnerAccess) -> dict:
    shown = request.session.get(_SESSION_KEY, {})
    credentials = shown.pop(str(access.pk), {})
    if credentials:
        request.session[_SESSION_KEY] = shown
    if "old_tokens_until" in credentials:
        credentials["old_tokens_until"] = parse_datetime(credentials["old_tokens_until"])
    return credentials


def languages_of(access: PartnerAccess) -> str:
    return ", ".join(access.languages)


def webhook_of(access: PartnerAccess) -> bool:
    return bool(access.webhook_url)


class AccountMixin:
    """An account's page: found by pk, for editors who may change accounts."""

    model = PartnerAccess
    # Named, not derived from ``model``: Wagtail 7.0's PermissionCheckedMixin has no default
    # policy and would let any admin user through.
    permission_policy = ModelPermissionPolicy(PartnerAccess)
    permission_required = "change"
    url_namespace = ""

    @cached_property
    def object(self):
        return get_object_or_404(
            PartnerAccess.objects.select_related("partner"), pk=self.kwargs["pk"]
        )

    def edit_url(self):
        return reverse(f"{self.url_namespace}:edit", args=[self.object.pk])


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("partner")
            .annotate(last_token_use=Max("tokens__last_used_at"))
        )


class CreateView(generic.CreateView):
    url_namespace = ""

    def save_instance(self):
        access = super().save_instance()
        keep_to_show_once(
            self.request, access, token=tokens.issue(access), secret=self.form.new_secret
        )
        return access

    def get_success_url(self):
        return reverse(f"{self.url_namespace}:credentials", args=[self.object.pk])

    def get_success_message(self, instance):
        return _gettext("Partner account for %(partner)s created.") % {
            "partner": instance.partner.title
        }


class EditView(generic.EditView):
    url_namespace = ""

    def save_instance(self):
        access = super().save_instance()
        if self.form.new_secret:  # a webhook URL given for the first time
            keep_to_show_once(self.request, access, secret=self.form.new_secret)
        return access

    def get_success_url(self):
        if self.form.new_secret:
            return reverse(f"{self.url_namespace}:credentials", args=[self.object.pk])
        return super().get_success_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tokens"] = list(self.object.tokens.all())
        context["rotate_url"] = reverse(f"{self.url_namespace}:rotate", args=[self.object.pk])
        context["revoke_url"] = reverse(f"{self.url_namespace}:revoke", args=[self.object.pk])
        context["secret_url"] = reverse(f"{self.url_namespace}:new_secret", args=[self.object.pk])
        context["overlap_hours"] = conf.get("PARTNER_TOKEN_OVERLAP_HOURS")
        return context


class CredentialsView(
    AccountMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """The one page that shows a new token or webhook secret."""

    template_name = TEMPLATES + "credentials.html"
    header_icon = "key"

    def get_page_title(self):
        return _gettext("Credentials of %(partner)s") % {"partner": self.object.partner.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{self.url_namespace}:index"), "label": _("Partner accounts")},
            {"url": self.edit_url(), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            credentials=take_shown_once(self.request, self.object),
            edit_url=self.edit_url(),
        )
        return context


class CredentialActionView(AccountMixin, PermissionCheckedMixin, View):
    """A POST that changes credentials, then shows the new ones once."""

    def get(self, request, *args, **kwargs):
        return redirect(self.edit_url())

    def post(self, request, *args, **kwargs):
        return self.act(self.object)

    def shown_once(self, **credentials):
        keep_to_show_once(self.request, self.object, **credentials)
        return redirect(f"{self.url_namespace}:credentials", self.object.pk)


class RotateTokenView(CredentialActionView):
    def act(self, access):
        token = tokens.rotate(access)
        until = tokens.usable(access.tokens.exclude(expires_at=None)).aggregate(
            until=Max("expires_at")
        )["until"]
        return self.shown_once(token=token, old_tokens_until=until)


class RevokeTokensView(CredentialActionView):
    def act(self, access):
        count = tokens.revoke(access)
        messages.success(
            self.request,
            _gettext(
                "Every token of %(partner)s is revoked (%(count)d): the partner's calls are "
                "refused until you give it a new token (Rotate token)."
            )
            % {"partner": access.partner.title, "count": count},
        )
        return redirect(self.edit_url())


class NewSecretView(CredentialActionView):
    def act(self, access):
        if not access.webhook_url:
            raise Http404
        access.webhook_secret = tokens.new_webhook_secret()
        access.save(update_fields=["webhook_secret", "updated_at"])
        return self.shown_once(secret=access.webhook_secret)


class PartnerAccessViewSet(ModelViewSet):
    model = PartnerAccess
    icon = "site"
    menu_label = _("Partner accounts")
    add_to_settings_menu = True
    menu_order = 900
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    edit_template_name = TEMPLATES + "edit.html"
    inspect_view_enabled = False
    copy_view_enabled = False
    search_fields = ["partner__title", "contact_name", "contact_email"]
    list_display = [
        Column("partner", label=_("Partner city"), accessor="partner", sort_key="partner__title"),
        Column("contact_name", label=_("Contact")),
        Column("languages", label=_("Languages"), accessor=languages_of),
        BooleanColumn("webhook", label=_("Webhook"), accessor=webhook_of),
        DateColumn("last_token_use", label=_("Last token use"), sort_key="last_token_use"),
        BooleanColumn("is_active", label=_("Active")),
    ]

    def get_form_class(self, for_update=False):
        return PartnerAccessForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(url_namespace=self.url_namespace, **kwargs)

    def account_view(self, view_class):
        return view_class.as_view(url_namespace=self.url_namespace)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "credentials/<int:pk>/",
                self.account_view(CredentialsView),
                name="credentials",
            ),
            path("rotate/<int:pk>/", self.account_view(RotateTokenView), name="rotate"),
            path("revoke/<int:pk>/", self.account_view(RevokeTokensView), name="revoke"),
            path("new-secret/<int:pk>/", self.account_view(NewSecretView), name="new_secret"),
        ]


@hooks.register("register_admin_viewset")
def register_partner_accounts():
    return PartnerAccessViewSet("partner_accounts")
