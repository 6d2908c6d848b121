"""A Redis cache that fails open: with Redis down or frozen, the site is served uncached.

Every operation of Django's ``RedisCache`` is kept, but redis-py's errors become a miss
(reads) or a no-op (writes); ``incr`` raises ``ValueError`` as for a missing key, so callers
fall back to ``set``. Short socket timeouts (``socket_timeout``, ``socket_connect_timeout``
in OPTIONS, passed to redis-py's connection pool by Django) bound what one attempt costs,
and a circuit breaker, shared by the process, keeps Redis out of the way for
``BREAKER_SECONDS`` after a failure: a dead or frozen Redis costs one timeout per interval,
not one per request. The fault is logged at most once a minute, the recovery once.

Writes dropped during an outage may have been invalidations (a new API generation after a
page was restricted, say). ``ON_RECOVERY`` names callables run once, before anything is
read again, when Redis answers after this process dropped writes: the site retires its API
cache there, so nothing kept from before the outage outlives a change made during it.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.utils.module_loading import import_string

from redis.exceptions import RedisError

logger = logging.getLogger("cms.cache")

#: What a failing Redis raises through redis-py (its ConnectionError and TimeoutError are
#: RedisErrors; a socket can also fail with a bare OSError).
FAULTS = (RedisError, OSError)
#: The fault is logged again at most this often while it lasts.
LOG_EVERY_SECONDS = 60
DEFAULT_BREAKER_SECONDS = 10
DEFAULT_SOCKET_TIMEOUT = 0.25


class CircuitBreaker:
    """Whether Redis may be tried now; shared by every thread of the process."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.lock = threading.Lock()
        self.open_until = 0.0
        self.failing_since: float | None = None
        self.last_logged = float("-inf")
        self.dropped_writes = False

    def allows(self) -> bool:
        return time.monotonic() >= self.open_until

    def is_recovering(self) -> bool:
        """A fault was seen and its interval is over: the next attempt is a probe."""
        return self.failing_since is not None and self.allows()

    def failed(self, location: str, error: Exception) -> None:
        now = time.monotonic()
        with self.lock:
            self.open_until = now + self.seconds
            if self.failing_since is None:
                self.failing_since = now
            log = now - self.last_logged >= LOG_EVERY_SECONDS
            if log:
                self.last_logged = now
        if log:
            logger.warning(
                "Cache unavailable (%s: %s): serving without it, next try in %s s.",
                location,
                type(error).__name__,
                self.seconds,
            )

    def succeeded(self, location: str) -> None:
        if self.failing_since is None:
            return
        with self.lock:
            since, self.failing_since = self.failing_since, None
            self.last_logged = float("-inf")
        if since is not None:
            logger.warning(
                "Cache available again (%s) after %.0f s.", location, time.monotonic() - since
            )


_breakers: dict[tuple, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(servers: list[str], seconds: float) -> CircuitBreaker:
    """One breaker per Redis location and process (cache instances are per thread)."""
    key = (tuple(servers), seconds)
    with _breakers_lock:
        if key not in _breakers:
            _breakers[key] = CircuitBreaker(seconds)
        return _breakers[key]


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache, answering a miss or doing nothing when Redis fails."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        seconds = float(options.pop("BREAKER_SECONDS", DEFAULT_BREAKER_SECONDS))
        self._on_recovery = list(options.pop("ON_RECOVERY", []))  # imported when used
        options.setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT)
        options.setdefault("socket_connect_timeout", options["socket_timeout"])
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(self._servers, seconds)
        self._location = ";".join(self._redacted(server) for server in self._servers)

    @staticmethod
    def _redacted(url: str) -> str:
        """The location without credentials, fit for a log line."""
        return url.rsplit("@", 1)[-1] if "@" in url else url

    def _attempt(self, operation, fallback, *, writes: bool):
        breaker = self.breaker
        if breaker.is_recovering() and breaker.dropped_writes and self._on_recovery:
            self._recover(breaker)
        if not breaker.allows():
            breaker.dropped_writes |= writes
            return fallback()
        try:
            result = operation()
        except FAULTS as error:
            breaker.dropped_writes |= writes
            breaker.failed(self._location, error)
            return fallback()
        breaker.succeeded(self._location)
        return result

    def _recover(self, breaker: CircuitBreaker) -> None:
        """Run ``ON_RECOVERY`` before serving anything kept from before the outage; if
        Redis fails again meanwhile, its own writes are dropped and it runs next time."""
        breaker.dropped_writes = False
        for path in self._on_recovery:
            try:
                import_string(path)()
            except Exception:
                logger.exception("Cache recovery step %s failed.", path)
            if not breaker.allows():
                return

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(
            lambda: super(FailOpenRedisCache, self).add(key, value, timeout, version),
            lambda: False,
            writes=True,
        )

    def get(self, key, default=None, version=None):
        return self._attempt(
            lambda: super(FailOpenRedisCache, self).get(key, default, version),
            lambda: default,
            writes=False,
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(
            lambda: super(FailOpenRedisCache, self).set(key, value, timeout, version),
            lambda: None,
            writes=True,
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(
            lambda: super(FailOpenRedisCache, self).touch(key, timeout, version),
            lambda: False,
            writes=True,
        )

    def delete(self, key, version=None):
        return self._attempt(
            lambda: super(FailOpenRedisCache, self).delete(key, version),
            lambda: False,
            writes=True,
        )

    def get_many(self, keys, version=None):
        return self._attempt(
            lambda: super(FailOpenRedisCache, self).get_many(keys, version),
            dict,
            writes=False,
        )

    def has_key(self, key, version=None):
        return self._attempt(
            lambda: super(FailOpenRedisCache, self).has_key(key, version),
            lambda: False,
            writes=False,
        )

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (cache unavailable).")

        return self._attempt(
            lambda: super(FailOpenRedisCache, self).incr(key, delta, version),
            missing,
            writes=True,
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(
            lambda: super(FailOpenRedisCache, self).set_many(data, timeout, version),
            lambda: list(data),
            writes=True,
        )

    def delete_many(self, keys, version=None):
        return self._attempt(
            lambda: super(FailOpenRedisCache, self).delete_many(keys, version),
            lambda: None,
            writes=True,
        )

    def clear(self):
        return self._attempt(
            lambda: super(FailOpenRedisCache, self).clear(),
            lambda: False,
            writes=True,
        )
