"""Failed logins to the admin, kept a day: what the login throttle counts (home/login_throttle.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LoginFailure(models.Model):
    """One wrong password (or unknown account) typed on the admin login page.

    Stored in PostgreSQL rather than in the cache: a Redis outage must neither lift nor forget a
    lock. Rows older than a day are deleted as new ones arrive (they hold an IP address).
    """

    username = models.CharField(_("identifiant saisi"), max_length=254, db_index=True)
    address = models.CharField(_("adresse IP"), max_length=64, db_index=True)
    created_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("échec de connexion")
        verbose_name_plural = _("échecs de connexion")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.username} ({self.address})"


class PersonalDataRequest(models.Model):
    """No table: the holder of the "Données personnelles" permission (the admin screen where a
    coordinator answers a person's access or erasure request, RGPD articles 15 and 17)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("manage_personal_data", "Données personnelles")]
        verbose_name = _("demande sur des données personnelles")
        verbose_name_plural = _("demandes sur des données personnelles")

    def __str__(self):
        return str(self._meta.verbose_name)
