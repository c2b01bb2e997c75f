"""One row per periodic job: the job is claimed with a conditional UPDATE on its row.

Claims live in PostgreSQL, not in the cache, so scheduling does not depend on Redis, and
several schedulers may run at once: the UPDATE ... WHERE next_run_at <= now succeeds for
exactly one of them per interval.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
