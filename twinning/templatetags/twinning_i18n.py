"""Template access to a page's languages: hreflang links, the switcher, the notice, and
the language of listed pages whose text is not in the language around them.

The drop-in tags (``twinning_stylesheet``, ``twinning_canonical``, ``twinning_hreflang``,
``twinning_translation_notice``, ``twinning_language_switcher``) let a host's base template
place these where its design wants them. ``twinning/base.html`` emits the first four
itself; each of those renders once per response, so a base that places them already
is not given them twice.
"""

from django import template
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Page

from twinning.public import languages
from twinning.public.aliases import text_language
from twinning.public.languages import PageLanguages

register = template.Library()


#: Where this response's drop-ins keep what they have rendered, in the render context.
RENDERED_KEY = "twinning_i18n_rendered"


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


def _languages(context: template.Context) -> PageLanguages:
    """The ``page_languages`` the base template stored, else computed once for this render."""
    stored = context.get("page_languages")
    if isinstance(stored, PageLanguages):
        return stored
    if "page_languages" not in context.render_context:
        context.render_context["page_languages"] = page_languages(context)
    return context.render_context["page_languages"]


def _first_time(context: template.Context, name: str) -> bool:
    """Whether the drop-in ``name`` has not rendered yet in this response (and now has)."""
    rendered = context.render_context.setdefault(RENDERED_KEY, set())
    if name in rendered:
        return False
    rendered.add(name)
    return True


def _drop_in(context: template.Context, once_as: str | None = None) -> dict:
    """The context of a drop-in's template; ``repeated`` when ``once_as`` has rendered."""
    return {
        "repeated": once_as is not None and not _first_time(context, once_as),
        "page_languages": _languages(context),
        "request": context.get("request"),
    }


@register.simple_tag(takes_context=True)
def twinning_stylesheet(context: template.Context) -> SafeString:
    """The plugin's stylesheet link, once per response."""
    if not _first_time(context, "stylesheet"):
        return mark_safe("")
    return format_html('<link rel="stylesheet" href="{}">', static("twinning/css/twinning.css"))


@register.inclusion_tag("twinning/includes/canonical.html", takes_context=True)
def twinning_canonical(context: template.Context) -> dict:
    """The canonical link: the public URL of the page, or of the original it stands in for."""
    return _drop_in(context, "canonical")


@register.inclusion_tag("twinning/includes/hreflang.html", takes_context=True)
def twinning_hreflang(context: template.Context) -> dict:
    """An ``<link rel="alternate" hreflang>`` for each public translation of the page."""
    return _drop_in(context, "hreflang")


@register.inclusion_tag("twinning/includes/translation_notice.html", takes_context=True)
def twinning_translation_notice(context: template.Context) -> dict:
    """The "not yet available in your language" notice, when the page is shown in another."""
    return _drop_in(context, "translation_notice")


@register.inclusion_tag("twinning/includes/language_switcher.html", takes_context=True)
def twinning_language_switcher(context: template.Context) -> dict:
    """The links to the page in each language; renders wherever it is placed, as often."""
    return _drop_in(context)


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
