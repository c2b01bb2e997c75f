"""Throttling of the admin login: 5 failures per account and 20 per address in 15 minutes.

A locked account or address is refused, even with the right password, until its failures are
older than the window, or until someone who manages users unlocks it ("Comptes bloqués" in the
admin settings). Failures are rows of `LoginFailure` in PostgreSQL, not cache entries: a Redis
outage neither lifts nor forgets a lock, and when PostgreSQL is down nobody can log in anyway.
The client address comes from the site's rate limiter (`webassoc.ratelimit.client_ip`), which
trusts `X-Forwarded-For` only from the reverse proxy. Passwords are never logged.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Max
from django.utils import timezone

from webassoc.ratelimit import client_ip

from .models.accounts import LoginFailure

logger = logging.getLogger("webassoc.security")

ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 20
WINDOW = timedelta(minutes=15)
KEEP = timedelta(days=1)  # failures are forgotten after a day (they hold an IP address)


def account_key(username):
    """How a typed identifier is counted: case and surrounding spaces do not make a new account."""
    return (username or "").strip().lower()[:254]


def _recent(now=None):
    return LoginFailure.objects.filter(created_at__gte=(now or timezone.now()) - WINDOW)


def is_locked(request, username):
    """Whether this login attempt must be refused without checking the password."""
    recent = _recent()
    return (
        recent.filter(username=account_key(username)).count() >= ACCOUNT_LIMIT
        or recent.filter(address=client_ip(request)).count() >= ADDRESS_LIMIT
    )


def record_failure(request, username):
    """Count a wrong password; logs a warning (account, address, count), never the password."""
    now = timezone.now()
    key, address = account_key(username), client_ip(request)
    LoginFailure.objects.create(username=key, address=address, created_at=now)
    prune(now)
    failures = _recent(now).filter(username=key).count()
    logger.warning("admin login failed for account %r from %s (%s of %s in %s minutes)",
                   key, address, failures, ACCOUNT_LIMIT, int(WINDOW.total_seconds() // 60))
    if failures == ACCOUNT_LIMIT:
        logger.warning("admin account %r locked for %s minutes", key, int(WINDOW.total_seconds() // 60))


def prune(now=None):
    """Forget failures older than KEEP (after every login, failed or not)."""
    LoginFailure.objects.filter(created_at__lt=(now or timezone.now()) - KEEP).delete()


def forget_account(username):
    """After a successful login, or when the team unlocks an account."""
    prune()
    return LoginFailure.objects.filter(username=account_key(username)).delete()[0]


def forget_address(address):
    return LoginFailure.objects.filter(address=address).delete()[0]


@dataclass(frozen=True)
class Lock:
    """A locked account or address, for the "Comptes bloqués" screen."""

    key: str
    failures: int
    last_failure: datetime

    @property
    def until(self):
        return self.last_failure + WINDOW


def _locks(field, limit):
    rows = (_recent().values(field).annotate(failures=Count("pk"), last_failure=Max("created_at"))
            .filter(failures__gte=limit).order_by("-last_failure"))
    return [Lock(row[field], row["failures"], row["last_failure"]) for row in rows]


def locked_accounts():
    return _locks("username", ACCOUNT_LIMIT)


def locked_addresses():
    return _locks("address", ADDRESS_LIMIT)
