"""Queue, send and retry emails."""

import contextlib
import hashlib
import logging
import smtplib

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from webassoc.cache_backends import CACHE_ERRORS, CacheUnavailable, cache_errors_raised
from webassoc.prepared_sql import Prepared
from webassoc.privacy import is_anonymous_email

from .enums import RESENDABLE, EmailStatus
from .models import MAX_ATTEMPTS, Email
from .rendering import freeze, render_parts

logger = logging.getLogger(__name__)


def absolute_url(url):
    """`url` on BASE_URL when it is a bare path (emails need full addresses)."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def claim_send_slot(rows, *, field, interval, now=None):
    """Claim the right to send one email about `rows` (a queryset: usually one row, the person's):
    a conditional UPDATE that stamps the timestamp column `field` with `now` only where it is empty
    or older than `interval`. True when claimed; at most one caller wins per interval, across
    processes (conventions §11: claims live in the database, never in the cache). Call it in the
    transaction that queues the email, so that a rollback gives the slot back."""
    now = now or timezone.now()
    stale = Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lte": now - interval})
    return rows.filter(stale).update(**{field: now}) > 0


def resend_once(task, record, *, prefix, asked, seconds):
    """A "send me the e-mail again" form's work (`courses.services.resend_confirmation`,
    `missions.services.resend_follow_link`): `record` (or None: nothing matches what was asked)
    gets its e-mail again at most once in `seconds`, and the work is the same whoever asks, its
    time telling nothing: one claim of the cap (`claim_resend_slot`; for an unknown address, a key
    made from what was asked, hashed: no address in a cache key or a log line), then `task`
    queued, with the record's id when it sends, None otherwise. Returns the record when it sends."""
    if record is not None:
        key = f"{prefix}:{record.pk}"
    else:
        key = f"{prefix}:inconnu:{hashlib.sha256(asked.strip().lower().encode()).hexdigest()[:24]}"
    send = claim_resend_slot(key, seconds=seconds) and record is not None
    task.enqueue(record.pk if send else None)
    return record if send else None


def claim_resend_slot(key, *, seconds):
    """The "send me the e-mail again" caps (`resend_once`): True when `key` is free, then taken
    for `seconds`.

    A courtesy limit kept in the cache, not a claim (conventions, exceptions): while the cache is
    unreachable the send is allowed, with a warning, rather than silently refused (`cache.add`
    answers "taken" during an outage, and the person asking got nothing). The per-client rate
    limit of the form still holds."""
    try:
        with cache_errors_raised():
            return cache.add(key, 1, timeout=seconds)
    except (CacheUnavailable, *CACHE_ERRORS):
        logger.warning("cache unavailable: %s sent again without its cap of one per %s s", key, seconds)
        return True


def queue_email(to, template, context=None, *, attachments=(), reply_to=(), tag="", headers=None):
    """Store an email to `emails/<template>_subject.txt`, `.txt` and (if present) `.html`; send it.

    Called inside the caller's transaction: the row (and, with the database task backend, its
    sending task) exists if and only if the transaction commits. Only what to render is stored
    here (the template, the context frozen with model instances as references, see
    outbox/rendering.py), so a locked row is not kept waiting for templates: the sending task
    renders the email, after the commit (the worker; in-process after the commit in
    development, at once in the tests), then sends it.

    `context` is a dict, or `outbox.rendering.later(function, *args)` returning one at render
    time; `attachments` is a list of (filename, text content, mimetype), where the content may
    also be `later(...)` (a calendar file built when the email is rendered); `headers` are extra
    message headers (strings), e.g. List-Unsubscribe (alerts/emails.py).
    Returns the stored Email; sending happens in a background task.
    """
    return queue_emails([prepare_email(to, template, context, attachments=attachments, reply_to=reply_to, tag=tag,
                                       headers=headers)])[0]


def prepare_email(to, template, context=None, *, attachments=(), reply_to=(), tag="", headers=None):
    """The unsaved Email that queue_email() would store (same arguments), for queue_emails()."""
    return Email(
        to=[to] if isinstance(to, str) else list(to),
        reply_to=[reply_to] if isinstance(reply_to, str) else list(reply_to),
        template=template,
        rendered_at=None,  # rendered by the sending task
        context={
            "language": translation.get_language(),
            "base_url": settings.WAGTAILADMIN_BASE_URL,
            "values": freeze(context or {}),
        },
        attachments=[
            {"filename": filename, "content": freeze(content), "mimetype": mimetype}
            for filename, content, mimetype in attachments
        ],
        tag=tag or template,
        headers={str(name): str(value) for name, value in (headers or {}).items() if name.lower() != "message-id"},
    )


def queue_emails(emails):
    """Store many prepared emails in one INSERT and enqueue their sending tasks (a fan-out of
    alerts); same guarantees as queue_email(). Returns the stored emails."""
    emails = store_emails(emails)
    send_stored(emails)
    return emails


def store_emails(emails):
    """The first half of queue_emails(): the rows, without their sending tasks. A service that
    must decide under a lock which email it sends stores one before taking the lock, may
    replace it under the lock (`replacement()`), then calls `send_stored()` (courses.emails.RegistrationReceipt)."""
    return Email.objects.bulk_create(emails)


def send_stored(emails):
    """The second half of queue_emails(): enqueue the sending task of each stored email."""
    from .tasks import send_email_task

    for email in emails:
        send_email_task.enqueue(email.pk)


REPLACEABLE_FIELDS = ("to", "reply_to", "template", "tag", "context", "attachments", "headers")


def replacement(email, prepared):
    """What makes a stored, not yet rendered email the `prepared` one (from prepare_email())
    instead: one UPDATE, compiled now (`webassoc.prepared_sql`), run when the returned function is
    called (under a lock: courses.emails.RegistrationReceipt). The email keeps its row and Message-ID."""
    values = {name: getattr(prepared, name) for name in REPLACEABLE_FIELDS}
    statement = Prepared.update(Email.objects.filter(pk=email.pk, rendered_at__isnull=True), **values)

    def replace():
        statement.rowcount()
        for name, value in values.items():
            setattr(email, name, value)
        return email

    return replace


def render_email(email):
    """Fill the email's subject, bodies and attachments from what was stored, once.

    Returns the email as stored (the conditional UPDATE lets one render win if two processes
    ever render the same email).
    """
    if email.rendered_at is not None:
        return email
    parts = render_parts(email.template, email.context, email.attachments)
    Email.objects.filter(pk=email.pk, rendered_at__isnull=True).update(
        **parts, context={}, rendered_at=timezone.now()
    )
    email.refresh_from_db()
    return email


def claim(email_id):
    """Mark a pending email as being sent and count the attempt, before anything is sent.

    False if someone else has it or it is done (a conditional UPDATE: one winner).
    """
    return bool(
        Email.objects.filter(pk=email_id, status=EmailStatus.PENDING).update(
            status=EmailStatus.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1,
            transmission_started_at=None,
        )
    )


def build_message(email, connection=None):
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address for address in email.to if not is_anonymous_email(address)],
        reply_to=email.reply_to or None,
        headers={**email.headers, "Message-ID": email.message_id},  # the same Message-ID every attempt
        connection=connection,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


# The connection broke while the message was being handed over: it may have been accepted.
# (A refusal by the server, SMTPResponseException, proves it was not.)
LOST_DURING_TRANSMISSION = (
    smtplib.SMTPServerDisconnected, TimeoutError, ConnectionResetError, ConnectionAbortedError, BrokenPipeError,
)


def may_have_arrived(exc):
    return isinstance(exc, LOST_DURING_TRANSMISSION) and not isinstance(exc, smtplib.SMTPResponseException)


def deliver(email_id):
    """Send one email if it is still pending. Failures are recorded, never raised.

    The attempt is recorded by the claim before anything is sent. Connecting and logging in
    to the mail server transmit nothing; `transmission_started_at` is set just before the
    message is handed over. A failure before that, a refusal by the server or any other error
    goes back to the queue; a connection lost after it (disconnection, timeout) may have
    delivered the message: the email is marked "envoi incertain" and never re-sent blindly.
    """
    if not claim(email_id):
        return False
    email = Email.objects.get(pk=email_id)
    if email.to and all(is_anonymous_email(address) for address in email.to):
        email.status = EmailStatus.UNDELIVERABLE
        email.last_error = "Adresse anonymisée : rien n’est envoyé."
        email.save(update_fields=["status", "last_error"])
        return False
    connection = get_connection()
    transmitting = False
    try:
        email = render_email(email)  # the first attempt renders it; a failure is retried like a send
        if hasattr(connection, "open"):  # connecting and logging in transmit nothing
            connection.open()
        email.transmission_started_at = timezone.now()
        email.save(update_fields=["transmission_started_at"])
        transmitting = True
        connection.send_messages([build_message(email, connection)])
    except Exception as exc:  # noqa: BLE001 - any transport error is recorded on the email
        if transmitting and may_have_arrived(exc):
            record_uncertain(email, exc)
        else:
            record_failure(email, exc)
        return False
    finally:
        with contextlib.suppress(Exception):
            connection.close()
    email.status = EmailStatus.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["status", "sent_at", "last_error"])
    return True


def record_failure(email, exc):
    """Not sent: try again later with a growing delay, or give up after MAX_ATTEMPTS."""
    email.last_error = f"{exc.__class__.__name__}: {exc}"[:2000]
    email.status = EmailStatus.FAILED if email.attempts >= MAX_ATTEMPTS else EmailStatus.PENDING
    email.next_attempt_at = timezone.now() + Email.retry_delay(email.attempts)
    email.save(update_fields=["last_error", "status", "next_attempt_at"])
    logger.warning("email %s not sent (attempt %s): %s", email.pk, email.attempts, email.last_error)


UNCERTAIN_NOTE = _(
    "Envoi interrompu pendant la transmission au serveur de messagerie (%(reason)s) : "
    "le message est peut-être arrivé. Il n’est pas renvoyé automatiquement ; "
    "« Renvoyer » le renverra avec le même identifiant (Message-ID)."
)


def record_uncertain(email, exc):
    email.status = EmailStatus.UNCERTAIN
    email.last_error = str(UNCERTAIN_NOTE % {"reason": f"{exc.__class__.__name__}: {exc}"})[:2000]
    email.save(update_fields=["status", "last_error"])
    logger.warning("email %s: delivery uncertain (%s), not re-sent automatically", email.pk, exc.__class__.__name__)


def release_stale_claims(older_than):
    """Emails claimed by a process that died mid-send (kill -9, machine restart).

    Interrupted before the transmission started: back to the queue (or abandoned after
    MAX_ATTEMPTS). Interrupted after: "envoi incertain", never re-sent blindly.
    Returns (requeued, uncertain).
    """
    now = timezone.now()
    stale = Email.objects.filter(status=EmailStatus.SENDING, claimed_at__lt=now - older_than)
    before = stale.filter(transmission_started_at__isnull=True)
    note = _("Envoi interrompu avant la transmission (processus arrêté) : remis en file.")
    requeued = before.filter(attempts__lt=MAX_ATTEMPTS).update(
        status=EmailStatus.PENDING, next_attempt_at=now, last_error=str(note)
    )
    before.update(status=EmailStatus.FAILED, last_error=str(note))
    uncertain_ids = list(stale.filter(transmission_started_at__isnull=False).values_list("pk", flat=True))
    reason = _("processus arrêté")
    uncertain = Email.objects.filter(pk__in=uncertain_ids, status=EmailStatus.SENDING).update(
        status=EmailStatus.UNCERTAIN, last_error=str(UNCERTAIN_NOTE % {"reason": reason})
    )
    for email_id in uncertain_ids:
        logger.warning("email %s: sending interrupted during transmission, marked uncertain", email_id)
    return requeued, uncertain


def resend(email):
    """The team sends an "envoi incertain" or abandoned email again, with the same Message-ID.

    Returns whether it was queued (False if its status changed meanwhile).
    """
    from .tasks import send_email_task

    changed = Email.objects.filter(pk=email.pk, status__in=RESENDABLE).update(
        status=EmailStatus.PENDING, next_attempt_at=timezone.now(), transmission_started_at=None,
    )
    if changed:
        send_email_task.enqueue(email.pk)  # in the same transaction, like queue_email
    email.refresh_from_db()
    return bool(changed)


def send_due_emails(limit=200):
    """Re-enqueue every pending email whose retry time has come. Returns the count."""
    from .tasks import send_email_task

    ids = list(Email.objects.due().order_by("next_attempt_at").values_list("pk", flat=True)[:limit])
    for email_id in ids:
        send_email_task.enqueue(email_id)
    return len(ids)
