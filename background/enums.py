"""Choices of the background work: the statuses of django-tasks results, read in French."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tasks_db.compat import TaskResultStatus


class TaskStatus(models.TextChoices):
    """django-tasks' own values (TaskResultStatus), with French labels for the team."""

    READY = TaskResultStatus.READY.value, _("en file")
    RUNNING = TaskResultStatus.RUNNING.value, _("en cours")
    SUCCESSFUL = TaskResultStatus.SUCCESSFUL.value, _("réussie")
    FAILED = TaskResultStatus.FAILED.value, _("échouée")


# The admin filter's extra value: running for longer than TASK_STUCK_MINUTES.
STUCK = "stuck"
