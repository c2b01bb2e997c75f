from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from courses import services
from courses.enums import CancelledBy
from courses.models import Registration

from .factories import RegistrationFactory, TrainingSessionPageFactory, in_days

pytestmark = pytest.mark.django_db


def test_reminder_is_sent_two_days_before_with_the_meeting_link():
    soon = TrainingSessionPageFactory(start=timezone.now() + timedelta(days=1, hours=20))
    later = TrainingSessionPageFactory(start=in_days(10))
    reminded = RegistrationFactory(session=soon)
    RegistrationFactory(session=later)
    RegistrationFactory(session=soon, status="waitlisted")
    mail.outbox.clear()

    assert services.send_reminders() == 1

    assert [message.to for message in mail.outbox] == [[reminded.email]]
    assert mail.outbox[0].subject.startswith("Rappel")
    assert "https://visio.example.org/salle-secrete" in mail.outbox[0].body


def test_reminders_are_sent_once_however_often_the_command_runs():
    session = TrainingSessionPageFactory(start=timezone.now() + timedelta(days=1))
    RegistrationFactory(session=session)
    mail.outbox.clear()

    call_command("send_session_reminders")
    call_command("send_session_reminders")
    services.send_reminders()

    assert len(mail.outbox) == 1


def test_a_reminder_claimed_by_another_process_is_not_sent_again(monkeypatch):
    """The conditional UPDATE is the claim: a row already stamped is skipped."""
    session = TrainingSessionPageFactory(start=timezone.now() + timedelta(days=1))
    registration = RegistrationFactory(session=session)
    mail.outbox.clear()
    original = Registration.objects.filter

    def filter_then_lose_the_race(*args, **kwargs):
        queryset = original(*args, **kwargs)
        if kwargs.get("pk") == registration.pk and "reminder_sent_at__isnull" in kwargs:
            original(pk=registration.pk).update(reminder_sent_at=timezone.now())  # the other process wins
        return queryset

    monkeypatch.setattr(Registration.objects, "filter", filter_then_lose_the_race)

    assert services.send_reminders() == 0
    assert mail.outbox == []


def test_reminders_skip_cancelled_sessions():
    session = TrainingSessionPageFactory(start=timezone.now() + timedelta(days=1), cancelled=True,
                                         cancellation_reason="Salle indisponible")
    RegistrationFactory(session=session)

    assert services.send_reminders() == 0


def test_cancelling_a_session_emails_every_active_registrant_once():
    session = TrainingSessionPageFactory()
    confirmed = RegistrationFactory(session=session)
    waiting = RegistrationFactory(session=session, status="waitlisted")
    RegistrationFactory(session=session, status="cancelled")
    mail.outbox.clear()

    session.cancelled = True
    session.cancellation_reason = "La formatrice est malade."
    session.save_revision().publish()
    session.save_revision().publish()

    assert sorted(message.to[0] for message in mail.outbox) == sorted([confirmed.email, waiting.email])
    assert all("La formatrice est malade." in message.body for message in mail.outbox)


def test_confirmation_email_text_is_not_html_escaped():
    session = TrainingSessionPageFactory(title="Session d'été")
    mail.outbox.clear()

    services.register(session, association_name="Les Amis d'Ici", contact_name="Zoé", email="z@example.org")

    body = mail.outbox[0].body
    assert "Les Amis d’Ici" in body and "&#x27;" not in body
    assert "Session d’été" in body


def test_reminder_job_is_part_of_the_periodic_jobs():
    from webassoc.periodic import jobs

    assert "send_session_reminders" in [job.command for job in jobs()]


def test_email_failure_keeps_the_registration_and_leaves_the_email_to_retry(settings):
    from outbox.enums import EmailStatus
    from outbox.models import Email

    settings.EMAIL_BACKEND = "tests.courses.test_emails_and_reminders.FailingBackend"
    session = TrainingSessionPageFactory()

    registration = services.register(session, association_name="Asso", contact_name="Zoé", email="z@example.org")

    registration.refresh_from_db()
    assert registration.status == "confirmed"
    email = Email.objects.get(to=["z@example.org"])
    assert email.status == EmailStatus.PENDING and email.attempts == 1
    assert "SMTP en panne" in email.last_error


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("SMTP en panne")




@pytest.mark.parametrize(("by", "wording"), [
    (CancelledBy.REGISTRANT, "Nous avons bien annulé votre inscription"),
    (CancelledBy.TEAM, "L’équipe Webassoc a annulé votre inscription"),
])
def test_cancellation_email_says_who_cancelled(by, wording):
    registration = RegistrationFactory()
    mail.outbox.clear()

    services.cancel(registration, by=by)

    [message] = mail.outbox
    assert wording in message.body
    assert wording in message.alternatives[0][0]
