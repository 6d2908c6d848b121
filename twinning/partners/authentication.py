"""Who is calling: a partner, by its bearer token (``Authorization: Bearer <token>``).

A token grants nothing the anonymous API does not show, except the partner exchange's own
endpoints (its account, its webhook log, its translations): only those read it.
"""

from functools import wraps

from django.http import JsonResponse
from django.utils.translation import gettext as _

from twinning.api.errors import finish_error
from twinning.partners import tokens
from twinning.partners.models import PartnerAccess


class NotAuthenticated(Exception):
    """No token, or one that is malformed, unknown, expired, revoked or inactive."""


def bearer_token(request) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _space, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def partner_for(request) -> PartnerAccess:
    """The partner whose token the request carries, or raise NotAuthenticated."""
    token = bearer_token(request)
    if token is None:
        raise NotAuthenticated(
            _("This endpoint needs a partner token: send it as “Authorization: Bearer <token>”.")
        )
    found = tokens.find(token)
    if found is None:
        raise NotAuthenticated(
            _(
                "The partner token is not valid: it is unknown, expired or revoked, or the "
                "partner account is inactive."
            )
        )
    return found.access


def unauthorized(message: str) -> JsonResponse:
    response = JsonResponse(
        {"message": message}, status=401, json_dumps_params={"ensure_ascii": False}
    )
    response["WWW-Authenticate"] = 'Bearer realm="twinning"'
    return finish_error(response)


def partner_view(view):
    """A view for partners only: called as ``view(request, access, *args, **kwargs)``;
    a 401 in JSON without a valid token. Responses are private and never stored."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            access = partner_for(request)
        except NotAuthenticated as error:
            return unauthorized(str(error))
        response = view(request, access, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["Vary"] = "Authorization"
        return response

    wrapper.csrf_exempt = True  # token-authenticated, no cookies: CSRF does not apply
    return wrapper
