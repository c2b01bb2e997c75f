"""The task worker survives a database outage (issue 15, item 3).

The real PostgreSQL restart is in tests/production/test_faults.py; here the outage is a
database error raised where django_tasks_db's loop would have died of it.
"""

from unittest import mock

import pytest
from django.core.management import get_commands
from django.db import InterfaceError, OperationalError
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResultQuerySet

from background.worker import ReconnectingWorker
from outbox.enums import EmailStatus
from outbox.services import queue_email


def make_worker(**options):
    return ReconnectingWorker(**{
        "queue_names": ["*"], "interval": 0, "batch": True, "backend_name": "default", "startup_delay": False,
        "max_tasks": None, "worker_id": "essai", "excluded_queue_names": [], **options,
    })


def test_db_worker_is_our_reconnecting_command():
    assert get_commands()["db_worker"] == "background"


def test_the_worker_waits_longer_and_longer_while_the_database_is_down():
    worker = make_worker()
    slept = []
    worker.sleep = slept.append
    outage = [OperationalError("the connection is closed"), InterfaceError("connection already closed"),
              OperationalError("connection refused"), None]

    with mock.patch.object(Worker, "run", side_effect=outage), mock.patch("background.worker.connections") as conns:
        worker.run()

    assert slept == [0.5, 1.0, 2.0]
    assert conns.close_all.call_count == 3


@pytest.mark.django_db(transaction=True)
def test_a_task_queued_during_an_outage_runs_once_the_database_answers(settings, caplog):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    worker = make_worker()
    worker.sleep = lambda seconds: None
    real_get_locked = DBTaskResultQuerySet.get_locked
    answers = iter([OperationalError("terminating connection due to administrator command")])

    def get_locked(queryset):
        error = next(answers, None)
        if error:
            raise error
        return real_get_locked(queryset)

    with mock.patch.object(DBTaskResultQuerySet, "get_locked", get_locked):
        worker.run()

    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert "database unreachable (OperationalError: terminating connection" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_db_worker_lowers_its_cpu_priority_before_running_tasks(settings):
    """On a busy machine the web processes get the processor first (bench/registrations.py)."""
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_WORKER_NICENESS = 7

    with mock.patch("background.worker.os.nice") as nice:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*")

    nice.assert_called_once_with(7)


def test_a_niceness_of_zero_leaves_the_worker_priority_alone():
    from background.worker import give_way_to_web_processes

    with mock.patch("background.worker.os.nice") as nice:
        give_way_to_web_processes(0)

    nice.assert_not_called()
