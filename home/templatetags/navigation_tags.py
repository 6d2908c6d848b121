from django import template

from wagtail.models import Locale, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The home page's children shown in menus, in the reader's language."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    root = site.root_page
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = root.locale
    if root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale) or root
    return list(root.get_children().live().public().in_menu().specific(defer=True))
