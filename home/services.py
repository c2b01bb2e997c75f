"""Manifesto signatures: sign, confirm (double opt-in), hide, and the cached counter and list.

Each operation does one job inside a transaction and returns the Signature; what the person
must be told instead (a bad link) is a DomainError with a French message. Signing answers the
same way whether or not the address has signed already (the page must not reveal who signed):
the email tells the difference. Emails to one signer are capped (EMAIL_INTERVAL, EMAILS_PER_DAY),
so re-signing in a loop cannot flood an inbox. The
counter and the public list are cached under a per-manifesto version number, bumped whenever
the set of counted signatures changes (a confirmation, a moderation, an admin edit or deletion).
"""

from datetime import datetime, timedelta

from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from webassoc import cache_versions
from webassoc.errors import DomainError, polite_lock_timeouts
from webassoc.pagination import page_of_known_rows, paginate

from . import emails
from .models.signatures import Signature

TOKEN_SALT = "home.manifesto.signature"
TOKEN_MAX_AGE = 7 * 24 * 3600  # a confirmation link works for 7 days
CACHE_TIMEOUT = 24 * 3600
# At most one email to a signer every 10 minutes and 5 a day, whatever triggers it (signing,
# signing again, asking for a new link).
EMAIL_INTERVAL = timedelta(minutes=10)
EMAILS_PER_DAY = 5


class LinkRefused(DomainError):
    """What a confirmation link answers when it does not confirm (the page says why)."""

    http_status = 400
    offers_new_link = True
    expired = False


class AlreadyConfirmed(LinkRefused):
    http_status = 200  # nothing went wrong: the signature counts
    offers_new_link = False

    def __init__(self):
        super().__init__(_("Votre signature est déjà confirmée"))


class LinkExpired(LinkRefused):
    expired = True

    def __init__(self):
        super().__init__(_("Ce lien de confirmation a expiré"))


class LinkInvalid(LinkRefused):
    def __init__(self):
        super().__init__(_("Ce lien de confirmation n’est pas valide"))


# --- Confirmation tokens ---------------------------------------------------------------------

def make_token(signature):
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(str(signature.pk))


def read_token(token, max_age=None):
    """The signature id in a token; raises signing.SignatureExpired or signing.BadSignature."""
    max_age = TOKEN_MAX_AGE if max_age is None else max_age
    value = signing.TimestampSigner(salt=TOKEN_SALT).unsign(token, max_age=max_age)
    return int(value)


def may_email(signature, now=None):
    """Claim one email to this signer under the cap; True when it may be sent (and is counted).

    Runs inside the caller's transaction, with the signer's row locked, so two simultaneous
    posts cannot both take the last slot.
    """
    now = now or timezone.now()
    locked = Signature.objects.select_for_update().only("pk", "emails_sent_at").get(pk=signature.pk)
    recent = [moment for moment in map(datetime.fromisoformat, locked.emails_sent_at or [])
              if now - moment < timedelta(days=1)]
    if len(recent) >= EMAILS_PER_DAY or (recent and now - max(recent) < EMAIL_INTERVAL):
        return False
    recent.append(now)
    Signature.objects.filter(pk=signature.pk).update(emails_sent_at=[moment.isoformat() for moment in recent])
    return True


@transaction.atomic
def send_confirmation(signature):
    """Email the confirmation link, within the cap; whether it was sent."""
    if not may_email(signature):
        return False
    emails.manifesto_confirmation(signature, token=make_token(signature),
                                  valid_days=TOKEN_MAX_AGE // (24 * 3600))
    Signature.objects.filter(pk=signature.pk).update(confirmation_sent_at=timezone.now())
    return True


@transaction.atomic
def send_already_signed(signature):
    """Tell a signer whose signature counts already that signing again changes nothing (within the cap)."""
    if not may_email(signature):
        return False
    emails.manifesto_already_signed(signature)
    return True


# --- Operations ------------------------------------------------------------------------------

def find(page, email):
    return Signature.objects.filter(page=page, email__iexact=email.strip()).first()


@polite_lock_timeouts
def sign(page, *, first_name, last_name, email, profession, organisation="", city="",
         show_publicly=False):
    """Record a signature and send its confirmation link; returns the signature.

    Only called with the signer's consent (the public form's required box). A second signature
    with the same address changes nothing and returns the first one, whose signer is emailed
    instead (the link again if unconfirmed, an "already signed" note otherwise, both within the
    cap): the answer on the page is the same. Waiting too long for another signature with the
    same address raises TryAgainLater.
    """
    email = email.strip()
    try:
        with transaction.atomic():
            existing = find(page, email)
            if existing is None:
                signature = Signature.objects.create(
                    page=page, first_name=first_name.strip(), last_name=last_name.strip(), email=email,
                    profession=profession.strip(), organisation=organisation.strip(), city=city.strip(),
                    show_publicly=show_publicly, consent=True,
                )
                send_confirmation(signature)
                return signature
    except IntegrityError:  # the same email signed at the same instant: the other one won
        existing = find(page, email)
        if existing is None:
            raise
    return _answer_duplicate(existing)


def _answer_duplicate(signature):
    if signature.is_confirmed or signature.is_hidden:
        send_already_signed(signature)
    else:
        send_confirmation(signature)
    return signature


def resend_confirmation(page, email):
    """Send a fresh link to an unconfirmed signature (within the cap); None when there is nothing to confirm."""
    signature = find(page, email)
    if signature is None or signature.is_confirmed or signature.is_anonymised:
        return None
    send_confirmation(signature)
    return signature


def check_token(page, token):
    """The signature a confirmation link would confirm, without changing anything (the GET page).

    Raises LinkExpired, LinkInvalid or AlreadyConfirmed.
    """
    try:
        pk = read_token(token)
    except signing.SignatureExpired:
        raise LinkExpired() from None
    except signing.BadSignature:
        raise LinkInvalid() from None
    signature = Signature.objects.filter(pk=pk, page=page, anonymised_at__isnull=True).first()
    if signature is None:
        raise LinkInvalid()
    if signature.is_confirmed:
        raise AlreadyConfirmed()
    return signature


def confirm(page, token):
    """Confirm the signature a link points to; works once, within TOKEN_MAX_AGE."""
    checked = check_token(page, token)
    with transaction.atomic():
        signature = Signature.objects.select_for_update().get(pk=checked.pk)
        if signature.is_confirmed:  # a second click raced the first one
            raise AlreadyConfirmed()
        signature.confirmed_at = timezone.now()
        signature.save(update_fields=["confirmed_at"])
    bump_version(page)
    return signature


def hide(signature):
    """Moderation: stop counting and showing a signature, without deleting it."""
    with transaction.atomic():
        Signature.objects.filter(pk=signature.pk, hidden_at__isnull=True).update(hidden_at=timezone.now())
    signature.refresh_from_db(fields=["hidden_at"])
    bump_version(signature.page_id)
    return signature


def unhide(signature):
    with transaction.atomic():
        Signature.objects.filter(pk=signature.pk).exclude(hidden_at=None).update(hidden_at=None)
    signature.refresh_from_db(fields=["hidden_at"])
    bump_version(signature.page_id)
    return signature


# --- Cached counter and list -----------------------------------------------------------------

def _page_id(page):
    """A manifesto page or its id (signals only know the id)."""
    return getattr(page, "pk", page)


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
    key = f"manifesto:{page.pk}:v{version(page)}:list:{per_page}:{number}"
    cached = cache.get(key)
    if cached is None:
        queryset = (
            Signature.objects.filter(page=page).public()
            .order_by("-confirmed_at", "-pk")
            .values("first_name", "last_name", "profession", "organisation", "city")
        )
        page_obj = paginate(queryset, number, per_page)
        cached = {"number": page_obj.number, "count": page_obj.paginator.count,
                  "signatories": list(page_obj.object_list)}
        cache.set(key, cached, CACHE_TIMEOUT)
    return page_of_known_rows(cached["signatories"], cached["count"], cached["number"], per_page)


def on_signature_change(sender, instance, **kwargs):
    """Admin edits and deletions of a counted signature change the counter and the list."""
    if instance.confirmed_at is not None:
        bump_version(instance.page_id)
