"""Personal-data records: volunteers' applications and associations' mission requests."""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .associations import Cause
from .missions import MissionFormat

ANONYMOUS_NAME = "Anonyme"


def anonymous_email(instance):
    return f"anonyme-{instance.pk}@anonyme.invalid"


class ApplicationStatus(models.TextChoices):
    NOUVELLE = "nouvelle", _("Nouvelle")
    PRESELECTIONNEE = "preselectionnee", _("Présélectionnée")
    MISE_EN_RELATION = "mise_en_relation", _("Mise en relation")
    DECLINEE = "declinee", _("Déclinée")
    RETIREE = "retiree", _("Retirée")


# Which statuses an application may move to from each status.
TRANSITIONS = {
    ApplicationStatus.NOUVELLE: {ApplicationStatus.PRESELECTIONNEE, ApplicationStatus.DECLINEE,
                                 ApplicationStatus.RETIREE},
    ApplicationStatus.PRESELECTIONNEE: {ApplicationStatus.MISE_EN_RELATION, ApplicationStatus.DECLINEE,
                                        ApplicationStatus.RETIREE, ApplicationStatus.NOUVELLE},
    ApplicationStatus.MISE_EN_RELATION: {ApplicationStatus.RETIREE},
    ApplicationStatus.DECLINEE: {ApplicationStatus.PRESELECTIONNEE},
    ApplicationStatus.RETIREE: set(),
}


class Application(models.Model):
    """A volunteer's application ("candidature") to a mission."""

    mission = models.ForeignKey(
        "missions.Mission", verbose_name=_("mission"), on_delete=models.PROTECT, related_name="applications"
    )
    name = models.CharField(_("nom"), max_length=200)
    email = models.EmailField(_("e-mail"))
    skills = models.ManyToManyField(
        "missions.Skill", verbose_name=_("compétences"), blank=True, related_name="applications"
    )
    message = models.TextField(_("message"), max_length=4000)
    availability = models.CharField(_("disponibilités"), max_length=300, blank=True)
    portfolio_url = models.URLField(_("portfolio ou LinkedIn"), blank=True)
    consent = models.BooleanField(_("consentement"), default=False)
    status = models.CharField(
        _("statut"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.NOUVELLE,
        db_index=True,
    )
    note = models.TextField(_("note interne"), blank=True, help_text=_("Visible de l'équipe seulement."))
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    matched_at = models.DateTimeField(_("mise en relation le"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("candidature")
        verbose_name_plural = _("candidatures")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "email"], name="one_application_per_email_and_mission"
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.mission}"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    def skill_names(self):
        return ", ".join(skill.name for skill in self.skills.all())

    def allowed_statuses(self):
        return TRANSITIONS.get(self.status, set())

    def can_move_to(self, status):
        return status == self.status or status in self.allowed_statuses()

    @transaction.atomic
    def anonymise(self):
        """Erase personal data, keep the mission, status and dates (for counts)."""
        self.name = ANONYMOUS_NAME
        self.email = anonymous_email(self)
        self.message = ""
        self.availability = ""
        self.portfolio_url = ""
        self.note = ""
        self.anonymised_at = timezone.now()
        self.save()
        self.skills.clear()


class MissionRequestStatus(models.TextChoices):
    NOUVELLE = "nouvelle", _("À modérer")
    CONVERTIE = "convertie", _("Transformée en mission")
    REFUSEE = "refusee", _("Refusée")


class MissionRequest(models.Model):
    """An association's need, sent from the public form; editors turn it into a draft mission."""

    association_name = models.CharField(_("association"), max_length=200)
    cause = models.CharField(_("cause"), max_length=20, choices=Cause.choices, default=Cause.SOLIDARITE)
    website = models.URLField(_("site web de l'association"), blank=True)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    contact_name = models.CharField(_("nom du contact"), max_length=200)
    email = models.EmailField(_("e-mail du contact"))
    phone = models.CharField(_("téléphone"), max_length=40, blank=True)
    title = models.CharField(_("intitulé du besoin"), max_length=200)
    description = models.TextField(_("description du besoin"), max_length=6000)
    skills = models.ManyToManyField(
        "missions.Skill", verbose_name=_("compétences"), blank=True, related_name="mission_requests"
    )
    format = models.CharField(
        _("format"), max_length=20, choices=MissionFormat.choices, default=MissionFormat.A_DISTANCE
    )
    deadline = models.DateField(_("échéance souhaitée"), null=True, blank=True)
    consent = models.BooleanField(_("consentement"), default=False)
    status = models.CharField(
        _("statut"), max_length=20, choices=MissionRequestStatus.choices,
        default=MissionRequestStatus.NOUVELLE, db_index=True,
    )
    mission = models.ForeignKey(
        "missions.Mission", verbose_name=_("mission créée"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="requests",
    )
    note = models.TextField(_("note interne"), blank=True)
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now, db_index=True)
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("demande de mission")
        verbose_name_plural = _("demandes de mission")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.association_name})"

    def skill_names(self):
        return ", ".join(skill.name for skill in self.skills.all())

    @transaction.atomic
    def to_draft_mission(self):
        """Create (once) a draft mission from this request; returns it. Editors review and publish."""
        from .associations import Association
        from .missions import Mission

        locked = MissionRequest.objects.select_for_update().get(pk=self.pk)
        if locked.mission_id is not None:
            self.mission_id, self.status = locked.mission_id, locked.status
            return locked.mission
        association = Association.objects.filter(name__iexact=self.association_name.strip()).first()
        if association is None:
            association = Association.objects.create(
                name=self.association_name.strip(), cause=self.cause, website=self.website, city=self.city,
                contact_name=self.contact_name, contact_email=self.email,
            )
        mission = Mission(
            title=self.title,
            association=association,
            summary=self.description[:390],
            description="".join(f"<p>{line}</p>" for line in _escaped_lines(self.description)),
            format=self.format,
            location=self.city,
            apply_before=self.deadline if self.deadline and self.deadline >= timezone.localdate() else None,
            contact_name=self.contact_name,
            contact_email=self.email,
            live=False,
        )
        mission.save()
        mission.skills.set(list(self.skills.all()))
        mission.save()
        mission.save_revision(log_action=True)
        self.mission = mission
        self.status = MissionRequestStatus.CONVERTIE
        self.save(update_fields=["mission", "status"])
        return mission

    @transaction.atomic
    def anonymise(self):
        self.contact_name = ANONYMOUS_NAME
        self.email = anonymous_email(self)
        self.phone = ""
        self.note = ""
        self.anonymised_at = timezone.now()
        self.save()


def _escaped_lines(text):
    from django.utils.html import escape

    return [escape(line) for line in text.splitlines() if line.strip()]
