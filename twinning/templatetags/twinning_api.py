"""``{% json_ld page %}``: the page's schema.org description, for the ``<head>``."""

from django import template

from ..api.jsonld import json_ld_for, script_tag

register = template.Library()


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    request = context.get("request")
    if request is None or page is None:
        return ""
    return script_tag(json_ld_for(page, request))
