"""The webhook delivery log in the admin, under Settings: read-only, newest first, with each
delivery's body and tries, "Send again", and "Send a test event" for an account."""

import json

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from twinning.partners import delivery as deliveries
from twinning.partners import dispatch
from twinning.partners.events import EventType
from twinning.partners.models import PartnerAccess, WebhookDelivery

TEMPLATES = "twinning/partners/deliveries/"
Status = WebhookDelivery.Status


class DeliveryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    event_type = django_filters.ChoiceFilter(label=_("Event"), choices=EventType.choices)
    access = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        queryset=PartnerAccess.objects.select_related("partner"),
    )

    class Meta:
        model = WebhookDelivery
        fields = ["status", "event_type", "access"]


def partner_of(delivery: WebhookDelivery) -> str:
    return delivery.access.partner.title


def duration_of(delivery: WebhookDelivery) -> str:
    return "" if delivery.duration_ms is None else f"{delivery.duration_ms} ms"


def inspect_url(delivery: WebhookDelivery) -> str:
    return reverse("webhook_deliveries:inspect", args=[delivery.pk])


class IndexView(generic.IndexView):
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("access__partner")


class InspectView(generic.InspectView):
    template_name = TEMPLATES + "inspect.html"
    fields = [
        "event_id",
        "event_type",
        "access",
        "status",
        "attempts",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "delivered_at",
        "response_code",
        "duration_ms",
        "error",
    ]

    def get_object(self, queryset=None):
        return get_object_or_404(
            WebhookDelivery.objects.select_related("access__partner"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            body=json.dumps(json.loads(self.object.body), indent=2, ensure_ascii=False),
            attempts=list(self.object.attempt_log.all()),
            send_again_url=reverse("webhook_deliveries:send_again", args=[self.object.pk]),
            can_send_again=self.permission_policy.user_has_permission(self.request.user, "change"),
        )
        return context


class SendAgainView(PermissionCheckedMixin, View):
    """POST: the event again, same event id, from its first try."""

    permission_policy = ModelPermissionPolicy(WebhookDelivery)
    permission_required = "change"

    def post(self, request, pk):
        found = get_object_or_404(WebhookDelivery.objects.select_related("access"), pk=pk)
        deliveries.send_again(found)
        messages.success(
            request,
            _gettext("Event %(id)s is being sent again, with the same event id.")
            % {"id": found.event_id},
        )
        return redirect("webhook_deliveries:inspect", pk)


class PingView(PermissionCheckedMixin, View):
    """POST: a test event to an account's webhook, then its delivery in the log."""

    permission_policy = ModelPermissionPolicy(PartnerAccess)
    permission_required = "change"

    def post(self, request, account_id):
        access = get_object_or_404(PartnerAccess.objects.select_related("partner"), pk=account_id)
        sent = dispatch.emit(access, EventType.PING)
        if sent is None:
            messages.error(
                request,
                _gettext(
                    "%(partner)s has no webhook URL, or the account is inactive: no test "
                    "event was sent."
                )
                % {"partner": access.partner.title},
            )
            return redirect("webhook_deliveries:index")
        messages.success(
            request,
            _gettext("A test event was sent to %(url)s: its delivery is below.")
            % {"url": access.webhook_url},
        )
        return redirect("webhook_deliveries:inspect", sent.pk)


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "resubmit"
    menu_label = _("Webhook deliveries")
    add_to_settings_menu = True
    menu_order = 910
    index_view_class = IndexView
    inspect_view_class = InspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = DeliveryFilterSet
    exclude_form_fields = []
    list_display = [
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda delivery: delivery.status == Status.SUCCEEDED,
        ),
        TitleColumn("event_type", label=_("Event"), get_url=inspect_url),
        Column("partner", label=_("Partner"), accessor=partner_of),
        Column("attempts", label=_("Tries")),
        Column("response_code", label=_("Response code")),
        Column("duration", label=_("Duration"), accessor=duration_of),
        DateColumn("next_attempt_at", label=_("Next try")),
        DateColumn("created_at", label=_("Created")),
    ]

    def get_common_view_kwargs(self, **kwargs):
        # A log: nothing to add, edit or delete.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("send-again/<int:pk>/", SendAgainView.as_view(), name="send_again"),
            path("ping/<int:account_id>/", PingView.as_view(), name="ping"),
        ]


@hooks.register("register_admin_viewset")
def register_webhook_deliveries():
    return WebhookDeliveryViewSet("webhook_deliveries")
