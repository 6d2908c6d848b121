"""The PO files of pages and snippets, for a partner to translate and send back.

``GET`` gives the file; ``PUT`` of the translated file to the same address submits it for
review (see ``contributions``). Every refusal is JSON with the reason, and writes nothing.
"""

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from twinning.api.errors import finish_error
from twinning.partners import contributions
from twinning.partners.authentication import partner_view
from twinning.partners.contributions import Refused

ALLOWED = ("GET", "HEAD", "PUT")
PO_CONTENT_TYPE = "text/x-gettext-translation; charset=utf-8"


def refusal(error: Refused) -> JsonResponse:
    payload: dict = {"message": error.message}
    if error.problems:
        payload["problems"] = error.problems
    response = JsonResponse(payload, status=error.status, json_dumps_params={"ensure_ascii": False})
    if error.retry_after is not None:
        response["Retry-After"] = str(error.retry_after)
    return finish_error(response)


def method_not_allowed(request) -> JsonResponse:
    response = JsonResponse(
        {
            "message": _("Method %(method)s is not allowed here: use GET or PUT.")
            % {"method": request.method}
        },
        status=405,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Allow"] = ", ".join(ALLOWED)
    return finish_error(response)


def read_body(request, access) -> bytes:
    """The uploaded file, counted against the hourly limit; Refused if too large or too many.

    The declared length is checked before anything is read, and the body read is capped
    (a body without a length, or longer than declared).
    """
    limit = contributions.max_bytes()
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise contributions.too_large()
    contributions.count_upload(access)
    content = request.read(limit + 1)
    if len(content) > limit:
        raise contributions.too_large()
    return content


def exchange(request, access, find_target, submit) -> HttpResponse:
    if request.method not in ALLOWED:
        return method_not_allowed(request)
    try:
        if request.method == "PUT":
            content = read_body(request, access)
            target = find_target()
            submitted = submit(access, target, content)
            return accepted(submitted, target)
        target = find_target()
        text, filename = contributions.po_file(target)
    except Refused as error:
        return refusal(error)
    response = HttpResponse(text.encode("utf-8"), content_type=PO_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def accepted(submitted: contributions.Submitted, target: contributions.Target) -> JsonResponse:
    contribution = submitted.contribution
    language = target.locale.get_display_name()
    if submitted.page is None:
        message = _(
            "Thank you: your %(language)s translation of “%(title)s” is waiting for an "
            "editor's review. It is applied once approved."
        ) % {"language": language, "title": str(target.source)}
        item = {
            "type": type(target.source)._meta.label,
            "id": int(contribution.object_id),
            "locale": target.locale.language_code,
            "title": str(target.source),
        }
        key = "snippet"
    else:
        if submitted.in_workflow:
            message = _(
                "Thank you: your %(language)s translation of “%(title)s” is saved as a draft "
                "and submitted for review. It is published once a reviewer approves it."
            )
        else:
            message = _(
                "Thank you: your %(language)s translation of “%(title)s” is saved as a draft. "
                "This page has no review workflow: an editor publishes it after reading it."
            )
        message %= {"language": language, "title": target.source.title}
        page = submitted.page
        item = {"id": page.pk, "locale": target.locale.language_code, "title": page.title}
        key = "page"
    body = {
        "message": message,
        "contribution": {
            "id": contribution.pk,
            "status": contribution.status,
            key: item,
            "strings": contribution.strings,
        },
    }
    return JsonResponse(body, status=202, json_dumps_params={"ensure_ascii": False})


@partner_view
def translation_po(request, access, page_id: int, locale: str) -> HttpResponse:
    """The PO file of a page about the partner, into one of its languages; PUT sends it back."""
    return exchange(
        request,
        access,
        lambda: contributions.page_target(access, page_id, locale),
        contributions.submit_page,
    )


@partner_view
def snippet_translation_po(
    request, access, model: str, object_id: int, locale: str
) -> HttpResponse:
    """The same for a snippet about the partner (an actor, a theme of its city)."""
    return exchange(
        request,
        access,
        lambda: contributions.snippet_target(access, model, object_id, locale),
        contributions.submit_snippet,
    )
