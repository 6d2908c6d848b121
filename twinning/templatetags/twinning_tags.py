from django import template

from twinning.partial_dates import PartialDate

register = template.Library()


@register.filter
def partial_date(value):
    """Format "1960", "1960-10" or "1960-10-20" in the active language."""
    try:
        parsed = PartialDate.parse(value)
    except Exception:
        return value
    return parsed.localized() if parsed else ""


@register.filter
def iso_partial_date(value):
    """The machine-readable form for <time datetime="...">."""
    try:
        parsed = PartialDate.parse(value)
    except Exception:
        return ""
    return parsed.isoformat() if parsed else ""
