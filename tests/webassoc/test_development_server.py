"""The development server behaves like production under a burst (see also
tests/courses/test_concurrency.py, which fires 40 registrants at `manage.py runserver`)."""

import pytest
from django.core import mail
from django.core.management import get_commands, load_command_class
from django.db import transaction

from outbox.services import queue_email


@pytest.fixture
def development_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "webassoc.task_backends.ImmediateAfterCommitBackend"}}


@pytest.mark.django_db
def test_development_tasks_run_once_the_transaction_commits(development_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            queue_email("marie@example.org", "test_message", {"name": "Marie"})
        assert mail.outbox == []  # still inside the (test's) transaction: nothing sent yet

    assert [message.subject for message in mail.outbox] == ["Bonjour Marie"]


@pytest.mark.django_db
def test_development_tasks_of_a_rolled_back_transaction_never_run(development_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            queue_email("marie@example.org", "test_message", {"name": "Marie"})
            raise RuntimeError("refused")

    assert callbacks == [] and mail.outbox == []


def test_runserver_accepts_a_burst_of_connections():
    """Django's backlog of 10 makes the kernel reset the 11th simultaneous connection."""
    command = load_command_class(get_commands()["runserver"], "runserver")

    assert command.server_cls.request_queue_size >= 100
    assert command.__class__.__mro__[1].__module__ == "django.contrib.staticfiles.management.commands.runserver"
