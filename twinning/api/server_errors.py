"""Server errors as partners read them: JSON, never the site's HTML error page.

Django turns an exception nobody caught into the response of the host's ``handler500``,
called inside the ``except`` block, so ``sys.exc_info()`` still names the error. A database
that cannot be reached (down, frozen past the connect timeout, a statement cancelled by
its timeout) is a 503 with ``Retry-After``: the partner should come back, nothing is wrong
with its request. Anything else is a 500. Under the API's paths both are JSON in the
API's error shape; a host points its ``handler500`` here (or calls ``api_server_error``
from its own handler) to give its partners JSON::

    handler500 = "twinning.api.server_errors.server_error"

Nothing here reads the database or the cache: they may be what failed.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.defaults import server_error as html_server_error

from twinning import conf
from twinning.api.errors import finish_error

#: Seconds a client is asked to wait before trying again when the database is unavailable.
RETRY_AFTER_SECONDS = 30


def _database_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [OperationalError, InterfaceError]
    try:
        import psycopg
    except ImportError:
        pass
    else:
        errors += [psycopg.OperationalError, psycopg.InterfaceError]
    return tuple(errors)


DATABASE_ERRORS = _database_errors()


def database_unavailable(error: BaseException | None = None) -> bool:
    """Whether ``error`` (default: the one being handled) says the database is out of
    reach rather than that the code is wrong."""
    if error is None:
        error = sys.exc_info()[1]
    return isinstance(error, DATABASE_ERRORS)


def is_api_request(request: HttpRequest) -> bool:
    """Under one of the API's mount points (``TWINNING["API_CACHE_PATHS"]``)."""
    return request.path.startswith(tuple(conf.get("API_CACHE_PATHS")))


def error_language(request: HttpRequest) -> str:
    """The reader's language without the database: ``?locale=``, the URL's prefix, or
    Accept-Language (the API's own negotiation reads the site's state)."""
    requested = request.GET.get("locale", "")
    if requested in dict(settings.LANGUAGES):
        return requested
    return translation.get_language_from_request(request, check_path=True)


def unavailable_headers(response: HttpResponse) -> HttpResponse:
    """Tell clients and caches to come back later and to keep nothing."""
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def api_server_error(request: HttpRequest, error: BaseException | None = None) -> JsonResponse:
    """The JSON 503 (database unavailable) or 500 (anything else) of an API request."""
    unavailable = database_unavailable(error)
    with translation.override(error_language(request)):
        if unavailable:
            message = _("The service is temporarily unavailable. Please try again shortly.")
        else:
            message = _("The server could not answer this request. The error has been logged.")
        response = JsonResponse(
            {"message": message},
            status=503 if unavailable else 500,
            json_dumps_params={"ensure_ascii": False},
        )
        finish_error(response)
    response["Cache-Control"] = "no-store"
    if unavailable:
        unavailable_headers(response)
    return response


def server_error(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """A ``handler500``: JSON under the API, Django's own server error page elsewhere."""
    if is_api_request(request):
        return api_server_error(request)
    return html_server_error(request, *args, **kwargs)
