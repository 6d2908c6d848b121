"""``{% json_script_with_nonce value "element-id" %}``: data for scripts, under a CSP.

Django's ``json_script`` filter has no nonce argument (Django 5.2). A JSON data block is
not executed, so a policy does not block it either way; it carries the request's nonce
anyway so that every ``<script>`` of a page is accounted for by the policy.
"""

from typing import Any

from django import template
from django.utils.html import format_html, json_script
from django.utils.safestring import SafeString, mark_safe

from twinning.public.csp import csp_nonce

register = template.Library()


@register.simple_tag(takes_context=True)
def json_script_with_nonce(context: template.Context, value: Any, element_id: str) -> SafeString:
    """``value|json_script:element_id``, with ``nonce="…"`` when the host sends a CSP."""
    tag = json_script(value, element_id)
    nonce = csp_nonce(context.get("request"))
    if not nonce:
        return tag
    # json_script's output starts with "<script " and escapes "<" inside the JSON.
    return mark_safe(tag.replace("<script ", format_html('<script nonce="{}" ', nonce), 1))
