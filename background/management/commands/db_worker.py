"""`manage.py db_worker`: django_tasks_db's command, with a worker that survives a database restart.

This app is listed before django_tasks_db in INSTALLED_APPS, so this command replaces the
library's one under the same name (compose, make production-local and the README keep
calling `db_worker`). Same options; see background/worker.py for what changes. It also lowers
its own CPU priority (TASK_WORKER_NICENESS).
"""

import os

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from background.worker import ReconnectingWorker, give_way_to_web_processes


class Command(db_worker.Command):
    help = "Exécute les tâches en arrière-plan (file django-tasks en base) ; survit à un redémarrage de la base."

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload, max_tasks,
               worker_id, exclude_queues, **options):
        self.configure_logging(verbosity)
        give_way_to_web_processes(settings.TASK_WORKER_NICENESS)
        if reload and batch:
            db_worker.logger.warning("Warning: --reload and --batch cannot be specified together. Disabling autoreload.")
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ReconnectingWorker(
            queue_names=queue_names, interval=interval, batch=batch, backend_name=backend_name,
            startup_delay=startup_delay, max_tasks=max_tasks, worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
