"""Queue, send and retry emails."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone

from .enums import EmailStatus
from .models import MAX_ATTEMPTS, Email

logger = logging.getLogger(__name__)


def absolute_url(url):
    """`url` on BASE_URL when it is a bare path (emails need full addresses)."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def queue_email(to, template, context=None, *, attachments=(), reply_to=(), tag=""):
    """Render `emails/<template>_subject.txt`, `.txt` and (if present) `.html`, store, send.

    `attachments` is a list of (filename, text content, mimetype).
    Returns the stored Email; sending happens in a background task.
    """
    from .tasks import send_email_task

    context = {"base_url": settings.WAGTAILADMIN_BASE_URL, **(context or {})}
    subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
    body_text = render_to_string(f"emails/{template}.txt", context)
    try:
        body_html = render_to_string(f"emails/{template}.html", context)
    except TemplateDoesNotExist:  # the HTML version is optional
        body_html = ""
    email = Email.objects.create(
        to=[to] if isinstance(to, str) else list(to),
        reply_to=[reply_to] if isinstance(reply_to, str) else list(reply_to),
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        attachments=[
            {"filename": name, "content": content, "mimetype": mimetype}
            for name, content, mimetype in attachments
        ],
        tag=tag or template,
    )
    send_email_task.enqueue(email.pk)
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
