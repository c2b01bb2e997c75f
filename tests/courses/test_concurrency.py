"""Seats under real concurrency: only meaningful on PostgreSQL (SQLite serialises writes itself)."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.db import connection, connections

from bench.registrations import Person, burst
from courses import services
from courses.enums import RegistrationStatus
from courses.models import Registration
from outbox.enums import EmailStatus
from outbox.models import Email
from scripts.production_stack import wait_until_ready
from webassoc.errors import DomainError, TryAgainLater

from .factories import TrainingSessionPageFactory


def register_in_threads(session, count, attendees=1):
    barrier = threading.Barrier(count)
    outcomes, lock = [], threading.Lock()

    def worker(number):
        try:
            # The invariant under test is the capacity, not the 5 s production lock timeout: a
            # loaded CI machine must not turn a slow wait into "réessayez" here (tested below).
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = '60s'")
            barrier.wait()
            registration = services.register(
                session, association_name=f"Asso {number}", contact_name="Contact",
                email=f"personne{number}@example.org", attendees=attendees,
            )
            outcome = registration.status
        except DomainError as error:
            outcome = type(error).__name__
        except Exception as error:  # noqa: BLE001 - the test reports any server error
            outcome = f"ERREUR {error!r}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_registrations_never_confirm_more_than_ten_seats(on_postgresql):
    session = TrainingSessionPageFactory(capacity=10)

    outcomes = register_in_threads(session, 50)

    assert sorted(set(outcomes)) == ["confirmed", "waitlisted"], outcomes
    assert outcomes.count("confirmed") == 10
    assert outcomes.count("waitlisted") == 40
    assert session.count_seats_taken() == 10
    assert Registration.objects.filter(session=session).count() == 50


@pytest.mark.django_db(transaction=True)
def test_groups_registering_at_once_never_exceed_the_capacity(on_postgresql):
    session = TrainingSessionPageFactory(capacity=10, max_attendees_per_registration=3)

    outcomes = register_in_threads(session, 20, attendees=3)

    assert not [o for o in outcomes if o.startswith("ERREUR")], outcomes
    assert session.count_seats_taken() == 9  # three groups of three; a fourth would make 12
    assert outcomes.count("confirmed") == 3


@pytest.mark.django_db(transaction=True)
def test_a_registration_waiting_too_long_for_the_lock_gets_try_again(on_postgresql, settings):
    """Another transaction holds the session row: the lock timeout becomes TryAgainLater."""
    session = TrainingSessionPageFactory(capacity=10)
    holder_ready, release = threading.Event(), threading.Event()

    def hold_the_lock():
        from django.db import transaction

        with transaction.atomic():
            services.lock_session(session.pk)
            holder_ready.set()
            release.wait(10)
        connections.close_all()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    holder_ready.wait(10)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '200ms'")
        with pytest.raises(TryAgainLater):
            services.register(session, association_name="A", contact_name="B", email="c@example.org")
    finally:
        release.set()
        holder.join()
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = 0")
    assert not Registration.objects.exists()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def development_server(log_path):
    """`manage.py runserver` (threaded, development settings) on the test database."""
    database = connection.settings_dict
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "REDIS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="webassoc.settings.dev",
        DATABASE_URL=f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
    )
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
            cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            wait_until_ready(f"http://127.0.0.1:{port}/healthz", timeout=60)
            yield port
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=15)


@pytest.mark.django_db(transaction=True)
def test_development_server_takes_forty_simultaneous_registrants_without_asking_anyone_to_retry(
    on_postgresql, tmp_path
):
    session = TrainingSessionPageFactory(capacity=6, max_attendees_per_registration=1)
    people = [Person(0, session.url, f"127.0.0.{n + 2}", f"rafale{n}@example.org") for n in range(40)]

    with development_server(tmp_path / "runserver.log") as port:
        for person in people:
            person.port = port
        burst(people)

    answers = [(person.email, person.status, person.outcome) for person in people]
    assert [outcome for _email, _status, outcome in answers] == ["registered"] * 40, answers
    registrations = list(Registration.objects.filter(session=session))
    assert len(registrations) == 40
    assert session.count_seats_taken() == 6
    assert sum(r.status == RegistrationStatus.CONFIRMED for r in registrations) == 6
    # Each registration has its one email, of the kind decided under the lock, rendered and sent.
    for registration in registrations:
        email = Email.objects.get(to=[registration.email])
        assert email.template == f"courses/registration_{registration.status}"
        assert email.status == EmailStatus.SENT and registration.association_name in email.body_text
