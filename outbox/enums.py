"""Choices of the outbox."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    SENDING = "sending", _("En cours d’envoi")
    SENT = "sent", _("Envoyé")
    FAILED = "failed", _("Abandonné")
    # The worker stopped while the message was being handed to the mail server: it may have
    # arrived. Never re-sent automatically; the team may re-send it from the admin.
    UNCERTAIN = "uncertain", _("Envoi incertain")
    # Every recipient is an address that can never be delivered (an anonymised record's
    # "…@anonyme.invalid"): nothing is sent, nothing is retried, nothing shows as a failure.
    UNDELIVERABLE = "skipped", _("Non envoyé : adresse anonymisée")


# What the team may send again by hand ("Renvoyer" in the admin).
RESENDABLE = (EmailStatus.UNCERTAIN, EmailStatus.FAILED)
