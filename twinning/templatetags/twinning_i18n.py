"""Template access to a page's languages: hreflang links, the switcher, the notice."""

from django import template

from wagtail.models import Page

from .. import translations
from ..translations import PageLanguages

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context: template.Context) -> PageLanguages:
    """The languages of the page being rendered (or of the site, outside pages).

    Computed once per response: base.html stores it and its includes read it.
    """
    request = context.get("request")
    page = context.get("page")
    if request is not None and isinstance(page, Page) and page.pk:
        return translations.page_languages(page, request)
    return translations.site_languages(request)
