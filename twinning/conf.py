"""The app's settings: one ``TWINNING`` dict in Django settings, read when used."""

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Absolute base for URLs in API responses and feeds; empty means "from the request".
    "PUBLIC_BASE_URL": "",
    # Cache-Control max-age of API responses, in seconds.
    "API_CACHE_MAX_AGE": 300,
    # Path prefixes answered from the server cache by APICacheMiddleware (the API mounts).
    "API_CACHE_PATHS": ["/api/"],
    # Days the API's changes feed keeps its log: a partner away longer reads everything again.
    "CHANGES_RETENTION_DAYS": 90,
    # Tile server of the public map; markers and the list work without it.
    "MAP_TILE_URL": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "MAP_TILE_ATTRIBUTION": "&copy; OpenStreetMap contributors",
    # Widths, in pixels, of the srcset-ready renditions of every image in API responses
    # (each in WebP and in the original's format, made on first request).
    "API_IMAGE_WIDTHS": [320, 640, 960, 1280, 1600],
    # twinning.edge: base URLs of the edge caches (Varnish with xkey) to purge by tag, e.g.
    # ["http://127.0.0.1:6081"]; empty: nothing is purged.
    "EDGE_PURGE_URLS": [],
    # Seconds a purge may take before it is left to a task retried with backoff.
    "EDGE_PURGE_TIMEOUT": 2,
    # Tries of a purge that failed (the first one included) before it is given up.
    "EDGE_PURGE_MAX_ATTEMPTS": 10,
    # Cache-Control of the HTML pages anonymous readers share: browsers keep them
    # max-age seconds, the edge s-maxage seconds (it is purged when they change).
    "EDGE_MAX_AGE": 60,
    "EDGE_S_MAXAGE": 86400,
    # Stories per page on the story listing.
    "STORIES_PER_PAGE": 12,
    # The host's base template, which twinning/base.html extends.
    "BASE_TEMPLATE": "base.html",
    # twinning.localize's page-wide behaviour (drafts of translated aliases, language-tree
    # cascades, synchronised fields) acts on the plugin's page types only, unless True.
    "LOCALIZE_ALL_PAGE_TYPES": False,
    # Replace wagtail-localize's TranslationSource.refresh_segments with a bulk version
    # (verified on wagtail-localize 1.14 only).
    "BULK_SEGMENT_REFRESH": False,
    # twinning.partners: webhook URLs resolving to loopback, private, link-local or reserved
    # addresses are refused (at save and at each delivery) unless True.
    "WEBHOOK_ALLOW_PRIVATE_URLS": False,
    # Seconds a partner's receiver has to answer one webhook delivery.
    "WEBHOOK_TIMEOUT": 10,
    # Tries of a webhook delivery (exponential backoff with jitter, about a day in all)
    # before it is marked failed and the partner's contact is told.
    "WEBHOOK_MAX_ATTEMPTS": 8,
    # Hours an API token keeps working after it was rotated.
    "PARTNER_TOKEN_OVERLAP_HOURS": 72,
    # Largest PO file a partner may send back, in bytes.
    "PARTNER_UPLOAD_MAX_BYTES": 2_000_000,
    # PO files a partner may send back per hour.
    "PARTNER_UPLOADS_PER_HOUR": 60,
}


def configured() -> dict[str, Any]:
    """The host's ``TWINNING`` dict as it is set (empty when absent)."""
    return getattr(settings, "TWINNING", {}) or {}


def get(name: str) -> Any:
    """Return the TWINNING setting ``name``, falling back to its default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown TWINNING setting: {name}")
    value = configured().get(name)
    return DEFAULTS[name] if value in (None, "") else value


def unknown_keys() -> list[str]:
    """Keys of the host's ``TWINNING`` dict that the plugin does not read (typos)."""
    return sorted(str(name) for name in configured() if name not in DEFAULTS)
