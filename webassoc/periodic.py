"""Periodic jobs (reminders, retries, clean-up) and the rule that runs each once per interval.

`manage.py run_periodic_jobs` runs the jobs that are due, then exits (for cron);
with `--loop` it keeps running (the `scheduler` service of compose.yaml). Several
schedulers may run at once: a job is claimed with a conditional UPDATE on its row in
the database (`background.PeriodicJob`), so it runs once per interval in total, and
scheduling does not depend on Redis at all.

The loop never dies of a failing tick: when the database is unreachable it logs a
warning, drops its connections and tries again (1, 2, 4… seconds, at most one tick).
Each tick also writes the cache-version bumps a job could not write during a Redis outage
(`cache_versions.replay_pending()`), so that pages it published are not served stale.
"""

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections, connections

from . import cache_versions

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
        # Wagtail's scheduled publishing: pages and missions going live or expiring. Each publish
        # or unpublish saves the object, which invalidates the page cache (webassoc/page_cache.py).
        Job("scheduled_publishing", timedelta(minutes=1), "publish_scheduled"),
        Job("session_reminders", timedelta(hours=1), "send_session_reminders"),
        Job("application_reminders", timedelta(days=1), "send_application_reminders"),
        Job("checkins", timedelta(hours=1), "send_checkins"),
        # Alerts left over by a capped run, and the weekly digests (Mondays from 8:00).
        Job("alerts", timedelta(minutes=10), "send_alerts"),
        Job("stuck_tasks", timedelta(minutes=5), "recover_stuck_tasks", enabled=uses_task_database),
        Job("task_results", timedelta(days=1), "prune_db_task_results", enabled=uses_task_database),
        Job("sessions", timedelta(days=1), "clearsessions"),
        Job("personal_data", timedelta(days=1), "purge_personal_data"),
    ]


def _claims():
    return apps.get_model("background", "PeriodicJob").objects


def claim(job):
    """True for exactly one caller per interval, whatever the number of schedulers."""
    return _claims().claim(job.name, every=job.every)


def run_due_jobs(stdout=None):
    """Run the jobs that are due. A database error while claiming is raised (see run_forever)."""
    ran = []
    for job in jobs():
        if not job.enabled or not claim(job):
            continue
        try:
            call_command(job.command, *job.args, stdout=stdout)
        except Exception as exc:  # one broken job must not stop the others
            logger.exception("periodic job %s failed", job.name)
            _claims().release(job.name, error=f"{exc.__class__.__name__}: {exc}")  # try again at the next tick
        else:
            _claims().finished(job.name)
            ran.append(job.name)
    return ran


def replay_cache_bumps():
    """Content-version bumps lost while the cache was down (a scheduled publish during a Redis
    outage) are written as soon as it answers: this process has no other cache traffic to carry
    them. Free when nothing was lost; never stops the loop."""
    try:
        cache_versions.replay_pending()
    except Exception as exc:  # noqa: BLE001 - the cache is an optimisation: the jobs run anyway
        logger.warning("cache version bumps not replayed (%s: %s)", exc.__class__.__name__, str(exc).strip()[:200])


def run_forever(tick, stdout=None, sleep=time.sleep, ticks=None):
    """The scheduler's loop: run due jobs every `tick` seconds, whatever fails (`ticks` for tests)."""
    failures = 0
    while ticks is None or ticks > 0:
        ticks = None if ticks is None else ticks - 1
        close_old_connections()  # drop a connection the database closed (restart) since the last tick
        replay_cache_bumps()
        try:
            ran = run_due_jobs(stdout=stdout)
        except Exception as exc:  # noqa: BLE001 - the scheduler must survive (database restart…)
            failures += 1
            delay = min(2 ** (failures - 1), tick)
            logger.warning("periodic jobs not run (%s: %s), next try in %s s",
                           exc.__class__.__name__, str(exc).strip()[:200], delay)
            connections.close_all()
            sleep(delay)
            continue
        if failures:
            logger.warning("periodic jobs running again (failed ticks before: %s)", failures)
            failures = 0
        if ran and stdout is not None:
            stdout.write(f"Tâches exécutées : {', '.join(ran)}")
        sleep(tick)
