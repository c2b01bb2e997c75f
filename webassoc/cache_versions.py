"""Version counters for cached data: bump the version and every key built on it goes stale.

A counter starts from the clock, never from 1: if the cache evicted it, values stored
under an older version must not come back to life.
"""

import time

from django.core.cache import cache


def _fresh():
    return time.time_ns() // 1_000_000


def current(key):
    value = cache.get(key)
    if value is None:
        cache.add(key, _fresh(), timeout=None)
        value = cache.get(key)
    return value


def bump(key):
    try:
        cache.incr(key)
    except ValueError:  # no counter yet: any fresh one makes older keys unreachable
        cache.set(key, _fresh(), timeout=None)
