"""JSON of the pages endpoints: compact, and written by orjson.

Wagtail pretty-prints its API with four spaces, which doubles the size of a list (and of
every cached copy) and forces Python's slow, pure-Python encoder. Responses are compact
here, as every other endpoint of the API is (GeoJSON, actors), and encoded by orjson, ten
times faster than the standard library. Anything orjson does not know (lazy translation
strings, decimals...) is converted as REST framework's own encoder converts it; U+2028
and U+2029 are escaped as REST framework does, for JSONP-minded clients.
"""

import json

import orjson
from rest_framework.renderers import JSONRenderer

_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME


class CompactJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        default = self.encoder_class().default
        try:
            content = orjson.dumps(data, default=default, option=_OPTIONS)
        except orjson.JSONEncodeError:  # beyond orjson (integers over 64 bits): the slow way
            content = json.dumps(
                data,
                cls=self.encoder_class,
                ensure_ascii=False,
                allow_nan=not self.strict,
                separators=(",", ":"),
            ).encode()
        return content.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")
