"""Signed links sent by email, which act without an account (conventions §2).

A token holds ids (and, for some purposes, a side), never anything personal, signed with a salt
per purpose (`SignedLink`), so that a link made for one purpose or one record never works for
another. It travels as `?jeton=` (masked in logs; read with `token_from`). Each app declares its
purposes in one line next to its services, with the lifetime its emails and pages show
(`link.days`):

    CONFIRM = SignedLink("home.manifesto.signature", timedelta(days=7))

The salts and the token format (`<parts joined by ".">:<timestamp>:<signature>`, or without the
timestamp when the link never expires) are those of the links already sent: changing one breaks
every link in people's inboxes.

A link that does not act says why with a `LinkRefused`: `LinkExpired` (410), `LinkInvalid` (400) or
`AlreadyUsed` (200: nothing went wrong). `refused_response()` is the one polite page for them, and
`confirmation_response()` the GET-asks / POST-confirms view of a double opt-in.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from webassoc.errors import DomainError, TryAgainLater, with_retry_after

PARAMETER = "jeton"
MAX_TOKEN_LENGTH = 200  # a real token is far shorter: anything longer is not worth reading


class LinkRefused(DomainError):
    """What a signed link answers when it does not act (the page says why)."""

    http_status = 400
    expired = False
    used = False
    days = None  # the link's lifetime, when it has one (shown on the page)

    def __init__(self, message=None):
        super().__init__(message or self.default_message())

    def default_message(self):
        return _("Ce lien n’est pas valide")

    def title(self):
        return _("Lien non valide")


class LinkExpired(LinkRefused):
    http_status = 410  # it was valid once: "gone"
    expired = True

    def __init__(self, message=None, *, days=None):
        self.days = days
        super().__init__(message)

    def default_message(self):
        return _("Ce lien a expiré")

    def title(self):
        return _("Lien expiré")


class LinkInvalid(LinkRefused):
    pass


class AlreadyUsed(LinkRefused):
    """The link did its job already (a second click): a polite page, not an error."""

    http_status = 200
    used = True

    def default_message(self):
        return _("Ce lien a déjà servi")

    def title(self):
        return self.message


@dataclass(frozen=True)
class SignedLink:
    """One purpose of signed links: its salt and its lifetime.

    `max_age` is a timedelta, a function returning one (read when a link is made or read, e.g. from
    the settings), or None for a link that never expires (signed without a timestamp).
    """

    salt: str
    max_age: timedelta | Callable[[], timedelta] | None

    @property
    def lifetime(self):
        return self.max_age() if callable(self.max_age) else self.max_age

    @property
    def days(self):
        """The lifetime in days, as emails and pages write it (None: never expires)."""
        lifetime = self.lifetime
        return None if lifetime is None else lifetime.days

    def _signer(self):
        if self.max_age is None:
            return signing.Signer(salt=self.salt)
        return signing.TimestampSigner(salt=self.salt)

    def make(self, *parts):
        """A token holding `parts` (ids, a side), joined by "."."""
        return self._signer().sign(".".join(str(part) for part in parts))

    def read(self, token):
        """The parts a token holds; LinkExpired or LinkInvalid otherwise."""
        token = str(token or "")[:MAX_TOKEN_LENGTH]
        try:
            if self.max_age is None:
                value = self._signer().unsign(token)
            else:
                value = self._signer().unsign(token, max_age=self.lifetime)
        except signing.SignatureExpired:
            raise LinkExpired(days=self.days) from None
        except signing.BadSignature:
            raise LinkInvalid() from None
        return value.split(".")

    def read_id(self, token):
        """The one id a token holds (a record's pk); LinkExpired or LinkInvalid otherwise."""
        parts = self.read(token)
        if len(parts) != 1 or not parts[0].isdigit():
            raise LinkInvalid()
        return int(parts[0])


def token_from(request):
    """The token of a request: `jeton` in the form (a POST) or the query string, capped in length."""
    return (request.POST.get(PARAMETER) or request.GET.get(PARAMETER) or "")[:MAX_TOKEN_LENGTH]


def link(target, token, *, absolute=False, **kwargs):
    """The URL of a signed link: `target` is a URL name (reversed with `kwargs`) or a path; emails
    need `absolute=True` (the site's address, `outbox.services.absolute_url`)."""
    path = target if "/" in target else reverse(target, kwargs=kwargs or None)
    url = f"{path}?{urlencode({PARAMETER: token})}"
    if absolute:
        from outbox.services import absolute_url  # outbox depends on webassoc, not the other way round

        url = absolute_url(url)
    return url


def refused_response(request, error, *, next_url="", next_label="", reply_for_help=False):
    """The one polite page of a link that does not act, with the error's status (410, 400, 200)
    and, when given, the way forward (`next_url`, `next_label`); `reply_for_help` when the team
    answers the emails carrying that link."""
    return TemplateResponse(request, "components/link_problem_page.html", status=error.http_status, context={
        "error": error, "next_url": next_url, "next_label": next_label, "meta_title": error.title(),
        "reply_for_help": reply_for_help, "noindex": True,
    })


def confirmation_response(request, *, check, confirm, success, redirect_to, render):
    """A confirmation link (double opt-in): GET shows what would be confirmed and a button (mail
    scanners follow links), POST confirms, says `success` and redirects to `redirect_to(result)`.

    `check(token)` and `confirm(token)` raise LinkRefused; `render(found, error, token)` returns the
    page (a button for `found`, or why not for `error`), answered with the error's status, 503 with
    Retry-After when the confirmation must be tried again, and never cached.
    """
    token, found, error, status = token_from(request), None, None, 200
    try:
        if request.method == "POST":
            try:
                result = confirm(token)
            except TryAgainLater as busy:
                messages.error(request, busy.message)
                status = 503
            else:
                messages.success(request, success)
                return redirect(redirect_to(result))
        found = check(token)
    except LinkRefused as refusal:
        error, status = refusal, refusal.http_status
    response = render(found, error, token)
    response.status_code = status
    add_never_cache_headers(response)
    return with_retry_after(response)
