"""Domain errors: refusals people can read, raised by the apps' services; and the page of a
form refused by the CSRF check (`csrf_failure`)."""

import functools
import logging

from django.db import OperationalError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
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


class AlreadyReceived(DomainError):
    """What the person sends was received already (an application, a request, a registration):
    refused politely, so the page shows it as information (components/already_received.html),
    with the values typed kept, never as an error to correct."""


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


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the site's page for a form sent without a valid security token (expired
    form, cookies blocked), in French and in the site's layout, with a link back to the form when
    the browser says where it came from (an address of this site only). Nothing was saved."""
    referer = request.META.get("HTTP_REFERER", "")
    safe = url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure())
    response = render(request, "403_csrf.html", {"back_url": referer if safe else ""}, status=403)
    add_never_cache_headers(response)
    return response
