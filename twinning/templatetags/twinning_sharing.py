"""Absolute URLs for link previews (Open Graph, Twitter cards): crawlers need them."""

from typing import Any
from urllib.parse import urlsplit

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator

from twinning import conf

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context: template.Context, url: str) -> str:
    """``url`` on the public base URL when one is set, else on the request's host.

    URLs that are already absolute (media on another host) are returned unchanged.
    """
    if not url or urlsplit(url).scheme:
        return url or ""
    base = conf.get("PUBLIC_BASE_URL")
    if base:
        return f"{base.rstrip('/')}/{url.lstrip('/')}"
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag
def page_summary(page: Any, length: int = 300) -> str:
    """The page's own description for previews: its search description, summary or intro."""
    for name in ("search_description", "summary", "intro"):
        text = strip_tags(str(getattr(page, name, "") or "")).strip()
        if text:
            return Truncator(text).chars(length)
    return ""
