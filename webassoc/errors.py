"""Domain errors: refusals people can read, raised by the apps' services."""

import functools
import logging

from django.db import OperationalError
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class DomainError(Exception):
    """A refusal with a French message; `field` names the form field it belongs to, if any."""

    field = None

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message = message
        if field is not None:
            self.field = field


class TryAgainLater(DomainError):
    """The operation could not run now (a lock held too long): the person should retry."""


def is_lock_timeout(exc):
    cause = getattr(exc, "__cause__", None)
    sqlstate = getattr(cause, "sqlstate", None)
    return sqlstate in {"55P03", "57014"} or "lock timeout" in str(exc).lower()


def polite_lock_timeouts(operation):
    """A PostgreSQL lock timeout (DB_LOCK_TIMEOUT_MS) becomes TryAgainLater, never a server error."""

    @functools.wraps(operation)
    def wrapper(*args, **kwargs):
        try:
            return operation(*args, **kwargs)
        except OperationalError as exc:
            if is_lock_timeout(exc):
                logger.warning("lock timeout in %s", operation.__name__)
                raise TryAgainLater(_(
                    "Beaucoup de demandes arrivent en même temps : la vôtre n’a pas été enregistrée. "
                    "Merci de réessayer dans quelques secondes."
                )) from exc
            raise

    return wrapper


RETRY_AFTER_SECONDS = 5


def with_retry_after(response):
    """A 503 answer (TryAgainLater) tells clients when to try again; other answers are unchanged."""
    if response.status_code == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
