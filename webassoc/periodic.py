"""Periodic jobs (reminders, retries, clean-up) and the rule that runs each once per interval.

`manage.py run_periodic_jobs` runs the jobs that are due, then exits (for cron);
with `--loop` it keeps running (the `scheduler` service of compose.yaml). Several
schedulers may run at once: a job is claimed with an atomic `cache.add` on the
shared cache (Redis in production), so it runs once per interval in total.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    command: str
    args: tuple = field(default_factory=tuple)
    enabled: bool = True


def jobs():
    uses_task_database = settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db")
    return [
        Job("emails", timedelta(minutes=1), "send_pending_emails"),
        Job("session_reminders", timedelta(hours=1), "send_session_reminders"),
        Job("task_results", timedelta(days=1), "prune_db_task_results", enabled=uses_task_database),
        Job("sessions", timedelta(days=1), "clearsessions"),
        Job("personal_data", timedelta(days=1), "purge_personal_data"),
    ]


def claim(job):
    """True for exactly one caller per interval, whatever the number of schedulers."""
    return cache.add(f"periodic:{job.name}", "running", timeout=int(job.every.total_seconds()))


def run_due_jobs(stdout=None):
    ran = []
    for job in jobs():
        if not job.enabled or not claim(job):
            continue
        try:
            call_command(job.command, *job.args, stdout=stdout)
        except Exception:  # one broken job must not stop the others
            logger.exception("periodic job %s failed", job.name)
            cache.delete(f"periodic:{job.name}")  # try again at the next tick
        else:
            ran.append(job.name)
    return ran
