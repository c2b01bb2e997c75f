"""Queue, send and retry emails."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone, translation

from .enums import EmailStatus
from .models import MAX_ATTEMPTS, Email
from .rendering import freeze, render_parts

logger = logging.getLogger(__name__)


def absolute_url(url):
    """`url` on BASE_URL when it is a bare path (emails need full addresses)."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def queue_email(to, template, context=None, *, attachments=(), reply_to=(), tag=""):
    """Store an email to `emails/<template>_subject.txt`, `.txt` and (if present) `.html`; send it.

    Called inside the caller's transaction: the row (and, with the database task backend, its
    sending task) exists if and only if the transaction commits. Only what to render is stored
    here (the template, the context frozen with model instances as references, see
    outbox/rendering.py), so a locked row is not kept waiting for templates: the sending task
    renders the email, after the commit (the worker; in-process after the commit in
    development, at once in the tests), then sends it.

    `context` is a dict, or `outbox.rendering.later(function, *args)` returning one at render
    time; `attachments` is a list of (filename, text content, mimetype), where the content may
    also be `later(...)` (a calendar file built when the email is rendered).
    Returns the stored Email; sending happens in a background task.
    """
    from .tasks import send_email_task

    email = Email.objects.create(
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
    )
    send_email_task.enqueue(email.pk)
    return email


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
    """Mark a pending email as being sent; False if someone else has it or it is done."""
    now = timezone.now()
    return bool(
        Email.objects.filter(pk=email_id, status=EmailStatus.PENDING).update(
            status=EmailStatus.SENDING, claimed_at=now
        )
    )


def build_message(email):
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        reply_to=email.reply_to or None,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def deliver(email_id):
    """Send one email if it is still pending. Failures are recorded, never raised."""
    if not claim(email_id):
        return False
    email = Email.objects.get(pk=email_id)
    try:
        email = render_email(email)  # the first attempt renders it; a failure is retried like a send
        build_message(email).send()
    except Exception as exc:  # noqa: BLE001 - any transport error means "try again later"
        email.attempts += 1
        email.last_error = f"{exc.__class__.__name__}: {exc}"[:2000]
        email.status = EmailStatus.FAILED if email.attempts >= MAX_ATTEMPTS else EmailStatus.PENDING
        email.next_attempt_at = timezone.now() + Email.retry_delay(email.attempts)
        email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
        logger.warning("email %s not sent (attempt %s): %s", email.pk, email.attempts, email.last_error)
        return False
    email.attempts += 1
    email.status = EmailStatus.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["attempts", "status", "sent_at", "last_error"])
    return True


def release_stale_claims(older_than):
    """Emails claimed by a process that died mid-send go back to the queue."""
    return Email.objects.filter(
        status=EmailStatus.SENDING, claimed_at__lt=timezone.now() - older_than
    ).update(status=EmailStatus.PENDING)


def send_due_emails(limit=200):
    """Re-enqueue every pending email whose retry time has come. Returns the count."""
    from .tasks import send_email_task

    ids = list(Email.objects.due().order_by("next_attempt_at").values_list("pk", flat=True)[:limit])
    for email_id in ids:
        send_email_task.enqueue(email_id)
    return len(ids)
