"""Absolute URLs for link previews (Open Graph, Twitter cards): crawlers need them."""

from typing import Any

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator

from twinning import absolute_urls

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context: template.Context, url: str) -> str:
    """``url`` made absolute as every URL of the plugin is (see ``twinning.absolute_urls``).

    URLs that are already absolute (media on another host) are returned unchanged.
    """
    return absolute_urls.absolute_url(context.get("request"), url)


@register.simple_tag
def page_summary(page: Any, length: int = 300) -> str:
    """The page's own description for previews: its search description, summary or intro."""
    for name in ("search_description", "summary", "intro"):
        text = strip_tags(str(getattr(page, name, "") or "")).strip()
        if text:
            return Truncator(text).chars(length)
    return ""
