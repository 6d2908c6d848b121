"""The partner map's data, built while the template renders (in its active language)."""

from typing import Any

from django import template

from twinning.public.maps import map_data

register = template.Library()


@register.simple_tag(takes_context=True)
def partner_map_data(context: template.Context, cities: list[Any]) -> dict[str, Any]:
    """Markers and options for ``twinning/js/partner-map.js``; use with ``json_script``."""
    return map_data(cities, context.get("request"))
