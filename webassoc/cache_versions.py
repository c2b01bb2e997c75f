"""Version counters for cached data: bump the version and every key built on it goes stale.

A counter starts from the clock, never from 1: if the cache evicted it, values stored
under an older version must not come back to life.

When the cache is unreachable, a bump cannot be written: the process remembers it and
writes it as soon as the cache answers again, so a change made during a Redis outage
does not leave stale pages behind once Redis is back.
"""

import logging
import threading
import time

from django.core.cache import cache

from .cache_backends import CacheUnavailable, cache_errors_raised

logger = logging.getLogger(__name__)

_lost_bumps = set()
_lost_bumps_lock = threading.Lock()


def _fresh():
    return time.time_ns() // 1_000_000


def current(key):
    if _lost_bumps:
        _replay_lost_bumps()
    value = cache.get(key)
    if value is None:
        cache.add(key, _fresh(), timeout=None)
        value = cache.get(key)
    return value


def bump(key):
    if _lost_bumps:
        _replay_lost_bumps()
    try:
        with cache_errors_raised():
            _bump(key)
    except CacheUnavailable:
        with _lost_bumps_lock:
            _lost_bumps.add(key)
        logger.warning("cache version %s not bumped (cache unavailable): will be bumped when it is back", key)


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:  # no counter yet: any fresh one makes older keys unreachable
        cache.set(key, _fresh(), timeout=None)


def _replay_lost_bumps():
    with _lost_bumps_lock:
        keys = list(_lost_bumps)
    for key in keys:
        try:
            with cache_errors_raised():
                _bump(key)
        except CacheUnavailable:
            return
        with _lost_bumps_lock:
            _lost_bumps.discard(key)
