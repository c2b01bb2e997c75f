from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone

from background.models import PeriodicJob
from webassoc import periodic

pytestmark = pytest.mark.django_db


def test_a_job_is_claimed_once_per_interval_whatever_the_number_of_schedulers():
    job = periodic.Job("essai", timedelta(hours=1), "check")

    assert periodic.claim(job) is True
    assert periodic.claim(job) is False


def test_due_jobs_run_once_then_wait_for_their_interval():
    first = periodic.run_due_jobs(stdout=open("/dev/null", "w"))
    second = periodic.run_due_jobs(stdout=open("/dev/null", "w"))

    assert "emails" in first
    assert second == []


def test_a_failing_job_does_not_stop_the_others_and_is_retried_next_tick():
    jobs = [periodic.Job("casse", timedelta(hours=1), "commande_inexistante"),
            periodic.Job("emails", timedelta(hours=1), "send_pending_emails")]
    with mock.patch.object(periodic, "jobs", return_value=jobs):
        ran = periodic.run_due_jobs(stdout=open("/dev/null", "w"))
        assert ran == ["emails"]
        assert periodic.claim(jobs[0]) is True


def test_run_periodic_jobs_command_runs_due_jobs(capsys):
    call_command("run_periodic_jobs")

    assert "Tâches exécutées : emails" in capsys.readouterr().out


def test_a_job_is_claimed_with_a_row_in_the_database():
    job = periodic.Job("essai", timedelta(hours=1), "check")

    periodic.claim(job)

    row = PeriodicJob.objects.get(name="essai")
    assert row.next_run_at > timezone.now() + timedelta(minutes=59)


def test_a_job_is_due_again_once_its_interval_has_passed():
    job = periodic.Job("essai", timedelta(hours=1), "check")
    periodic.claim(job)

    PeriodicJob.objects.filter(name="essai").update(next_run_at=timezone.now() - timedelta(seconds=1))

    assert periodic.claim(job) is True


def test_the_scheduler_survives_a_database_outage_and_goes_on(caplog):
    outage = [OperationalError("the connection is closed"), OperationalError("connection refused"), ["emails"]]
    slept = []

    with mock.patch.object(periodic, "run_due_jobs", side_effect=outage), \
            mock.patch.object(periodic, "close_old_connections"), \
            mock.patch.object(periodic, "connections") as connections:
        periodic.run_forever(tick=30, sleep=slept.append, ticks=3)

    assert connections.close_all.call_count == 2  # broken connections dropped after each failure
    assert slept == [1, 2, 30]  # short waits while the database is down, then the normal tick
    warnings = [r.getMessage() for r in caplog.records if r.name == "webassoc.periodic"]
    assert "periodic jobs not run (OperationalError: the connection is closed)" in warnings[0]
    assert "running again" in warnings[-1]


def test_stuck_tasks_are_recovered_by_a_periodic_job_with_the_database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    job = next(job for job in periodic.jobs() if job.name == "stuck_tasks")

    assert job.enabled and job.command == "recover_stuck_tasks"
