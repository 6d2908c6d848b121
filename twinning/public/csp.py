"""What a Content-Security-Policy needs from the plugin, without depending on one.

The host site chooses how to send its policy (the reference site uses django-csp). The
plugin only reads the nonce a CSP middleware put on the request, if any, and says which
origin the map's tiles come from, so that the host can allow it in ``img-src``.
"""

from urllib.parse import urlsplit

from django.http import HttpRequest


def csp_nonce(request: HttpRequest | None) -> str:
    """The request's nonce for inline ``<script>`` elements, or "" without a CSP middleware.

    django-csp puts a lazy ``csp_nonce`` on the request and adds the nonce to the header
    only once it has been read: reading it here is what makes the header carry it. The lazy
    object is falsy until read, so it is compared with None, never tested for truth.
    """
    nonce = getattr(request, "csp_nonce", None)
    return "" if nonce is None else str(nonce)


def map_tile_sources(tile_url: str) -> list[str]:
    """The CSP source that lets the map load tiles from ``tile_url`` (a Leaflet template).

    ``https://{s}.tile.example.org/{z}/{x}/{y}.png`` gives ``https://*.tile.example.org``;
    a relative URL gives nothing, since ``'self'`` already covers it.
    """
    parts = urlsplit(tile_url)
    if not parts.scheme or not parts.netloc:
        return []
    return [f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"]
