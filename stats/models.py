"""The statistics read the other apps' tables and store nothing. This model has no table: it
only carries the permission to see the "Statistiques" page (granted to the coordination groups)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Statistics(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_statistics", _("Peut voir les statistiques"))]
        verbose_name = _("statistiques")
        verbose_name_plural = _("statistiques")

    def __str__(self):
        return str(self._meta.verbose_name)
