"""Manifesto signatures: sign, confirm (double opt-in), hide, and the cached counter and list.

Each public operation does one job inside a transaction. The counter and the public
list are cached under a per-manifesto version number, bumped whenever the set of
counted signatures changes (a confirmation, a moderation, an admin edit or deletion).
"""

import enum
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core import signing
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.utils import timezone

from outbox.services import absolute_url as absolute_url_on_site
from outbox.services import queue_email
from webassoc import cache_versions

from .models import ManifestoPage, Signature

TOKEN_SALT = "home.manifesto.signature"
TOKEN_MAX_AGE = 7 * 24 * 3600  # a confirmation link works for 7 days
CACHE_TIMEOUT = 24 * 3600


class Outcome(enum.Enum):
    SIGNED = "signed"                          # new signature, confirmation email sent
    ALREADY_SIGNED = "already_signed"          # same email, already confirmed
    CONFIRMATION_RESENT = "confirmation_resent"  # same email, never confirmed: link sent again
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    EXPIRED = "expired"
    INVALID = "invalid"


@dataclass
class Result:
    outcome: Outcome
    signature: Signature | None = None


# --- Confirmation tokens ---------------------------------------------------------------------

def make_token(signature):
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(str(signature.pk))


def read_token(token, max_age=None):
    """The signature id in a token; raises signing.SignatureExpired or signing.BadSignature."""
    max_age = TOKEN_MAX_AGE if max_age is None else max_age
    value = signing.TimestampSigner(salt=TOKEN_SALT).unsign(token, max_age=max_age)
    return int(value)


def absolute_url(page, subpage, query=None):
    """An address for emails, on BASE_URL (what the other emails of the site use)."""
    url = page.get_url() + page.reverse_subpage(subpage)
    if query:
        url += "?" + urlencode(query)
    return absolute_url_on_site(url)


def confirmation_url(signature):
    return absolute_url(signature.page, "confirm", {"jeton": make_token(signature)})


def send_confirmation(signature):
    page = signature.page
    queue_email(
        signature.email,
        "manifesto_confirmation",
        {
            "signature": signature,
            "page_title": page.title,
            "confirm_url": confirmation_url(signature),
            "resend_url": absolute_url(page, "resend"),
            "valid_days": TOKEN_MAX_AGE // (24 * 3600),
        },
        tag="manifesto_confirmation",
    )
    Signature.objects.filter(pk=signature.pk).update(confirmation_sent_at=timezone.now())


# --- Operations ------------------------------------------------------------------------------

def find(page, email):
    return Signature.objects.filter(page=page, email__iexact=email.strip()).first()


def sign(page, data):
    """Record a signature and send its confirmation link; duplicates are answered politely."""
    email = data["email"].strip()
    try:
        with transaction.atomic():
            existing = find(page, email)
            if existing is None:
                signature = Signature.objects.create(
                    page=page,
                    first_name=data["first_name"].strip(),
                    last_name=data["last_name"].strip(),
                    email=email,
                    profession=data["profession"].strip(),
                    organisation=data.get("organisation", "").strip(),
                    city=data.get("city", "").strip(),
                    show_publicly=bool(data.get("show_publicly")),
                    consent=bool(data.get("consent")),
                )
    except IntegrityError:  # the same email signed at the same instant: the other one won
        existing = find(page, email)
        if existing is None:
            raise
    if existing is not None:
        return _duplicate(existing)
    send_confirmation(signature)
    return Result(Outcome.SIGNED, signature)


def _duplicate(signature):
    if signature.is_confirmed or signature.is_hidden:
        return Result(Outcome.ALREADY_SIGNED, signature)
    send_confirmation(signature)
    return Result(Outcome.CONFIRMATION_RESENT, signature)


def resend_confirmation(page, email):
    """Send a fresh link to an unconfirmed signature; None when there is nothing to confirm."""
    signature = find(page, email)
    if signature is None or signature.is_confirmed or signature.anonymised_at:
        return None
    send_confirmation(signature)
    return signature


def check_token(page, token):
    """What a confirmation link leads to, without changing anything (for the GET page)."""
    try:
        pk = read_token(token)
    except signing.SignatureExpired:
        return Result(Outcome.EXPIRED)
    except signing.BadSignature:
        return Result(Outcome.INVALID)
    signature = Signature.objects.filter(pk=pk, page=page, anonymised_at__isnull=True).first()
    if signature is None:
        return Result(Outcome.INVALID)
    if signature.is_confirmed:
        return Result(Outcome.ALREADY_CONFIRMED, signature)
    return Result(Outcome.CONFIRMED, signature)


def confirm(page, token):
    """Confirm the signature a link points to; works once, within TOKEN_MAX_AGE."""
    checked = check_token(page, token)
    if checked.outcome is not Outcome.CONFIRMED:
        return checked
    with transaction.atomic():
        signature = Signature.objects.select_for_update().get(pk=checked.signature.pk)
        if signature.is_confirmed:  # a second click raced the first one
            return Result(Outcome.ALREADY_CONFIRMED, signature)
        signature.confirmed_at = timezone.now()
        signature.save(update_fields=["confirmed_at"])
    bump_version(page)
    return Result(Outcome.CONFIRMED, signature)


def hide(signature):
    """Moderation: stop counting and showing a signature, without deleting it."""
    with transaction.atomic():
        updated = Signature.objects.filter(pk=signature.pk, hidden_at__isnull=True).update(
            hidden_at=timezone.now()
        )
    signature.refresh_from_db(fields=["hidden_at"])
    bump_version(signature.page_id)
    return bool(updated)


def unhide(signature):
    with transaction.atomic():
        updated = Signature.objects.filter(pk=signature.pk).exclude(hidden_at=None).update(hidden_at=None)
    signature.refresh_from_db(fields=["hidden_at"])
    bump_version(signature.page_id)
    return bool(updated)


# --- Cached counter and list -----------------------------------------------------------------

def _page_id(page):
    return page.pk if isinstance(page, ManifestoPage) else int(page)


def _version_key(page):
    return f"manifesto:{_page_id(page)}:version"


def version(page):
    return cache_versions.current(_version_key(page))


def bump_version(page):
    cache_versions.bump(_version_key(page))


def signature_count(page):
    key = f"manifesto:{_page_id(page)}:v{version(page)}:count"
    count = cache.get(key)
    if count is None:
        count = Signature.objects.filter(page_id=_page_id(page)).visible().count()
        cache.set(key, count, CACHE_TIMEOUT)
    return count


def public_signatories(page, number=1, per_page=None):
    """One page of confirmed, public, not hidden signatories, newest confirmation first."""
    per_page = per_page or page.signatures_per_page
    queryset = (
        Signature.objects.filter(page=page).public()
        .order_by("-confirmed_at", "-pk")
        .values("first_name", "last_name", "profession", "organisation", "city")
    )
    try:
        number = max(1, int(number))
    except (TypeError, ValueError):
        number = 1
    key = f"manifesto:{page.pk}:v{version(page)}:list:{per_page}:{number}"
    cached = cache.get(key)
    if cached is None:
        page_obj = Paginator(queryset, per_page).get_page(number)
        cached = {"number": page_obj.number, "count": page_obj.paginator.count,
                  "signatories": list(page_obj.object_list)}
        cache.set(key, cached, CACHE_TIMEOUT)
    # Rebuilt from plain cached data: a Django page the pagination component understands.
    page_obj = Paginator(range(cached["count"]), per_page).get_page(cached["number"])
    page_obj.object_list = cached["signatories"]
    return page_obj


def on_signature_change(sender, instance, **kwargs):
    """Admin edits and deletions of a counted signature change the counter and the list."""
    if instance.confirmed_at is not None:
        bump_version(instance.page_id)
