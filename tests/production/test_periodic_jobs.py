from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command

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
