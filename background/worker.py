"""The task worker: django_tasks_db's Worker, made to survive a database outage.

django_tasks_db's own loop lets any database error escape, so a PostgreSQL restart ended
`db_worker` for good ("the connection is closed"). `ReconnectingWorker` catches connection
errors around the loop, drops the broken connections, waits (0.5 s, 1 s, 2 s… up to 30 s)
and goes on; SIGTERM and Ctrl+C still stop it (django_tasks_db's own signal handling).
A task that was running when the database went away stays RUNNING: the periodic job
`recover_stuck_tasks` runs it again once, then marks it failed.
"""

import logging
import os
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands.db_worker import Worker

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)


def give_way_to_web_processes(niceness):
    """Lower this process's CPU priority by `niceness` (TASK_WORKER_NICENESS): on a busy machine
    the people waiting for a page get the processor first, and emails leave a moment later. An
    idle processor still runs the worker at full speed. 0 leaves the priority as it is."""
    if niceness > 0:
        os.nice(niceness)


class ReconnectingWorker(Worker):
    first_delay = 0.5
    max_delay = 30.0
    # A loop that ran this long before failing had recovered: the next wait starts short again.
    healthy_after = 60.0

    def run(self):
        delay = self.first_delay
        while self.running:
            started = time.monotonic()
            try:
                return super().run()
            except DATABASE_ERRORS as exc:
                if time.monotonic() - started > self.healthy_after:
                    delay = self.first_delay
                logger.warning(
                    "task worker %s: database unreachable (%s: %s), next try in %.1f s",
                    self.worker_id, exc.__class__.__name__, str(exc).strip()[:200], delay,
                )
                connections.close_all()
                self.startup_delay = False
                self.running_task = False
                self.sleep(delay)
                delay = min(delay * 2, self.max_delay)
        return None

    def sleep(self, seconds):
        time.sleep(seconds)  # SIGTERM during the wait exits at once (Worker.shutdown)
