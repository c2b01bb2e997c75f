"""Registrations of associations to a dated session. Seats are counted in attendees."""

import secrets

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=Registration.ACTIVE)

    def seated(self):
        return self.filter(status__in=Registration.SEATED)

    def waitlist(self):
        """The waitlist in the order people joined it."""
        return self.filter(status=Registration.Status.WAITLISTED).order_by("created_at", "pk")


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmée")
        WAITLISTED = "waitlisted", _("Liste d'attente")
        CANCELLED = "cancelled", _("Annulée")
        ATTENDED = "attended", _("Présente")
        NO_SHOW = "no_show", _("Absente")

    ACTIVE = (Status.CONFIRMED, Status.WAITLISTED)
    SEATED = (Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW)

    class CancelledBy(models.TextChoices):
        REGISTRANT = "registrant", _("la personne inscrite")
        TEAM = "team", _("l'équipe")

    # PROTECT: deleting a session must never delete the registrations silently.
    session = models.ForeignKey(
        "courses.TrainingSessionPage", verbose_name=_("session"), on_delete=models.PROTECT,
        related_name="registrations",
    )
    association_name = models.CharField(_("association"), max_length=200)
    contact_name = models.CharField(_("contact"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    attendees = models.PositiveSmallIntegerField(_("participants"), default=1, validators=[MinValueValidator(1)])
    message = models.TextField(_("message"), blank=True)
    consent_at = models.DateTimeField(_("consentement donné le"), null=True, blank=True)

    status = models.CharField(_("statut"), max_length=20, choices=Status.choices, db_index=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("inscrite le"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    promoted_at = models.DateTimeField(_("sortie de liste d'attente le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    cancelled_by = models.CharField(_("annulée par"), max_length=20, choices=CancelledBy.choices, blank=True)
    reminder_sent_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["-created_at"]
        constraints = [
            # One active registration per email and session, whatever the case of the address.
            models.UniqueConstraint(
                Lower("email"), "session",
                condition=Q(status__in=["confirmed", "waitlisted"]),
                name="courses_one_active_registration_per_email",
            ),
        ]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self):
        return f"{self.association_name} – {self.session.title}"

    @property
    def is_active(self):
        return self.status in self.ACTIVE

    def get_cancel_url(self):
        return reverse("courses:cancel_registration", args=[self.token])

    def anonymise(self, now=None):
        """Forget who registered; keep the numbers (status, attendees, dates) for statistics."""
        self.association_name = str(_("Association anonymisée"))
        self.contact_name = str(_("Contact anonymisé"))
        self.email = f"anonyme-{self.pk}@example.invalid"
        self.phone = ""
        self.message = ""
        self.token = new_token()
        self.anonymised_at = now or timezone.now()
        self.save()
