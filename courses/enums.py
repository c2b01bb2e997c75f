"""Choices of the training catalogue and the named groups of registration statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from webassoc.enums import Format


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmée")
    WAITLISTED = "waitlisted", _("Liste d’attente")
    CANCELLED = "cancelled", _("Annulée")
    ATTENDED = "attended", _("Présente")
    NO_SHOW = "no_show", _("Absente")


# Registrations still in play: they block a second one with the same email on the session.
ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
# Registrations that hold seats (in attendees): before the session and after it.
SEATED = (RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW)
# Registrations whose attendance was recorded after the session: present or absent.
MARKED = (RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW)


class CancelledBy(models.TextChoices):
    REGISTRANT = "registrant", _("la personne inscrite")
    TEAM = "team", _("l’équipe")


class SessionMode(models.TextChoices):
    """Where a dated session happens: the site-wide Format values, without "hybrid"."""

    ON_SITE = Format.ON_SITE.value, _("Sur place")
    REMOTE = Format.REMOTE.value, _("En ligne")


# Values of SessionMode.REMOTE and Format.REMOTE before the site used one "online" value;
# old bookmarks of the catalogue still carry it (?mode=en_ligne).
LEGACY_REMOTE = "en_ligne"
