"""What a Content-Security-Policy needs from the plugin, without depending on one.

The host site chooses how to send its policy (the reference site uses django-csp). The
plugin writes no inline code and no nonce (its ``<script>`` data blocks are not executed,
and pages are shared by edge caches, which a per-response nonce would defeat); it says
which origin the map's tiles come from, so that the host can allow it in ``img-src``.
"""

from urllib.parse import urlsplit


def map_tile_sources(tile_url: str) -> list[str]:
    """The CSP source that lets the map load tiles from ``tile_url`` (a Leaflet template).

    ``https://{s}.tile.example.org/{z}/{x}/{y}.png`` gives ``https://*.tile.example.org``;
    a relative URL gives nothing, since ``'self'`` already covers it.
    """
    parts = urlsplit(tile_url)
    if not parts.scheme or not parts.netloc:
        return []
    return [f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"]
