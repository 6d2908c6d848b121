"""``{% json_ld page %}``: the page's schema.org description, for the ``<head>``."""

from django import template

from twinning.public.jsonld import identity_of, json_ld_for, script_tag

register = template.Library()


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The description of ``page``; an alias's original is read from the page's languages."""
    request = context.get("request")
    if request is None or page is None:
        return ""
    languages = context.get("page_languages")
    identity = identity_of(
        page,
        request,
        canonical=getattr(languages, "canonical", None),
        language=getattr(languages, "content_language", None),
    )
    return script_tag(json_ld_for(page, request, identity), request)
