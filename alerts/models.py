"""Skill alerts and the volunteer pool (one subscription per address), the alerts sent for each
mission, invitations of pool members, and the "next session" waiting lists of courses."""

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missions.enums import Cause, Commitment
from webassoc.enums import Format
from webassoc.privacy import AnonymisableMixin, anonymous_email

from .enums import AlertStatus, Frequency


class SubscriptionQuerySet(models.QuerySet):
    def active(self):
        """Confirmed, not unsubscribed, not anonymised: the people alerts go to."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True, anonymised_at__isnull=True)

    def pool(self):
        return self.active().filter(in_pool=True)

    def in_use(self, before):
        """Kept whatever their age: people still receiving alerts (privacy.PERSONAL_DATA)."""
        return self.active()


class SessionWaiterQuerySet(models.QuerySet):
    def in_use(self, before):
        """Kept whatever their age: confirmed people not told yet (privacy.PERSONAL_DATA)."""
        return self.filter(confirmed_at__isnull=False, notified_at__isnull=True)


class Subscription(AnonymisableMixin, models.Model):
    email = models.EmailField(_("adresse e-mail"), max_length=254)
    skills = models.ManyToManyField("missions.Skill", verbose_name=_("compétences"), related_name="subscriptions")
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, blank=True)
    cause = models.CharField(_("cause"), max_length=20, choices=Cause.choices, blank=True)
    commitment = models.CharField(_("temps à consacrer"), max_length=20, choices=Commitment.choices, blank=True)
    frequency = models.CharField(_("fréquence"), max_length=20, choices=Frequency.choices,
                                 default=Frequency.IMMEDIATE)
    in_pool = models.BooleanField(
        _("dans le vivier"), default=False,
        help_text=_("Disponible : l’équipe peut lui proposer une mission."),
    )
    created_at = models.DateTimeField(_("inscrite le"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("lien envoyé le"), null=True, blank=True, editable=False)
    unsubscribed_at = models.DateTimeField(_("désinscrite le"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("dernier résumé le"), null=True, blank=True, editable=False)
    # Choices typed again by someone already subscribed: applied only once the link in the
    # email is followed (whoever types an address cannot change that person's alerts).
    pending_choices = models.JSONField(_("choix à confirmer"), default=dict, blank=True, editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement aux alertes")
        verbose_name_plural = _("abonnements aux alertes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="alerts_subscription_unique_email",
                                    violation_error_message=_("Cette adresse est déjà abonnée.")),
        ]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def is_active(self):
        return self.is_confirmed and self.unsubscribed_at is None and not self.is_anonymised

    def skill_names(self):
        return ", ".join(sorted(skill.name for skill in self.skills.all()))

    skill_names.short_description = _("compétences")

    def personal_identifiers(self):
        return [self.email]

    def forget_personal_data(self):
        self.email = anonymous_email(self.pk)


class MissionAlert(models.Model):
    """One mission for one subscriber: created when the mission goes live (once per pair), sent at
    once or gathered in the weekly digest."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="alerts",
                                     verbose_name=_("abonnement"))
    mission = models.ForeignKey("missions.Mission", on_delete=models.CASCADE, related_name="alerts",
                                verbose_name=_("mission"))
    digest = models.BooleanField(_("dans le résumé hebdomadaire"), default=False)
    status = models.CharField(_("statut"), max_length=20, choices=AlertStatus.choices, default=AlertStatus.PENDING)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("alerte envoyée")
        verbose_name_plural = _("alertes envoyées")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "mission"], name="alerts_one_alert_per_mission"),
        ]
        indexes = [models.Index(fields=["status", "digest"], name="alerts_alert_due")]

    def __str__(self):
        return f"{self.mission_id} → {self.subscription_id}"


class PoolInvitation(models.Model):
    """A coordinator invited a pool member to apply to a mission (once per person and mission)."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="invitations",
                                     verbose_name=_("bénévole"))
    mission = models.ForeignKey("missions.Mission", on_delete=models.CASCADE, related_name="pool_invitations",
                                verbose_name=_("mission"))
    invited_by = models.ForeignKey("auth.User", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("invitée par"))
    created_at = models.DateTimeField(_("invitée le"), default=timezone.now)

    class Meta:
        verbose_name = _("invitation du vivier")
        verbose_name_plural = _("invitations du vivier")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "mission"], name="alerts_one_invitation_per_mission"),
        ]

    def __str__(self):
        return f"{self.mission_id} → {self.subscription_id}"


class SessionWaiter(AnonymisableMixin, models.Model):
    """Someone to tell when a new session of a course is published ("prochaine session")."""

    course = models.ForeignKey("courses.TrainingPage", on_delete=models.CASCADE, related_name="waiters",
                               verbose_name=_("formation"))
    email = models.EmailField(_("adresse e-mail"), max_length=254)
    created_at = models.DateTimeField(_("inscrite le"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    notified_at = models.DateTimeField(_("prévenue le"), null=True, blank=True)
    notified_session = models.ForeignKey("courses.TrainingSessionPage", on_delete=models.SET_NULL, null=True,
                                         blank=True, related_name="+", verbose_name=_("session annoncée"))
    # The last confirmation email: at most one per address every alerts.services.EMAIL_INTERVAL.
    confirmation_sent_at = models.DateTimeField(_("lien envoyé le"), null=True, blank=True, editable=False)

    objects = SessionWaiterQuerySet.as_manager()

    class Meta:
        verbose_name = _("attente d’une prochaine session")
        verbose_name_plural = _("attentes de prochaines sessions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(Lower("email"), "course", name="alerts_one_waiter_per_course",
                                    violation_error_message=_("Cette adresse attend déjà une session.")),
        ]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def personal_identifiers(self):
        return [self.email]

    def forget_personal_data(self):
        self.email = anonymous_email(self.pk)
