"""Version counters for cached data: bump the version and every key built on it goes stale.

A counter starts from the clock, never from 1: if the cache evicted it, values stored
under an older version must not come back to life.

When the cache is unreachable, a bump cannot be written: the process remembers it and
writes it as soon as the cache answers again, so a change made during a Redis outage
does not leave stale pages behind once Redis is back.
"""

import contextlib
import contextvars
import logging
import threading
import time

from django.core.cache import cache

from .cache_backends import CacheUnavailable, cache_errors_raised

logger = logging.getLogger(__name__)

_lost_bumps = set()
_lost_bumps_lock = threading.Lock()
# Versions read while a page renders (webassoc.page_cache keeps them with the cached page).
_reads = contextvars.ContextVar("cache_version_reads", default=None)


def _fresh():
    return time.time_ns() // 1_000_000


def bumps_pending():
    """True while a bump made during a cache outage has not been written yet."""
    return bool(_lost_bumps)


def replay_pending():
    """Write the bumps lost to a cache outage, if the cache answers again; nothing to do (no cache
    call) when none was lost. A web process replays them at its next cache read or write; the
    scheduler, which otherwise never touches the cache, calls this every tick, so that a page
    published by a scheduled job during the outage shows once the cache is back."""
    if _lost_bumps:
        _replay_lost_bumps()


def current(key):
    if _lost_bumps:
        _replay_lost_bumps()
    value = cache.get(key)
    if value is None:
        cache.add(key, _fresh(), timeout=None)
        value = cache.get(key)
    reads = _reads.get()
    if reads is not None:
        reads[key] = value
    return value


@contextlib.contextmanager
def recording():
    """Collect {key: version} of every version read inside the block (this thread only)."""
    reads = {}
    token = _reads.set(reads)
    try:
        yield reads
    finally:
        _reads.reset(token)


def note(versions):
    """Add {key: version} read earlier (a cached fragment's) to the block being recorded, if any."""
    reads = _reads.get()
    if reads is not None:
        reads.update(versions)


def unchanged(versions):
    """True when every version in {key: version} is still the current one (one round trip)."""
    if not versions:
        return True
    return cache.get_many(list(versions)) == versions


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
