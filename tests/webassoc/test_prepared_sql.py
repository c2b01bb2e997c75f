"""Statements compiled before a lock and run under it (webassoc/prepared_sql.py)."""

import pytest
from django.db import transaction

from courses.enums import RegistrationStatus
from courses.models import Registration
from tests.courses.factories import RegistrationFactory
from webassoc.prepared_sql import Prepared

pytestmark = pytest.mark.django_db


def test_a_prepared_select_returns_the_row_converted_as_the_orm_would():
    registration = RegistrationFactory(attendees=3)
    columns = ("attendees", "created_at", "status")
    queryset = Registration.objects.filter(pk=registration.pk).values_list(*columns)

    row = Prepared.select(queryset).fetchone()

    assert row == queryset.get()
    assert row[1].tzinfo is not None  # an aware datetime, on SQLite too


def test_a_prepared_select_that_finds_nothing_returns_none():
    queryset = Registration.objects.filter(pk=0).values_list("status")

    assert Prepared.select(queryset).fetchone() is None


def test_a_prepared_select_for_update_locks_like_the_queryset():
    registration = RegistrationFactory()
    with transaction.atomic():
        statement = Prepared.select(Registration.objects.select_for_update().filter(pk=registration.pk)
                                    .values_list("email"))

        assert statement.fetchone() == (registration.email,)


def test_a_prepared_update_reads_the_rows_when_it_runs_not_when_it_was_compiled():
    RegistrationFactory(status=RegistrationStatus.WAITLISTED)
    second = RegistrationFactory(status=RegistrationStatus.CONFIRMED)
    statement = Prepared.update(Registration.objects.filter(status=RegistrationStatus.WAITLISTED),
                                message="Vu sur la liste d’attente")
    Registration.objects.filter(pk=second.pk).update(status=RegistrationStatus.WAITLISTED)

    assert statement.rowcount() == 2
    assert set(Registration.objects.values_list("message", flat=True)) == {"Vu sur la liste d’attente"}


def test_a_registration_confirmation_counts_the_seats_taken_when_it_runs():
    """Compiled before the session is locked, the count is still the one under the lock."""
    waiting = RegistrationFactory(status=RegistrationStatus.WAITLISTED, session__capacity=1)
    confirming = Registration.objects.confirmation_if_it_fits(waiting)
    RegistrationFactory(session=waiting.session, status=RegistrationStatus.CONFIRMED)  # took the seat meanwhile

    assert confirming.rowcount() == 0
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITLISTED


def test_a_registration_confirmation_reads_the_capacity_when_it_runs():
    seated = RegistrationFactory(status=RegistrationStatus.CONFIRMED, session__capacity=1)
    waiting = RegistrationFactory(status=RegistrationStatus.WAITLISTED, session=seated.session)
    confirming = Registration.objects.confirmation_if_it_fits(waiting)
    waiting.session.capacity = 2  # raised meanwhile
    waiting.session.save(update_fields=["capacity"])

    assert confirming.rowcount() == 1
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
