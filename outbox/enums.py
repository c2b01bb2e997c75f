"""Choices of the outbox."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("en attente")
    SENDING = "sending", _("en cours d’envoi")
    SENT = "sent", _("envoyé")
    FAILED = "failed", _("abandonné")
    # The worker stopped while the message was being handed to the mail server: it may have
    # arrived. Never re-sent automatically; the team may re-send it from the admin.
    UNCERTAIN = "uncertain", _("envoi incertain")
    # Every recipient is an address that can never be delivered (an anonymised record's
    # "…@anonyme.invalid"): nothing is sent, nothing is retried, nothing shows as a failure.
    UNDELIVERABLE = "skipped", _("non envoyé : adresse anonymisée")


# What the team may send again by hand ("Renvoyer" in the admin).
RESENDABLE = (EmailStatus.UNCERTAIN, EmailStatus.FAILED)
