"""Task backend of the development server: tasks run in-process, after the commit.

django-tasks' ImmediateBackend runs a task the moment it is enqueued, inside the caller's
transaction: a registration would keep its session locked while its email is rendered and
printed. In production the database backend makes the task visible to the worker only when the
transaction commits; this backend does the same in-process, so `make run` behaves like
production. Outside a transaction the task runs at once; a rolled-back transaction runs nothing.
The tests keep the plain ImmediateBackend: their transactions never commit.
"""

from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend


class ImmediateAfterCommitBackend(ImmediateBackend):
    def _execute_task(self, task_result):
        transaction.on_commit(lambda: super(ImmediateAfterCommitBackend, self)._execute_task(task_result))
