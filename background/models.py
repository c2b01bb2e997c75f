"""Background work: periodic job claims, and django-tasks results as the team reads them.

PeriodicJob: one row per periodic job; the job is claimed with a conditional UPDATE on its
row. Claims live in PostgreSQL, not in the cache, so scheduling does not depend on Redis,
and several schedulers may run at once: the UPDATE ... WHERE next_run_at <= now succeeds
for exactly one of them per interval.

BackgroundTask: a proxy of django_tasks_db's DBTaskResult with French names, for the admin.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from .enums import TaskStatus


class PeriodicJobQuerySet(models.QuerySet):
    def claim(self, name, *, every, now=None):
        """True for exactly one caller per interval `every`, whatever the number of schedulers."""
        now = now or timezone.now()
        self.bulk_create([self.model(name=name, next_run_at=now)], ignore_conflicts=True)
        return bool(
            self.filter(name=name, next_run_at__lte=now).update(next_run_at=now + every, last_started_at=now)
        )

    def release(self, name, *, error=""):
        """The job failed: it may run again at the next tick."""
        self.filter(name=name).update(next_run_at=timezone.now(), last_error=error[:2000])

    def finished(self, name):
        self.filter(name=name).update(last_finished_at=timezone.now(), last_error="")


class PeriodicJob(models.Model):
    name = models.CharField(_("tâche"), max_length=60, unique=True)
    next_run_at = models.DateTimeField(_("prochaine exécution"), default=timezone.now)
    last_started_at = models.DateTimeField(_("dernier démarrage"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("dernière exécution réussie"), null=True, blank=True)
    last_error = models.TextField(_("dernière erreur"), blank=True)

    objects = PeriodicJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("tâche périodique")
        verbose_name_plural = _("tâches périodiques")
        ordering = ["name"]

    def __str__(self):
        return self.name


class BackgroundTaskQuerySet(models.QuerySet):
    def stuck(self, now=None):
        """RUNNING for longer than TASK_STUCK_MINUTES: their worker is gone (killed, restarted)."""
        now = now or timezone.now()
        limit = timedelta(minutes=settings.TASK_STUCK_MINUTES)
        return self.filter(status=TaskStatus.RUNNING, started_at__lt=now - limit)


class BackgroundTask(DBTaskResult):
    objects = BackgroundTaskQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = _("tâche en arrière-plan")
        verbose_name_plural = _("tâches en arrière-plan")

    def __str__(self):
        return self.label

    @property
    def label(self):
        """`send_email_task(42)`: the task's function and its arguments."""
        args = ", ".join(str(arg) for arg in self.args_kwargs.get("args", []))
        return f"{self.task_path.rsplit('.', 1)[-1]}({args})"

    @property
    def is_stuck(self):
        limit = timedelta(minutes=settings.TASK_STUCK_MINUTES)
        return self.status == TaskStatus.RUNNING and bool(self.started_at) and (
            self.started_at < timezone.now() - limit
        )

    @property
    def state_label(self):
        if self.is_stuck:
            return _("bloquée")
        return TaskStatus(self.status).label if self.status in TaskStatus.values else self.status

    @property
    def runs(self):
        """How many times a worker started it."""
        return len(self.worker_ids)

    @property
    def error_name(self):
        return self.exception_class_path.rsplit(".", 1)[-1] if self.exception_class_path else ""
