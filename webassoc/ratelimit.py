"""Per-client rate limits for public forms, counted in the shared cache.

A fixed window is enough here: the goal is to stop a script posting a form
hundreds of times, not to meter well-behaved people.

When the shared cache (Redis) is unreachable, each process counts in its own memory
instead: limits still hold, per web process (with W gunicorn workers a client may post
up to W times the limit during the outage), never "allow everything".
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from .cache_backends import CacheUnavailable, cache_errors_raised

# Per-process counters used only while the shared cache is down.
local_counters = LocMemCache("webassoc-ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def client_ip(request):
    """The client's address, trusting X-Forwarded-For only as far as our own proxies."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def is_rate_limited(request, scope, limit, period=3600):
    """Count one hit for this client and scope; True once `limit` hits are exceeded in `period`s."""
    if not getattr(settings, "RATELIMIT_ENABLED", True):
        return False
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{client_ip(request)}:{window}"
    try:
        with cache_errors_raised():
            hits = count_hit(cache, key, timeout=period + 60)
    except CacheUnavailable:
        hits = count_hit(local_counters, key, timeout=period + 60)
    return hits > limit


def count_hit(store, key, timeout):
    store.add(key, 0, timeout=timeout)
    try:
        return store.incr(key)
    except ValueError:  # the key expired between add() and incr()
        store.set(key, 1, timeout=timeout)
        return 1
