"""Forwarded headers are believed only when they come from our own reverse proxy.

`X-Forwarded-For` decides the client address of the rate limits and of the admin login throttle
(`webassoc.ratelimit.client_ip`), `X-Forwarded-Proto` whether a request counts as HTTPS, and
`X-Request-ID` the id in the logs. A client that reaches gunicorn without going through the proxy
could write them itself, so they are dropped unless the connection comes from an address listed
in FORWARDED_ALLOW_IPS (the same variable gunicorn reads; addresses or networks, `*` = anyone,
`127.0.0.1` by default). In compose.yaml that is the proxy's fixed address, and the proxy
(deploy/Caddyfile) *replaces* any X-Forwarded-For a client sent with the address that connected.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT",
    "HTTP_X_REAL_IP", "HTTP_FORWARDED", "HTTP_X_REQUEST_ID",
)


@lru_cache(maxsize=8)
def _networks(allowed):
    if "*" in allowed:
        return None  # anyone
    return tuple(ipaddress.ip_network(item, strict=False) for item in allowed)


def is_trusted_proxy(address):
    """Whether a connection from `address` may tell us who the client is."""
    networks = _networks(tuple(getattr(settings, "FORWARDED_ALLOW_IPS", ["127.0.0.1"])))
    if networks is None:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


class TrustedProxyMiddleware:
    """First in the chain after health checks: forwarded headers from anyone else are removed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)
