"""A Redis cache that fails safe: an unreachable Redis is a cache miss, never a server error.

The cache is an optimisation (full pages, Wagtail's site root paths, the manifesto counter…):
when Redis is down, `FailSafeRedisCache` answers every read like a miss and drops every write,
logs a warning at most once per `warning_interval` seconds, and stops trying for
`retry_after` seconds after a failure (a small circuit breaker, per process), so a dead Redis
does not cost a connection timeout on every call. Short socket timeouts (settings `OPTIONS`)
bound the cost of the first failing call.

Callers that must know whether the cache answered (rate limits, readiness) wrap their calls
in `cache_errors_raised()`: inside it a failing or skipped call raises `CacheUnavailable`
instead of pretending to miss. With another backend (local memory in development and tests)
`cache_errors_raised()` changes nothing.
"""

import contextlib
import contextvars
import logging
import math
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

CACHE_ERRORS = (RedisError, OSError)
_raise_errors = contextvars.ContextVar("webassoc_cache_raise_errors", default=False)


class CacheUnavailable(Exception):
    """The shared cache did not answer (raised only inside `cache_errors_raised()`)."""


@contextlib.contextmanager
def cache_errors_raised():
    """Inside this block a fail-safe cache raises CacheUnavailable instead of answering a miss."""
    token = _raise_errors.set(True)
    try:
        yield
    finally:
        _raise_errors.reset(token)


class Circuit:
    """What one process knows about one Redis server: down since when, when to try again."""

    def __init__(self, name, retry_after, warning_interval):
        self.name = name
        self.retry_after = retry_after
        self.warning_interval = warning_interval
        self.lock = threading.Lock()
        self.open_until = 0.0
        self.down_since = None
        self.last_warning_at = -math.inf
        self.failures = 0

    def is_open(self):
        return time.monotonic() < self.open_until

    def failure(self, exc):
        now = time.monotonic()
        with self.lock:
            self.open_until = now + self.retry_after
            if self.down_since is None:
                self.down_since = now
            self.failures += 1
            if now - self.last_warning_at < self.warning_interval:
                return
            self.last_warning_at, failures, self.failures = now, self.failures, 0
        logger.warning(
            "cache %s unreachable (%s: %s): serving without cache, next try in %ss "
            "(failed calls since the last warning: %s)",
            self.name, exc.__class__.__name__, exc, self.retry_after, failures,
        )

    def success(self):
        if self.down_since is None:  # the usual case: no lock taken
            return
        with self.lock:
            if self.down_since is None:
                return
            down_for, self.down_since = time.monotonic() - self.down_since, None
            self.last_warning_at = -math.inf
            self.failures = 0
        logger.warning("cache %s reachable again after %.0f s", self.name, down_for)


_circuits = {}
_circuits_lock = threading.Lock()


def circuit_for(name, retry_after, warning_interval):
    """One circuit per server and process (Django builds one cache object per thread)."""
    with _circuits_lock:
        if name not in _circuits:
            _circuits[name] = Circuit(name, retry_after, warning_interval)
        return _circuits[name]


def _missing_key(*args, **kwargs):
    raise ValueError("Key not found: the cache is unavailable.")


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one `redis.Redis` per connection pool instead of building one for
    every cache call (each build copies ~170 response callbacks: about a third of a cached
    page's cost). redis.Redis is thread-safe; the pool still hands out the connections."""

    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailSafeRedisCache(RedisCache):
    """Django's RedisCache, answering like a miss when Redis cannot be reached.

    Extra OPTIONS (not passed to redis-py): `retry_after` (seconds without trying after a
    failure, default 5) and `warning_interval` (seconds between two warnings, default 60).
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        retry_after = float(options.pop("retry_after", 5))
        warning_interval = float(options.pop("warning_interval", 60))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClientRedisCacheClient
        self.circuit = circuit_for(",".join(self._servers), retry_after, warning_interval)

    def _call(self, fallback, method, *args, **kwargs):
        if self.circuit.is_open():
            return self._unavailable(fallback, None)
        try:
            result = method(*args, **kwargs)
        except CACHE_ERRORS as exc:
            self.circuit.failure(exc)
            return self._unavailable(fallback, exc)
        self.circuit.success()
        return result

    @staticmethod
    def _unavailable(fallback, exc):
        if _raise_errors.get():
            raise CacheUnavailable("the cache is unavailable") from exc
        return fallback() if callable(fallback) else fallback

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version=version)

    def get_many(self, keys, version=None):
        return self._call(dict, super().get_many, keys, version=version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().add, key, value, timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, super().set, key, value, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: list(data), super().set_many, data, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version=version)

    def delete_many(self, keys, version=None):
        return self._call(None, super().delete_many, keys, version=version)

    def incr(self, key, delta=1, version=None):
        # Like a missing key: callers already handle ValueError (see cache_versions.bump).
        return self._call(_missing_key, super().incr, key, delta, version=version)

    def clear(self):
        return self._call(False, super().clear)
