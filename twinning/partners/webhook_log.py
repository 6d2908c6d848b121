"""GET /api/v2/partner/webhooks/: the partner's own webhook deliveries, newest first.

What its receiver was sent (the event as signed), how each delivery went, and when the
next try is due: a partner debugging its receiver needs no one at Aix to look it up.
"""

import json

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from twinning.api.errors import BadRequest, finish_error, json_errors
from twinning.api.pagination import offset_url
from twinning.api.parameters import positive_int, reject_unknown
from twinning.partners.authentication import partner_view
from twinning.partners.models import PartnerAccess, WebhookDelivery

PARAMETERS = {"limit", "offset", "status"}
DEFAULT_LIMIT = 20


def _moment(value):
    return value.isoformat().replace("+00:00", "Z") if value else None


def item(delivery: WebhookDelivery) -> dict:
    return {
        "event_id": str(delivery.event_id),
        "type": delivery.event_type,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "created_at": _moment(delivery.created_at),
        "last_attempt_at": _moment(delivery.last_attempt_at),
        "next_attempt_at": _moment(delivery.next_attempt_at),
        "response_code": delivery.response_code,
        "duration_ms": delivery.duration_ms,
        "error": delivery.error,
        "event": json.loads(delivery.body),
    }


@partner_view
@json_errors
def webhook_log(request: HttpRequest, access: PartnerAccess) -> JsonResponse:
    if request.method not in ("GET", "HEAD"):
        response = JsonResponse(
            {"message": _("Only GET is allowed here.")},
            status=405,
            json_dumps_params={"ensure_ascii": False},
        )
        response["Allow"] = "GET, HEAD"
        return finish_error(response)
    reject_unknown(request, PARAMETERS)
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or 100
    limit = positive_int(request.GET.get("limit", str(min(DEFAULT_LIMIT, limit_max))), "limit")
    offset = positive_int(request.GET.get("offset", "0"), "offset")
    if limit > limit_max:
        raise BadRequest(_("limit cannot be higher than %(max)d.") % {"max": limit_max}, "limit")
    deliveries = WebhookDelivery.objects.filter(access=access).order_by("-created_at", "-pk")
    status = request.GET.get("status")
    if status is not None:
        if status not in WebhookDelivery.Status.values:
            raise BadRequest(
                _("status must be one of %(choices)s, not %(value)r.")
                % {"choices": ", ".join(WebhookDelivery.Status.values), "value": status},
                "status",
            )
        deliveries = deliveries.filter(status=status)
    total = deliveries.count()
    page = list(deliveries[offset : offset + limit]) if limit else []
    more = limit > 0 and offset + limit < total
    meta = {
        "total_count": total,
        "next": offset_url(request, offset + limit) if more else None,
        "previous": (
            offset_url(request, max(0, offset - limit)) if limit > 0 and offset > 0 else None
        ),
    }
    return JsonResponse(
        {"meta": meta, "items": [item(delivery) for delivery in page]},
        json_dumps_params={"ensure_ascii": False},
    )
