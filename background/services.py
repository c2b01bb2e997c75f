"""Recovery of background tasks whose worker died (kill -9, machine restart, database outage)."""

import logging

from django.conf import settings
from django.utils import timezone

from .enums import TaskStatus
from .models import BackgroundTask

logger = logging.getLogger(__name__)


class TaskInterrupted(Exception):
    """Stored as the error of a task whose worker stopped while it ran, twice."""


INTERRUPTED_MESSAGE = (
    "Tâche interrompue deux fois (processus arrêté pendant son exécution) : abandonnée. "
    "Elle restait « en cours » depuis plus de %(minutes)s minutes."
)


def recover_stuck_tasks(now=None):
    """Run each stuck task once more (back to READY); one already run twice is marked failed.

    Each row is changed by a conditional UPDATE (still RUNNING, same start), so a worker that
    finishes the task at the same moment wins. Returns (retried, failed).
    """
    now = now or timezone.now()
    retried = failed = 0
    for result in BackgroundTask.objects.stuck(now).only("id", "started_at", "worker_ids", "task_path"):
        same_run = BackgroundTask.objects.filter(pk=result.pk, status=TaskStatus.RUNNING, started_at=result.started_at)
        if len(result.worker_ids) < 2:
            changed = same_run.update(status=TaskStatus.READY, started_at=None)
            retried += changed
            what = "queued again"
        else:
            message = INTERRUPTED_MESSAGE % {"minutes": settings.TASK_STUCK_MINUTES}
            changed = same_run.update(
                status=TaskStatus.FAILED, finished_at=now, return_value=None,
                exception_class_path=f"{TaskInterrupted.__module__}.{TaskInterrupted.__qualname__}",
                traceback=f"{TaskInterrupted.__qualname__}: {message}\n",
            )
            failed += changed
            what = "marked failed"
        if changed:
            logger.warning("task %s (%s) stuck since %s: %s", result.pk, result.task_path, result.started_at, what)
    return retried, failed
