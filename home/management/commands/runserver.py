"""`manage.py runserver` that does not turn a burst of visitors away.

Django's development server listens with a backlog of 10 connections: when 40 people post a
form at the same moment (a training session opening), the kernel resets the connections that
do not fit, before Django sees them (tests/courses/test_concurrency.py). This is the same
command as django.contrib.staticfiles' (static files served, threaded), with a backlog of 128.
"""

from django.contrib.staticfiles.management.commands.runserver import Command as StaticFilesRunserver
from django.core.servers.basehttp import WSGIServer

LISTEN_BACKLOG = 128


class BurstReadyWSGIServer(WSGIServer):
    request_queue_size = LISTEN_BACKLOG


class Command(StaticFilesRunserver):
    server_cls = BurstReadyWSGIServer
