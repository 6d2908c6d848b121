"""Errors as partners read them: JSON naming the query parameter at fault, never a 500."""

from functools import wraps

from django.http import Http404, HttpResponseBase, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.api.v2.utils import BadRequestError


class BadRequest(BadRequestError):
    """A 400 that says which parameter to fix."""

    def __init__(self, message: str, parameter: str | None = None):
        super().__init__(message)
        self.message = message
        self.parameter = parameter


class NotFound(Http404):
    pass


def error_payload(exc: Exception) -> tuple[dict, int]:
    """The JSON body and status of an error response."""
    if isinstance(exc, Http404):
        message = str(exc) if isinstance(exc, NotFound) else _("Not found.")
        return {"message": message}, 404
    return {"message": str(exc), "parameter": getattr(exc, "parameter", None)}, 400


UNTRANSLATED_URLCONF = "twinning.api.untranslated_urls"


def keep_out_of_language_redirects(request) -> None:
    """Let a 404 of the API reach the partner as it is (see untranslated_urls.py)."""
    request.urlconf = UNTRANSLATED_URLCONF


def finish_error(response: HttpResponseBase) -> HttpResponseBase:
    """Never cached; ``Content-Language`` is the message's, the response's language (the
    API runs each request in it, see languages.response_language)."""
    response["Cache-Control"] = "no-cache"
    response["Content-Language"] = translation.get_language()
    return response


def error_response(exc: Exception) -> JsonResponse:
    payload, status = error_payload(exc)
    response = JsonResponse(payload, status=status, json_dumps_params={"ensure_ascii": False})
    return finish_error(response)


def json_errors(view):
    """Turn BadRequest and Http404 raised by a plain Django view into JSON responses."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except (BadRequestError, Http404) as exc:
            return error_response(exc)

    return wrapper


def not_found(request, *args, **kwargs) -> JsonResponse:
    """Any other address under the API: a JSON 404 rather than the site's HTML page."""
    keep_out_of_language_redirects(request)
    return error_response(NotFound(_("There is no such API endpoint: see the documentation.")))
