"""`manage.py runserver` that does not turn a burst of visitors away, and runs the periodic jobs.

Django's development server listens with a backlog of 10 connections: when 40 people post a
form at the same moment (a training session opening), the kernel resets the connections that
do not fit, before Django sees them (tests/courses/test_concurrency.py). This is the same
command as django.contrib.staticfiles' (static files served, threaded), with a backlog of 128.

`make run` has no scheduler service: the server process runs the periodic jobs
(`webassoc.periodic`: scheduled publishing every minute, email retries, reminders…) in a
background thread, as the `scheduler` service does in production. `--no-scheduler` turns it off.
The thread starts in the process that serves (the autoreloader's child), once.
"""

import threading

from django.contrib.staticfiles.management.commands.runserver import Command as StaticFilesRunserver
from django.core.servers.basehttp import WSGIServer

from webassoc import periodic

LISTEN_BACKLOG = 128
SCHEDULER_TICK_SECONDS = 30


class BurstReadyWSGIServer(WSGIServer):
    request_queue_size = LISTEN_BACKLOG


def start_scheduler(tick=SCHEDULER_TICK_SECONDS):
    """The periodic jobs in a daemon thread (dies with the server)."""
    thread = threading.Thread(
        target=periodic.run_forever, args=(tick,), name="periodic-jobs", daemon=True,
    )
    thread.start()
    return thread


class Command(StaticFilesRunserver):
    server_cls = BurstReadyWSGIServer

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-scheduler", action="store_false", dest="use_scheduler",
            help="Ne lance pas les tâches périodiques (publication planifiée, renvois d'e-mails…).",
        )

    def inner_run(self, *args, **options):
        if options.get("use_scheduler", True):
            start_scheduler()
        return super().inner_run(*args, **options)
