"""At most once per message where the transport allows it (issue 15, item 4).

A Message-ID fixed when the email is queued; the attempt recorded by the claim before
anything is sent; a sending interrupted once the message was being handed over is marked
"envoi incertain" and never re-sent blindly, while one interrupted before goes back to the queue.
"""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone

from outbox import services
from outbox.enums import EmailStatus
from outbox.models import Email
from outbox.services import claim, deliver, queue_email, release_stale_claims
from tests.factories import SuperUserFactory, UserFactory

pytestmark = pytest.mark.django_db

SEEN_DURING_SENDING = []


class ObservingBackend(BaseEmailBackend):
    """Notes what the database says while the message is being handed over."""

    def send_messages(self, messages):
        email = Email.objects.get(message_id=messages[0].extra_headers["Message-ID"])
        SEEN_DURING_SENDING.append((email.status, email.attempts, email.transmission_started_at))
        return 1


class DroppedDuringTransmission(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class TimedOutWaitingForTheServer(BaseEmailBackend):
    def send_messages(self, messages):
        raise TimeoutError("timed out")


class RefusedByTheServer(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPDataError(451, b"Try again later")


class UnreachableServer(BaseEmailBackend):
    def open(self):
        raise ConnectionRefusedError("SMTP injoignable")


def queued_without_sending(settings):
    """An email in the queue, as the worker would find it (the immediate backend is bypassed)."""
    settings.EMAIL_BACKEND = "tests.outbox.test_interrupted_delivery.UnreachableServer"
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    Email.objects.filter(pk=email.pk).update(status=EmailStatus.PENDING, attempts=0, next_attempt_at=timezone.now())
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    email.refresh_from_db()
    return email


def killed_while_sending(email, *, transmission_started):
    """What a worker killed with SIGKILL leaves behind, 20 minutes later."""
    assert claim(email.pk)
    long_ago = timezone.now() - timedelta(minutes=20)
    Email.objects.filter(pk=email.pk).update(
        claimed_at=long_ago, transmission_started_at=long_ago if transmission_started else None
    )


def test_the_message_id_is_fixed_when_queued_and_sent_with_the_email():
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})

    assert email.message_id.startswith("<") and email.message_id.endswith("@webassoc.localhost>")
    assert mail.outbox[0].message()["Message-ID"] == email.message_id


def test_every_attempt_uses_the_same_message_id(settings):
    settings.EMAIL_BACKEND = "tests.outbox.test_interrupted_delivery.UnreachableServer"
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    Email.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    deliver(email.pk)

    email.refresh_from_db()
    assert email.attempts == 2
    assert mail.outbox[0].message()["Message-ID"] == email.message_id


def test_each_email_has_its_own_message_id():
    first = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    second = queue_email("marie@example.org", "test_message", {"name": "Marie"})

    assert first.message_id != second.message_id


def test_the_claim_records_the_attempt_before_the_message_is_handed_over(settings):
    email = queued_without_sending(settings)
    settings.EMAIL_BACKEND = "tests.outbox.test_interrupted_delivery.ObservingBackend"
    SEEN_DURING_SENDING.clear()

    assert deliver(email.pk) is True

    status, attempts, transmission_started_at = SEEN_DURING_SENDING[0]
    assert status == EmailStatus.SENDING and attempts == 1 and transmission_started_at is not None


def test_a_worker_killed_before_the_transmission_puts_the_email_back_in_the_queue(settings):
    email = queued_without_sending(settings)
    killed_while_sending(email, transmission_started=False)

    call_command("send_pending_emails", stdout=open("/dev/null", "w"))

    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert len(mail.outbox) == 1
    assert mail.outbox[0].message()["Message-ID"] == email.message_id


def test_a_worker_killed_during_the_transmission_never_sends_the_email_again(settings):
    email = queued_without_sending(settings)
    killed_while_sending(email, transmission_started=True)

    call_command("send_pending_emails", stdout=open("/dev/null", "w"))
    call_command("send_pending_emails", stdout=open("/dev/null", "w"))

    email.refresh_from_db()
    assert email.status == EmailStatus.UNCERTAIN
    assert email.get_status_display() == "Envoi incertain"
    assert "peut-être arrivé" in email.last_error
    assert mail.outbox == []


def test_a_claim_in_progress_is_left_alone(settings):
    email = queued_without_sending(settings)
    assert claim(email.pk)

    assert release_stale_claims(older_than=timedelta(minutes=15)) == (0, 0)

    email.refresh_from_db()
    assert email.status == EmailStatus.SENDING


def test_a_connection_lost_during_the_transmission_makes_the_delivery_uncertain(settings):
    settings.EMAIL_BACKEND = "tests.outbox.test_interrupted_delivery.DroppedDuringTransmission"

    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})

    email.refresh_from_db()
    assert email.status == EmailStatus.UNCERTAIN
    assert "SMTPServerDisconnected" in email.last_error


def test_no_answer_after_the_message_was_handed_over_makes_the_delivery_uncertain(settings):
    settings.EMAIL_BACKEND = "tests.outbox.test_interrupted_delivery.TimedOutWaitingForTheServer"

    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})

    email.refresh_from_db()
    assert email.status == EmailStatus.UNCERTAIN


def test_a_message_refused_by_the_server_is_retried_later(settings):
    settings.EMAIL_BACKEND = "tests.outbox.test_interrupted_delivery.RefusedByTheServer"

    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})

    email.refresh_from_db()
    assert email.status == EmailStatus.PENDING
    assert "SMTPDataError" in email.last_error


@pytest.fixture
def uncertain_email(settings):
    settings.EMAIL_BACKEND = "tests.outbox.test_interrupted_delivery.DroppedDuringTransmission"
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return email


def test_the_team_filters_uncertain_emails_in_the_admin(client, uncertain_email):
    queue_email("paul@example.org", "test_message", {"name": "Paul"})  # sent
    client.force_login(SuperUserFactory())

    response = client.get("/admin/emails/", {"status": EmailStatus.UNCERTAIN})

    assert [email.pk for email in response.context["object_list"]] == [uncertain_email.pk]
    assert "Envoi incertain" in response.content.decode()
    inspect = client.get(f"/admin/emails/inspect/{uncertain_email.pk}/").content.decode()
    assert f"/admin/emails/{uncertain_email.pk}/action/resend/" in inspect


def test_resending_asks_for_confirmation_then_sends_with_the_same_message_id(client, uncertain_email):
    client.force_login(SuperUserFactory())
    url = f"/admin/emails/{uncertain_email.pk}/action/resend/"

    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert "peut-être déjà reçu" in confirmation.content.decode()
    assert mail.outbox == []

    response = client.post(url, follow=True)

    uncertain_email.refresh_from_db()
    assert uncertain_email.status == EmailStatus.SENT
    assert mail.outbox[0].message()["Message-ID"] == uncertain_email.message_id
    assert "remis en file" in response.content.decode()


def test_a_sent_email_cannot_be_resent(client):
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    client.force_login(SuperUserFactory())

    client.post(f"/admin/emails/{email.pk}/action/resend/")

    assert len(mail.outbox) == 1
    assert services.resend(email) is False


def test_resending_needs_its_own_permission(client, uncertain_email):
    client.force_login(UserFactory(is_staff=True))

    response = client.post(f"/admin/emails/{uncertain_email.pk}/action/resend/")

    assert response.status_code in (302, 403)
    uncertain_email.refresh_from_db()
    assert uncertain_email.status == EmailStatus.UNCERTAIN
