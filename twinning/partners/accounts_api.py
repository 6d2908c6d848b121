"""``GET /api/v2/partner/``: the calling partner's own account, as its token shows it."""

from django.db.models import Max
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from twinning.absolute_urls import URLBuilder
from twinning.api.errors import finish_error
from twinning.api.site_state import scope
from twinning.partners import tokens
from twinning.partners.authentication import bearer_token, partner_view
from twinning.partners.models import PartnerAccess
from twinning.public.visibility import visible_pages


def _api_router():
    from twinning.api.urls import api_router  # the router mounts this view: import when called

    return api_router


def partner_json(request: HttpRequest, access: PartnerAccess) -> dict:
    """The partner city, with the URLs the anonymous API would give (null when not public)."""
    city = access.partner
    urls = URLBuilder(request, router=_api_router())
    visible = visible_pages(scope(request), type(city)).filter(pk=city.pk).first()
    return {
        "id": city.pk,
        "title": city.title,
        "wikidata_id": city.wikidata_id or None,
        "api_url": urls.api_detail_url(type(city), city.pk) if visible else None,
        "html_url": urls.page_url(visible) if visible else None,
    }


def token_json(access: PartnerAccess, token: str) -> dict:
    """The token of this request (by its digest), and when the account's tokens were last used."""
    used = access.tokens.filter(digest__in=tokens.candidate_digests(token)).first()
    last_used = access.tokens.aggregate(last=Max("last_used_at"))["last"]
    return {
        "prefix": used.prefix if used else None,
        "created_at": used.created_at if used else None,
        "expires_at": used.expires_at if used else None,
        "last_used_at": last_used,
    }


@partner_view
def partner_account(request: HttpRequest, access: PartnerAccess) -> JsonResponse:
    if request.method not in ("GET", "HEAD"):
        response = JsonResponse(
            {"message": _("This endpoint only answers GET.")},
            status=405,
            json_dumps_params={"ensure_ascii": False},
        )
        response["Allow"] = "GET, HEAD"
        return finish_error(response)
    return JsonResponse(
        {
            "partner": partner_json(request, access),
            "contact_name": access.contact_name,
            "languages": access.languages,
            "events": access.events,
            "webhook_url": access.webhook_url,
            "active": access.is_active,
            "token": token_json(access, bearer_token(request)),
        },
        json_dumps_params={"ensure_ascii": False},
    )
