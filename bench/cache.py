"""Cache backends for the "uncached" runs: Django's, minus the API's stored responses.

Everything else the site keeps in the cache (Wagtail's site root paths, the API's
generation counter) works as in production, so an uncached run measures what a cache
miss costs, not a site without a cache.
"""

from django.core.cache.backends.locmem import LocMemCache

from cms.cache import FailOpenRedisCache

#: Keys of stored API responses (twinning.api.caching.response_key).
RESPONSE_KEY_MARKERS = ("twinning-api:response:",)


class _WithoutResponses:
    def _is_response(self, key) -> bool:
        return any(marker in str(key) for marker in RESPONSE_KEY_MARKERS)

    def set(self, key, *args, **kwargs):
        if not self._is_response(key):
            super().set(key, *args, **kwargs)

    def add(self, key, *args, **kwargs):
        if self._is_response(key):
            return False
        return super().add(key, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        kept = {k: v for k, v in data.items() if not self._is_response(k)}
        return super().set_many(kept, *args, **kwargs)


class LocMemWithoutResponses(_WithoutResponses, LocMemCache):
    pass


class RedisWithoutResponses(_WithoutResponses, FailOpenRedisCache):
    pass
