from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from outbox.enums import EmailStatus
from outbox.models import Email
from outbox.services import deliver, queue_email

pytestmark = pytest.mark.django_db


class BrokenBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP injoignable")


@pytest.fixture
def broken_mail_server(settings):
    settings.EMAIL_BACKEND = "tests.outbox.test_outbox.BrokenBackend"


def test_queued_email_is_stored_then_sent(settings):
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})

    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["marie@example.org"]
    assert sent.subject == "Bonjour Marie"
    assert "Bonjour Marie," in sent.body
    assert sent.alternatives[0][1] == "text/html"


def test_email_to_an_anonymised_address_is_never_sent_nor_counted_as_a_failure():
    email = queue_email("anonyme-12@anonyme.invalid", "test_message", {"name": "Marie"})

    email.refresh_from_db()
    assert email.status == EmailStatus.UNDELIVERABLE
    assert mail.outbox == []
    assert "anonymisée" in email.last_error
    assert not Email.objects.filter(status=EmailStatus.FAILED).exists()


def test_anonymised_addresses_are_left_out_of_an_email_that_has_real_recipients_too():
    email = queue_email(["anonyme-12@anonyme.invalid", "marie@example.org"], "test_message", {"name": "Marie"})

    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert mail.outbox[0].to == ["marie@example.org"]


def test_attachments_are_sent_with_the_email():
    queue_email(
        "marie@example.org", "test_message", {"name": "Marie"},
        attachments=[("session.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")],
    )

    assert mail.outbox[0].attachments[0][0] == "session.ics"


def test_failing_mail_server_keeps_the_email_pending_for_a_later_retry(broken_mail_server):
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})

    email.refresh_from_db()
    assert email.status == EmailStatus.PENDING
    assert email.attempts == 1
    assert "SMTP injoignable" in email.last_error
    assert email.next_attempt_at > timezone.now()


def test_pending_emails_are_sent_once_the_server_is_back(settings, broken_mail_server):
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    Email.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    call_command("send_pending_emails", stdout=open("/dev/null", "w"))

    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.attempts == 2
    assert len(mail.outbox) == 1


def test_an_email_is_never_sent_twice():
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})

    assert deliver(email.pk) is False
    assert len(mail.outbox) == 1


def test_email_gives_up_after_too_many_attempts(broken_mail_server):
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    for _ in range(10):
        Email.objects.filter(pk=email.pk, status=EmailStatus.PENDING).update(
            next_attempt_at=timezone.now()
        )
        deliver(email.pk)

    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    assert email.attempts == 8


def test_retry_delay_grows_and_is_capped():
    assert Email.retry_delay(1) == timedelta(minutes=1)
    assert Email.retry_delay(4) == timedelta(minutes=8)
    assert Email.retry_delay(20) == timedelta(hours=6)


def test_a_send_slot_is_claimed_once_per_interval():
    from alerts.models import Subscription
    from outbox.services import claim_send_slot
    from tests.alerts.factories import SubscriptionFactory

    subscription = SubscriptionFactory()
    rows, now = Subscription.objects.filter(pk=subscription.pk), timezone.now()

    def claim(at):
        return claim_send_slot(rows, field="confirmation_sent_at", interval=timedelta(minutes=10), now=at)

    assert claim(now) is True
    assert claim(now + timedelta(minutes=9)) is False
    assert claim(now + timedelta(minutes=10)) is True
