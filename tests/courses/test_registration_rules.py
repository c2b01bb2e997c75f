from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from courses import services
from courses.enums import RegistrationStatus
from courses.models import Registration
from webassoc.errors import TryAgainLater
from webassoc.prepared_sql import Prepared

from .factories import RegistrationFactory, TrainingSessionPageFactory, in_days

pytestmark = pytest.mark.django_db


def register(session, email="camille@asso.example.org", attendees=1, **extra):
    return services.register(session, association_name="Asso", contact_name="Camille", email=email,
                             attendees=attendees, **extra)


def test_registration_that_fits_is_confirmed():
    session = TrainingSessionPageFactory(capacity=3)

    registration = register(session, attendees=3)

    assert registration.status == RegistrationStatus.CONFIRMED


def test_full_session_puts_registration_on_waitlist():
    session = TrainingSessionPageFactory(capacity=3)
    RegistrationFactory(session=session, attendees=3)

    registration = register(session)

    assert registration.status == RegistrationStatus.WAITLISTED


def test_seats_are_counted_in_attendees_not_in_registrations():
    session = TrainingSessionPageFactory(capacity=4)
    RegistrationFactory(session=session, attendees=3)

    assert register(session, "a@example.org", attendees=2).status == RegistrationStatus.WAITLISTED
    assert register(session, "b@example.org", attendees=1).status == RegistrationStatus.CONFIRMED
    assert session.count_seats_taken() == 4


def test_same_email_cannot_register_twice_whatever_the_case():
    session = TrainingSessionPageFactory()
    register(session, "Camille@Asso.example.org")

    with pytest.raises(services.AlreadyRegistered) as error:
        register(session, "camille@asso.EXAMPLE.org")

    assert "existe déjà" in error.value.message
    assert session.registrations.count() == 1


def test_cancelled_registration_does_not_block_a_new_one():
    session = TrainingSessionPageFactory()
    RegistrationFactory(session=session, email="camille@asso.example.org", status=RegistrationStatus.CANCELLED)

    assert register(session).status == RegistrationStatus.CONFIRMED


def test_database_refuses_two_active_registrations_with_the_same_email():
    from django.db import IntegrityError, transaction

    session = TrainingSessionPageFactory()
    RegistrationFactory(session=session, email="x@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(session=session, email="X@example.org", status=RegistrationStatus.WAITLISTED)


def test_more_attendees_than_the_session_allows_are_refused():
    session = TrainingSessionPageFactory(max_attendees_per_registration=2)

    with pytest.raises(services.TooManyAttendees):
        register(session, attendees=3)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"registration_opens_at": in_days(2)}, "pas encore ouvertes"),
        ({"registration_closes_at": in_days(-1)}, "closes"),
        ({"start": timezone.now() - timedelta(hours=1), "end": timezone.now() + timedelta(hours=2)}, "déjà commencé"),
        ({"start": in_days(-1, hour=9)}, "terminée"),
        ({"cancelled": True, "cancellation_reason": "Formateur malade"}, "annulée"),
    ],
)
def test_registration_is_closed_before_opening_after_closing_after_start_and_when_cancelled(fields, expected):
    session = TrainingSessionPageFactory(**fields)

    with pytest.raises(services.RegistrationClosed) as error:
        register(session)

    assert expected in error.value.message
    assert not session.registrations.exists()


def test_cancelling_a_confirmed_registration_promotes_the_waitlist_in_order():
    session = TrainingSessionPageFactory(capacity=2)
    leaving = RegistrationFactory(session=session, attendees=2)
    first = RegistrationFactory(session=session, status="waitlisted", created_at=timezone.now() - timedelta(hours=2))
    second = RegistrationFactory(session=session, status="waitlisted", created_at=timezone.now() - timedelta(hours=1))
    third = RegistrationFactory(session=session, status="waitlisted", created_at=timezone.now())
    mail.outbox.clear()

    assert services.cancel(leaving)

    statuses = {r.pk: r.status for r in Registration.objects.filter(session=session)}
    assert statuses[leaving.pk] == "cancelled"
    assert statuses[first.pk] == statuses[second.pk] == "confirmed"
    assert statuses[third.pk] == "waitlisted"
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects.count(f"Une place s’est libérée\u00a0: {session.get_parent().title}") == 2
    assert any(message.subject.startswith("Inscription annulée") for message in mail.outbox)


def test_a_group_too_large_for_the_freed_seats_keeps_its_place_and_a_smaller_one_goes_ahead():
    session = TrainingSessionPageFactory(capacity=3)
    leaving = RegistrationFactory(session=session, attendees=1)
    RegistrationFactory(session=session, attendees=2)
    big = RegistrationFactory(session=session, attendees=3, status="waitlisted", created_at=timezone.now() - timedelta(1))
    small = RegistrationFactory(session=session, attendees=1, status="waitlisted")

    services.cancel(leaving)

    big.refresh_from_db()
    small.refresh_from_db()
    assert big.status == "waitlisted"
    assert small.status == "confirmed"


def test_cancelling_a_waitlisted_registration_promotes_nobody():
    session = TrainingSessionPageFactory(capacity=1)
    RegistrationFactory(session=session)
    waiting = RegistrationFactory(session=session, status="waitlisted")
    other = RegistrationFactory(session=session, status="waitlisted")

    services.cancel(waiting)

    other.refresh_from_db()
    assert other.status == "waitlisted"


def test_cancelling_twice_does_nothing_the_second_time():
    registration = RegistrationFactory()

    assert services.cancel(registration) is True
    assert services.cancel(registration) is False


def test_raising_the_capacity_promotes_the_waitlist_when_the_session_is_published():
    session = TrainingSessionPageFactory(capacity=1)
    RegistrationFactory(session=session)
    waiting = RegistrationFactory(session=session, status="waitlisted")

    session.capacity = 2
    session.save_revision().publish()

    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert waiting.promoted_at is not None


def test_lowering_the_capacity_never_unconfirms_anyone_and_warns():
    session = TrainingSessionPageFactory(capacity=3)
    kept = RegistrationFactory(session=session, attendees=3)

    session.capacity = 1
    session.save_revision().publish()

    kept.refresh_from_db()
    assert kept.status == "confirmed"
    assert "3 places confirmées pour une capacité de 1" in services.capacity_warning(session)


def test_promoting_one_waitlisted_registration_needs_free_seats():
    session = TrainingSessionPageFactory(capacity=2)
    RegistrationFactory(session=session, attendees=2)
    waiting = RegistrationFactory(session=session, status="waitlisted")

    assert services.promote_one(waiting) is False

    session.capacity = 3
    session.save()
    assert services.promote_one(waiting) is True
    assert waiting.status == "confirmed"


def test_lock_timeout_becomes_a_polite_try_again(monkeypatch):
    from django.db import OperationalError

    session = TrainingSessionPageFactory()

    class LockNotAvailable(Exception):
        sqlstate = "55P03"

    def locked_out(*args):
        raise OperationalError("canceling statement due to lock timeout") from LockNotAvailable()

    monkeypatch.setattr(Prepared, "fetchone", locked_out)

    with pytest.raises(TryAgainLater) as error:
        register(session)
    assert "réessayer" in error.value.message


def test_deleting_a_session_with_registrations_is_refused_by_the_database():
    from django.db.models import ProtectedError

    registration = RegistrationFactory()

    with pytest.raises(ProtectedError):
        registration.session.delete()
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_anonymise_forgets_the_person_but_keeps_the_numbers():
    registration = RegistrationFactory(attendees=3, phone="0601020304", message="Bonjour")

    registration.anonymise()

    registration.refresh_from_db()
    assert "@" in registration.email and "asso.example.org" not in registration.email
    assert registration.phone == registration.message == ""
    assert registration.attendees == 3 and registration.status == "confirmed"
    assert registration.anonymised_at is not None


def test_anonymised_registration_gets_the_site_wide_placeholder_address():
    from webassoc.privacy import anonymous_email

    registration = RegistrationFactory()
    old_token = registration.token

    registration.anonymise()

    registration.refresh_from_db()
    assert registration.email == anonymous_email(registration.pk)
    assert registration.email.endswith("@anonyme.invalid")
    assert registration.token != old_token  # the cancel link of old emails stops working
