"""What happens while a registration holds its session's lock: the count and the rows, nothing else."""

import logging
import re
import time

import pytest
from django.db import connection

from courses import emails, services
from courses.enums import RegistrationStatus
from courses.models.registrations import SEATS_VERSION_KEY
from outbox import rendering
from outbox.enums import EmailStatus
from outbox.models import Email
from webassoc import cache_versions

from .factories import TrainingSessionPageFactory


@pytest.fixture
def work_inside_transactions(monkeypatch):
    """Records, for each template rendered and each calendar built, whether a transaction was open."""
    seen = []

    def spy(name, function):
        def wrapper(*args, **kwargs):
            seen.append((name, connection.in_atomic_block))
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(rendering, "render_to_string", spy("template", rendering.render_to_string))
    monkeypatch.setattr(emails, "build_calendar", spy("calendar", emails.build_calendar))
    return seen


@pytest.mark.django_db(transaction=True)
def test_registration_email_is_rendered_after_the_session_lock_is_released(settings, work_inside_transactions):
    """As in production, the sending task runs once the transaction has committed."""
    settings.TASKS = {"default": {"BACKEND": "webassoc.task_backends.ImmediateAfterCommitBackend"}}
    session = TrainingSessionPageFactory(capacity=1)

    registration = services.register(session, association_name="Les Jardins", contact_name="Camille",
                                     email="camille@example.org")

    assert registration.status == RegistrationStatus.CONFIRMED
    assert {name for name, _in_transaction in work_inside_transactions} == {"template", "calendar"}
    assert not [work for work in work_inside_transactions if work[1]], "rendered while the session was locked"
    email = Email.objects.get(to=["camille@example.org"])
    assert email.status == EmailStatus.SENT and email.subject.startswith("Inscription confirmée")
    assert email.attachments[0]["content"].startswith("BEGIN:VCALENDAR")


@pytest.mark.django_db
def test_the_kind_of_email_is_decided_under_the_lock_and_kept_whatever_happens_next(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # not sent yet
    session = TrainingSessionPageFactory(capacity=1)
    services.register(session, association_name="A", contact_name="Premier", email="premier@example.org")
    waiting = services.register(session, association_name="B", contact_name="Second", email="second@example.org")
    assert waiting.status == RegistrationStatus.WAITLISTED

    services.cancel(session.registrations.get(email="premier@example.org"))  # the second one is promoted

    templates = list(Email.objects.filter(to=["second@example.org"]).order_by("pk").values_list("template", flat=True))
    assert templates == ["courses/registration_waitlisted", "courses/registration_promoted"]


@pytest.mark.django_db
def test_registration_logs_how_long_it_held_the_session_lock(caplog, monkeypatch):
    # INFO below the warning threshold: raised here so that a loaded CI machine cannot make it WARNING.
    monkeypatch.setattr(services, "LOCK_HELD_WARNING_MS", 60_000)
    session = TrainingSessionPageFactory()

    with caplog.at_level(logging.INFO, logger="courses.locks"):
        services.register(session, association_name="A", contact_name="B", email="c@example.org")

    [record] = [r for r in caplog.records if r.name == "courses.locks"]
    assert record.levelno == logging.INFO
    assert f"session {session.pk} lock held " in record.getMessage()
    assert record.getMessage().endswith("(register)")


@pytest.mark.django_db(transaction=True)
def test_the_lock_is_held_until_the_commit_not_while_the_cache_is_told_afterwards(settings, caplog, monkeypatch):
    """The commit releases the row lock; the on-commit hooks of what was written (the seat count's
    version in Redis) run after it and are not part of the time held."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # not sent now
    monkeypatch.setattr(services, "LOCK_HELD_WARNING_MS", 60_000)
    bump = cache_versions.bump

    def slow_bump(key):  # a slow Redis, for the seat count's version
        if key == SEATS_VERSION_KEY:
            time.sleep(0.5)
        return bump(key)

    monkeypatch.setattr(cache_versions, "bump", slow_bump)
    session = TrainingSessionPageFactory()

    with caplog.at_level(logging.INFO, logger="courses.locks"):
        services.register(session, association_name="A", contact_name="B", email="c@example.org")

    [record] = [r for r in caplog.records if r.name == "courses.locks"]
    held_ms = float(re.search(r"lock held ([\d.]+) ms", record.getMessage()).group(1))
    assert held_ms < 500


def statements_under_the_lock(monkeypatch, register):
    """The SQL statements `register()` runs between taking the session lock and the commit, each
    as "VERB table" (the lock's own SELECT excluded)."""
    from django.test.utils import CaptureQueriesContext

    marks = {}
    real_lock = services.prepared_session_lock

    def prepared_session_lock(pk):
        statement = real_lock(pk)
        real_fetchone = statement.fetchone

        def fetchone():
            row = real_fetchone()
            marks["locked"] = len(captured.captured_queries)
            return row

        statement.fetchone = fetchone
        return statement

    monkeypatch.setattr(services, "prepared_session_lock", prepared_session_lock)
    with CaptureQueriesContext(connection) as captured:
        register()
    statements = []
    for query in captured.captured_queries[marks["locked"]:]:
        words = query["sql"].replace('"', "").split()
        table = words[2] if words[0] in ("INSERT", "DELETE") else words[1]
        statements.append(f"{words[0]} {table}")
    return [statement for statement in statements if not statement.startswith(("SAVEPOINT", "RELEASE"))]


@pytest.mark.django_db
def test_under_the_session_lock_a_registration_runs_only_the_count_and_its_email_switch(settings, monkeypatch):
    """The registration and its email are written before the lock; under it, one UPDATE counts
    the seats and confirms, the seated registrant's email becomes the confirmation, and the
    sending task is queued. Nothing else waits behind the lock."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # not sent yet
    session = TrainingSessionPageFactory(capacity=1)

    def register(name):
        return lambda: services.register(session, association_name="A", contact_name=name,
                                         email=f"{name.lower()}@example.org")

    seated = statements_under_the_lock(monkeypatch, register("Premier"))
    waiting = statements_under_the_lock(monkeypatch, register("Second"))

    assert seated == ["UPDATE courses_registration", "UPDATE outbox_email",
                      "INSERT django_tasks_database_dbtaskresult"]
    assert waiting == ["UPDATE courses_registration", "INSERT django_tasks_database_dbtaskresult"]
    sent = {email.to[0]: email.template for email in Email.objects.all()}
    assert sent == {"premier@example.org": "courses/registration_confirmed",
                    "second@example.org": "courses/registration_waitlisted"}
    confirmation = Email.objects.get(template="courses/registration_confirmed")
    assert confirmation.attachments[0]["filename"] == "formation-webassoc.ics"
