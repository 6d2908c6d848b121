"""Tags of the block templates: what a block links to or embeds, as the caller resolved it.

On the site they do what Wagtail's ``pageurl`` and ``embed`` do; a caller that read the
references of many blocks at once (the API) passes them in the context (see blocks.py).
"""

from django import template
from django.utils.safestring import mark_safe

from wagtail.embeds.templatetags.wagtailembeds_tags import embed_tag
from wagtail.templatetags.wagtailcore_tags import pageurl

from twinning.blocks import EMBEDS_CONTEXT, PAGE_URL_CONTEXT

register = template.Library()


@register.simple_tag(takes_context=True)
def block_page_url(context, page) -> str:
    """The URL of a page a block links to, in the reader's language."""
    page_url = context.get(PAGE_URL_CONTEXT)
    if page_url is not None:
        return page_url(page) or ""
    return pageurl(context, page.localized)


@register.simple_tag(takes_context=True)
def block_embed(context, url) -> str:
    """The embed HTML of ``url`` (a video, a map), as Wagtail's ``{% embed %}`` gives it."""
    embeds = context.get(EMBEDS_CONTEXT)
    if embeds is not None and url in embeds:
        return mark_safe(embeds[url].html)  # noqa: S308 - the provider's HTML, as {% embed %}
    return embed_tag(url)
