"""Choices of the alerts app. Stored values are stable slugs; labels French."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Dès qu’une mission paraît")
    WEEKLY = "hebdomadaire", _("Un résumé par semaine")


class AlertStatus(models.TextChoices):
    PENDING = "a_envoyer", _("À envoyer")
    SENT = "envoyee", _("Envoyée")
    SKIPPED = "sans_objet", _("Sans objet (mission plus ouverte)")
