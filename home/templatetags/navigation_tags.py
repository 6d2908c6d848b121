from django import template
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from twinning.public.aliases import with_text_language
from twinning.public.request_cache import tree_children, tree_root
from twinning.public.visibility import is_public, public, view_restrictions

register = template.Library()


def _active_locale(page) -> Locale | None:
    """The locale of the active language; the served page's own when it is in that language.

    The page's locale is already loaded for its content, which spares a query per response.
    """
    if isinstance(page, Page) and page.locale_id:
        try:
            code = get_supported_content_language_variant(translation.get_language())
        except LookupError:
            code = None
        if page.locale.language_code == code:
            return page.locale
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The home page's children shown in menus, in the reader's language.

    Read from the children that routing kept when it went through that home page.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    root = site.root_page
    locale = _active_locale(context.get("page"))
    if locale is None:
        locale = root.locale
    restrictions = view_restrictions(request)
    routed = tree_root(request)
    if (
        routed is not None
        and routed.translation_key == root.translation_key
        and routed.locale_id == locale.pk
    ):
        return [
            child
            for child in tree_children(request, routed)
            if child.live and child.show_in_menus and is_public(child, restrictions)
        ]
    if root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale) or root
    children = public(root.get_children().live(), restrictions).in_menu()
    return list(with_text_language(children))
