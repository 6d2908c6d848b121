"""The site's server errors: 503 when the database is out of reach, JSON under the API.

Django calls ``handler500`` inside the ``except`` block of the request that failed, so the
error is still known here (see ``twinning.api.server_errors``). Readers get a page in their
language that needs neither the database nor the cache (``503.html`` does not extend the
site's base template, whose tags read both); partners get the API's JSON.
"""

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.templatetags.static import static
from django.utils import translation

from twinning.api.server_errors import (
    api_server_error,
    database_unavailable,
    error_language,
    is_api_request,
    unavailable_headers,
)


def stylesheet_url() -> str | None:
    """The site's stylesheet, unless the static files are what is broken (no manifest)."""
    try:
        return static("css/site.css")
    except ValueError:
        return None


def server_error(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    if is_api_request(request):
        return api_server_error(request)
    unavailable = database_unavailable()
    template_name = "503.html" if unavailable else "500.html"
    with translation.override(error_language(request)):
        body = loader.get_template(template_name).render({"stylesheet_url": stylesheet_url()})
    if unavailable:
        return unavailable_headers(HttpResponse(body, status=503))
    response = HttpResponseServerError(body)
    response["Cache-Control"] = "no-store"
    return response
