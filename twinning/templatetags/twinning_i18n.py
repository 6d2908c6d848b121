"""Template access to a page's languages: hreflang links, the switcher, the notice, and
the language of listed pages whose text is not in the language around them."""

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Page

from twinning.public import languages
from twinning.public.aliases import text_language
from twinning.public.languages import PageLanguages

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context: template.Context) -> PageLanguages:
    """The languages of the page being rendered (or of the site, outside pages).

    Computed once per response: base.html stores it and its includes read it.
    """
    request = context.get("request")
    page = context.get("page")
    if request is not None and isinstance(page, Page) and page.pk:
        return languages.page_languages(page, request)
    return languages.site_languages(request)


@register.simple_tag
def text_lang(page, link: bool = False) -> SafeString:
    """``lang`` (and ``dir``) for an element holding a listed page's text, when needed.

    Needed when the text is in another language than the one active where it is
    rendered: a page not translated yet (an alias) listed in another language's tree
    shows the original's text. With ``link=True``, also ``hreflang``: the page behind the
    link is in that language too. Nothing when the language is the active one or unknown.
    """
    code = text_language(page)
    active = translation.get_language()
    if not code or not active or code.lower() == active.lower():
        return mark_safe("")
    attributes = format_html(' lang="{}"', code)
    if link:
        attributes += format_html(' hreflang="{}"', code)
    language = languages.language(code)
    if language.bidi != translation.get_language_bidi():
        attributes += format_html(' dir="{}"', language.direction)
    return attributes
