"""Manifesto signatures: sign, confirm (double opt-in), hide, and the cached counter and list.

Each operation does one job inside a transaction and returns the Signature; what the person
must be told instead (a bad link) is a webassoc.signed_links.LinkRefused with a French message. Signing answers the
same way whether or not the address has signed already (the page must not reveal who signed):
the email tells the difference; so does asking for a new link, which also does the same work
whoever asks (`resend_confirmation`). Emails to one signer are capped (EMAIL_INTERVAL, EMAILS_PER_DAY),
so re-signing in a loop cannot flood an inbox. The
counter and the public list are cached under a per-manifesto version number, bumped whenever
the set of counted signatures changes (a confirmation, a moderation, an admin edit or deletion).
"""

from datetime import datetime, timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from webassoc import cache_versions
from webassoc.errors import polite_lock_timeouts
from webassoc.pagination import page_of_known_rows, paginate
from webassoc.signed_links import AlreadyUsed, LinkInvalid, SignedLink

from . import emails
from .models.signatures import Signature
from .tasks import send_new_link_task

# The confirmation link of a signature (its lifetime is written in the email and on the pages).
CONFIRM = SignedLink("home.manifesto.signature", timedelta(days=7))
CACHE_TIMEOUT = 24 * 3600
# At most one email to a signer every 10 minutes and 5 a day, whatever triggers it (signing,
# signing again, asking for a new link).
EMAIL_INTERVAL = timedelta(minutes=10)
EMAILS_PER_DAY = 5


def already_confirmed():
    return AlreadyUsed(_("Votre signature est déjà confirmée"))


def _claim(signature, now):
    """(the send times to store, whether one more email fits the cap now) for a locked row."""
    recent = [moment for moment in map(datetime.fromisoformat, signature.emails_sent_at or [])
              if now - moment < timedelta(days=1)]
    if len(recent) >= EMAILS_PER_DAY or (recent and now - max(recent) < EMAIL_INTERVAL):
        return signature.emails_sent_at, False
    return [moment.isoformat() for moment in [*recent, now]], True


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
    cap): the answer on the page is the same. So is the work, which would otherwise tell who
    signed by the time it takes: every signing runs the insert (the database skips a duplicate),
    locks the row, writes it once and queues one email (none when the cap holds). Waiting too
    long for another signature with the same address raises TryAgainLater.
    """
    email = email.strip()
    with transaction.atomic():
        _insert_unless_signed(Signature(
            page=page, first_name=first_name.strip(), last_name=last_name.strip(), email=email,
            profession=profession.strip(), organisation=organisation.strip(), city=city.strip(),
            show_publicly=show_publicly, consent=True,
        ))
        # The new row, or the first one with this address (waiting for a simultaneous insert).
        signature = Signature.objects.select_for_update().get(page=page, email__iexact=email)
        signature.page = page  # the emails name it
        _email_signer(signature)
    return signature


def _insert_unless_signed(signature):
    """Insert the signature unless its address signed already: one statement either way
    (`ON CONFLICT DO NOTHING` on the unique constraint; it waits for a simultaneous insert of the
    same address, then does nothing). Nothing is flushed from the page cache: no public page
    shows an unconfirmed signature."""
    Signature.objects.bulk_create([signature], ignore_conflicts=True)


def _email_signer(signature, now=None):
    """The one answer to a signing, on the locked row: the confirmation link (a new signature, or
    one never confirmed) or the "already signed" note, within the cap; the row is written once
    either way (the send times, and when the link was sent)."""
    now = now or timezone.now()
    sent_at, allowed = _claim(signature, now)
    link = not (signature.is_confirmed or signature.is_hidden)
    signature.emails_sent_at = sent_at
    if allowed and link:
        signature.confirmation_sent_at = now
    Signature.objects.filter(pk=signature.pk).update(emails_sent_at=signature.emails_sent_at,
                                                    confirmation_sent_at=signature.confirmation_sent_at)
    if not allowed:
        return False
    if link:
        emails.manifesto_confirmation(signature, token=CONFIRM.make(signature.pk), valid_days=CONFIRM.days)
    else:
        emails.manifesto_already_signed(signature)
    return True


@polite_lock_timeouts
def resend_confirmation(page, *, email):
    """The "nouveau lien" form: a fresh link to a signature never confirmed, within the cap; the
    signature when a link goes, None otherwise.

    The page answers the same whoever asks, and the work is the same too (its time would tell who
    signed): one locked read that finds the row or nothing, the cap's bookkeeping written by one
    UPDATE (of no row for an unknown address; of the same values when nothing goes), and one task
    queued (`send_new_link`: the e-mail, or nothing when there is no link to send).
    """
    now = timezone.now()
    with transaction.atomic():
        signature = (Signature.objects.select_for_update().filter(page=page, email__iexact=email.strip())
                     .only("pk", "confirmed_at", "anonymised_at", "emails_sent_at", "confirmation_sent_at")
                     .first())
        row = signature or Signature(emails_sent_at=[])
        wanted = signature is not None and not (signature.is_confirmed or signature.is_anonymised)
        sent_at, allowed = _claim(row, now)
        send = wanted and allowed
        Signature.objects.filter(pk=row.pk).update(
            emails_sent_at=sent_at if send else row.emails_sent_at,
            confirmation_sent_at=now if send else row.confirmation_sent_at,
        )
        send_new_link_task.enqueue(signature.pk if send else None)
    return signature if send else None


def send_new_link(signature_id):
    """The task behind `resend_confirmation`: queue the link of a signature still unconfirmed
    (confirmed or anonymised since: nothing); whether it was queued. None: nothing to send."""
    if signature_id is None:
        return False
    with transaction.atomic():
        signature = Signature.objects.select_related("page").filter(
            pk=signature_id, confirmed_at__isnull=True, anonymised_at__isnull=True).first()
        if signature is None:
            return False
        emails.manifesto_confirmation(signature, token=CONFIRM.make(signature.pk), valid_days=CONFIRM.days)
    return True


def check_token(page, token):
    """The signature a confirmation link would confirm, without changing anything (the GET page).

    Raises LinkExpired, LinkInvalid or AlreadyUsed (webassoc.signed_links).
    """
    pk = CONFIRM.read_id(token)
    signature = Signature.objects.filter(pk=pk, page=page, anonymised_at__isnull=True).first()
    if signature is None:
        raise LinkInvalid()
    if signature.is_confirmed:
        raise already_confirmed()
    return signature


def confirm(page, token):
    """Confirm the signature a link points to; works once, within CONFIRM's lifetime."""
    checked = check_token(page, token)
    with transaction.atomic():
        signature = Signature.objects.select_for_update().get(pk=checked.pk)
        if signature.is_confirmed:  # a second click raced the first one
            raise already_confirmed()
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
