"""Throttling of the admin login: 5 failures per account and 20 per address in 15 minutes.

A locked account or address is refused, even with the right password, until its failures are
older than the window, or until someone who manages users unlocks it ("Comptes bloqués" in the
admin settings). Failures are rows of `LoginFailure` in PostgreSQL, not cache entries: a Redis
outage neither lifts nor forgets a lock, and when PostgreSQL is down nobody can log in anyway.
The client address comes from the site's rate limiter (`webassoc.ratelimit.client_ip`), which
trusts `X-Forwarded-For` only from the reverse proxy. Passwords are never logged.

Each attempt is written as a failure *before* its password is checked (`begin_attempt`), then
counted, so that parallel attempts cannot all read "not locked" before any failure is written:
at most 5 passwords of one account are checked in 15 minutes, however many arrive at once.
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


def begin_attempt(request, username):
    """Count this attempt *before* the password is checked; None when it must be refused (locked).

    The attempt is written as a failure first (a committed row), then the rows are counted, its own
    included: an attempt goes on only if it is among the first ACCOUNT_LIMIT (and ADDRESS_LIMIT)
    of the window. Parallel attempts cannot all see the same count: each counts after its own row
    is written, so the n-th row written sees at least n rows, and at most ACCOUNT_LIMIT passwords
    are checked however many arrive at once (30 at once used to check 8). A refused attempt's
    row is removed (a lock is not extended by knocking); a checked one is kept as the failure, or
    removed by `forget_account()` (the right password) or `not_a_failure()`.
    """
    now = timezone.now()
    key, address = account_key(username), client_ip(request)
    attempt = LoginFailure.objects.create(username=key, address=address, created_at=now)
    recent = _recent(now)
    if recent.filter(username=key).count() > ACCOUNT_LIMIT or recent.filter(address=address).count() > ADDRESS_LIMIT:
        attempt.delete()
        return None
    return attempt


def failed(attempt):
    """The password was wrong: the attempt stays counted. Logs a warning (account, address, count),
    never the password. True when the account or the address is now locked."""
    now = timezone.now()
    prune(now)
    recent = _recent(now)
    failures = recent.filter(username=attempt.username).count()
    logger.warning("admin login failed for account %r from %s (%s of %s in %s minutes)",
                   attempt.username, attempt.address, failures, ACCOUNT_LIMIT, int(WINDOW.total_seconds() // 60))
    if failures == ACCOUNT_LIMIT:
        logger.warning("admin account %r locked for %s minutes", attempt.username, int(WINDOW.total_seconds() // 60))
    return failures >= ACCOUNT_LIMIT or recent.filter(address=attempt.address).count() >= ADDRESS_LIMIT


def not_a_failure(attempt):
    """The attempt ended otherwise than by a wrong password (e.g. an inactive account): uncount it."""
    LoginFailure.objects.filter(pk=attempt.pk).delete()


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
