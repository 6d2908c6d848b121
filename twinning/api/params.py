"""Checks of query parameters shared by every endpoint: each failure names the parameter."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from twinning.api.errors import BadRequest


def reject_unknown(request: HttpRequest, allowed: set[str]) -> None:
    """400 naming the first parameter the endpoint does not know."""
    reject_null_characters(request)
    unknown = sorted(set(request.GET) - allowed - {"_"})
    if unknown:
        raise BadRequest(
            _("Unknown query parameter %(name)r: see the API documentation.")
            % {"name": unknown[0]},
            unknown[0],
        )


def reject_null_characters(request: HttpRequest) -> None:
    """NUL cannot be stored nor searched (PostgreSQL refuses it): a 400, not a 500."""
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequest(
                _("%(name)s contains a null character.") % {"name": name.replace("\x00", "")},
                name.replace("\x00", ""),
            )


def positive_int(value: str, parameter: str) -> int:
    """A whole number from 0 up, else a 400 naming the parameter."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0:
        raise BadRequest(
            _("%(name)s must be a positive whole number, not %(value)r.")
            % {"name": parameter, "value": value},
            parameter,
        )
    return number
