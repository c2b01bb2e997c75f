"""Signatures of the manifesto (double opt-in): counted once confirmed, never deleted."""

from django.contrib import admin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from webassoc.privacy import ANONYMOUS_NAME, AnonymisableMixin, anonymous_email


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def visible(self):
        """Counted signatures: confirmed and not hidden by moderation."""
        return self.confirmed().filter(hidden_at__isnull=True)

    def public(self):
        """Shown in the list of signatories."""
        return self.visible().filter(show_publicly=True)


class Signature(AnonymisableMixin, models.Model):
    page = models.ForeignKey(
        "home.ManifestoPage", verbose_name=_("manifeste"), on_delete=models.PROTECT, related_name="signatures"
    )
    first_name = models.CharField(_("prénom"), max_length=80)
    last_name = models.CharField(_("nom"), max_length=80)
    email = models.EmailField(_("adresse e-mail"), max_length=254)
    profession = models.CharField(_("métier"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    city = models.CharField(_("ville"), max_length=100, blank=True)
    # Opt-in: a name is published only if the signer ticks the box.
    show_publicly = models.BooleanField(_("nom affiché publiquement"), default=False)
    consent = models.BooleanField(_("consentement"), default=False)
    created_at = models.DateTimeField(_("signée le"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True, db_index=True)
    confirmation_sent_at = models.DateTimeField(_("lien envoyé le"), null=True, blank=True)
    # When the last emails to this signer were queued (ISO dates, last 24 hours): the cap on
    # confirmation emails (home.services._claim).
    emails_sent_at = models.JSONField(_("derniers e-mails envoyés"), default=list, blank=True, editable=False)
    hidden_at = models.DateTimeField(
        _("masquée le"), null=True, blank=True,
        help_text=_("Une signature masquée n’est ni comptée ni affichée, mais reste enregistrée."),
    )

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures du manifeste")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "page", name="home_signature_unique_email_per_page",
                violation_error_message=_("Cette adresse a déjà signé le manifeste."),
            ),
        ]
        indexes = [models.Index(fields=["page", "confirmed_at"], name="home_signature_page_conf")]

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    @admin.display(description=_("Nom"), ordering="last_name")
    def full_name(self):
        return str(self)

    @property
    def show_publicly_label(self):
        return _("Oui") if self.show_publicly else _("Non")

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    @property
    def status_label(self):
        if self.hidden_at:
            return _("Masquée")
        if self.confirmed_at:
            return _("Confirmée")
        return _("En attente de confirmation")

    def personal_identifiers(self):
        return [self.email, f"{self.first_name} {self.last_name}", self.first_name, self.last_name,
                self.organisation]

    def forget_personal_data(self):
        """Forget who signed; the signature still counts (status and dates are kept)."""
        self.first_name = ANONYMOUS_NAME
        self.last_name = ""
        self.email = anonymous_email(self.pk)
        self.profession = ""
        self.organisation = ""
        self.city = ""
        self.show_publicly = False
