"""Health endpoints for load balancers, answered before any other middleware.

- /healthz: the process is up (no dependency checked).
- /readyz: the database and the cache answer; 503 otherwise, so the load
  balancer stops sending traffic to this instance. (Pages are still served
  without the cache while Redis is down: the 503 is what monitoring sees.)

They run first so that a probe sent with an IP as Host header (common for load
balancers) is not refused by ALLOWED_HOSTS and never redirected to HTTPS.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

from .cache_backends import cache_errors_raised

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = f"readyz:{uuid.uuid4().hex}"
    with cache_errors_raised():  # the fail-safe cache must not hide an outage here
        cache.set(key, "ok", timeout=10)
        if cache.get(key) != "ok":
            raise RuntimeError("cache did not return the value just written")
        cache.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


def readiness():
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
            logger.warning("readiness check %s failed: %s", name, exc.__class__.__name__)
            results[name] = "error"
        else:
            results[name] = "ok"
    return results


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return self.no_store(JsonResponse({"status": "ok"}))
        if request.path == "/readyz":
            results = readiness()
            ready = all(value == "ok" for value in results.values())
            body = {"status": "ok" if ready else "error", **results}
            return self.no_store(JsonResponse(body, status=200 if ready else 503))
        return self.get_response(request)

    @staticmethod
    def no_store(response):
        response["Cache-Control"] = "no-store"
        return response
