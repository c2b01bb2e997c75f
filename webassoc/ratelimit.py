"""Per-client rate limits for public forms, counted in the shared cache.

A fixed window is enough here: the goal is to stop a script posting a form
hundreds of times, not to meter well-behaved people.
"""

import time

from django.conf import settings
from django.core.cache import cache


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
    cache.add(key, 0, timeout=period + 60)
    try:
        hits = cache.incr(key)
    except ValueError:  # the key expired between add() and incr()
        cache.set(key, 1, timeout=period + 60)
        hits = 1
    return hits > limit
