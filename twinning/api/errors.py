"""Errors as partners read them: JSON naming the query parameter at fault, never a 500,
and never Django's HTML pages (CSRF failure, bare 405) for a method the API does not take."""

from functools import wraps

from django.http import Http404, HttpResponse, HttpResponseBase, JsonResponse
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


#: What the read-only API takes: the methods of HTTP that change nothing.
READ_METHODS = ("GET", "HEAD", "OPTIONS")


def method_not_allowed(request, allowed=READ_METHODS) -> JsonResponse:
    """A JSON 405 with ``Allow``, as partners read every other error."""
    response = JsonResponse(
        {
            "message": _("%(method)s is not allowed here: use %(allowed)s.")
            % {"method": request.method, "allowed": ", ".join(allowed)}
        },
        status=405,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Allow"] = ", ".join(allowed)
    return finish_error(response)


def read_only(view):
    """GET and HEAD reach ``view``; OPTIONS answers ``Allow`` (a 204, as HTTP asks of a
    resource without a description to give); any other method is a JSON 405.

    Exempt from CSRF: the API keeps no session, so the CSRF check could only ever
    answer a partner's POST with Django's HTML failure page instead of the 405.
    (django-cors-headers answers CORS preflights before any view.)
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ", ".join(READ_METHODS)
            return response
        return method_not_allowed(request)

    wrapper.csrf_exempt = True
    return wrapper
