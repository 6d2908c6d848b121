"""The data behind the public map of partner cities, embedded in the page as JSON.

The map is drawn by Leaflet in the browser, but everything it shows is prepared here,
in the reader's language, so the page works without any request to an API and the
plain list below the map says exactly the same thing.
"""

from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from twinning import cache_tags, conf
from twinning.public import fragments


def city_marker(city: Any, request: HttpRequest | None = None) -> dict[str, Any]:
    """One marker: where the city is, where its page is, and what its popup says."""
    signed = city.signed_date
    details = [str(city.country.name), city.get_kind_display()]
    if signed:
        details.append(_("since %(year)s") % {"year": signed.year})
    return {
        "title": city.title,
        "url": city.get_url(request),
        "lat": float(city.latitude),
        "lng": float(city.longitude),
        "details": " · ".join(details),
        # The city's text may be the French original while the page is in another
        # language; the browser needs to know to pronounce the name right.
        "lang": city.locale.language_code,
    }


def map_options() -> dict[str, Any]:
    """Tiles, icons and control labels for the Leaflet script, read when rendering."""
    return {
        "tileUrl": conf.get("MAP_TILE_URL"),
        "attribution": conf.get("MAP_TILE_ATTRIBUTION"),
        "icon": {
            "iconUrl": static("js_lib_leaflet/images/marker-icon.png"),
            "iconRetinaUrl": static("js_lib_leaflet/images/marker-icon-2x.png"),
            "shadowUrl": static("js_lib_leaflet/images/marker-shadow.png"),
        },
        "language": get_language(),
        "labels": {
            "zoomIn": _("Zoom in"),
            "zoomOut": _("Zoom out"),
            "closePopup": _("Close"),
            "tilesFailed": _(
                "The background map could not be loaded. "
                "The markers and the list of cities below still work."
            ),
        },
    }


def map_data(cities: list[Any], request: HttpRequest | None = None) -> dict[str, Any]:
    """Everything the map script needs, in the language active when it is called.

    Called from the template, so the popups speak the language the page's content is
    rendered in, like the list of cities beside them.
    """
    return {"cities": city_markers(cities, request), **map_options()}


def city_markers(cities: list[Any], request: HttpRequest | None = None) -> list[dict[str, Any]]:
    """The markers of ``cities``, kept until content changes (see fragments.py); the
    options are read afresh, being settings."""

    def markers():
        if cities:
            cache_tags.tag(
                request,
                cache_tags.type_tag(type(cities[0])),
                [cache_tags.page_tag(city) for city in cities],
            )
        return [city_marker(city, request) for city in cities]

    return fragments.kept(request, "map-markers", [city.pk for city in cities], markers)
