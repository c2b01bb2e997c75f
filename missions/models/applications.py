"""Personal-data records: volunteers' applications and associations' mission requests."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_user_display_name

from missions.enums import (
    AWAITING_ANSWER,
    RECRUITING,
    TRANSITIONS,
    UNDECIDED,
    WITHDRAWABLE,
    ApplicationStatus,
    Cause,
    DeclineReason,
    MissionRequestStatus,
    Outcome,
    Side,
)
from webassoc.enums import Format
from webassoc.privacy import ANONYMOUS_NAME, AnonymisableMixin, anonymous_email, redact

from .followup import FollowUpCase, written_after_introduction


class ApplicationQuerySet(models.QuerySet):
    def awaiting_answer(self):
        """Applications the team still has to answer (the queue on the dashboard, the reminders):
        new, on a mission still choosing its volunteers (RECRUITING). A mission past its deadline
        still chooses among those who applied in time."""
        return self.filter(status__in=AWAITING_ANSWER, mission__status__in=RECRUITING)

    def undecided(self):
        """Still waiting for a decision (new or preselected), oldest first."""
        return self.filter(status__in=UNDECIDED).order_by("created_at")

    # The team's own texts about an application and its introduction: kept as the team's history.
    TEAM_TEXTS = ("note", "decline_detail", "outcome_reason")

    def redact_team_texts(self, identifiers):
        """Someone other than the volunteer is forgotten (a mission's or an association's contact):
        their name, address and phone leave the team's texts about these applications (internal
        note, decline detail, outcome reason, the steps' remarks), the follow-up cases (the team's
        note and the side's description) and the admin log entries (labelled with the mission's
        title); the texts are kept otherwise. A few reads, and one UPDATE per row that named them."""
        from webassoc.privacy import redact_log_entries

        applications = list(self.only("pk", *self.TEAM_TEXTS))
        for application in applications:
            changes = {name: redact(getattr(application, name), identifiers) for name in self.TEAM_TEXTS}
            changes = {name: value for name, value in changes.items() if value != getattr(application, name)}
            if changes:  # update(): the application's "last change" stays what it was
                type(application).objects.filter(pk=application.pk).update(**changes)
        steps = ApplicationStep.objects.filter(application__in=applications).exclude(note="").only("pk", "note")
        for step in steps:
            note = redact(step.note, identifiers)
            if note != step.note:
                ApplicationStep.objects.filter(pk=step.pk).update(note=note)
        cases = list(FollowUpCase.objects.filter(application__in=applications))
        for case in cases:
            case.redact_text(identifiers)
        redact_log_entries(Application, [application.pk for application in applications], identifiers)
        redact_log_entries(FollowUpCase, [case.pk for case in cases], identifiers)


class Application(AnonymisableMixin, models.Model):
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
        _("statut"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.NEW,
        db_index=True,
    )
    note = models.TextField(_("note interne"), blank=True, help_text=_("Visible de l’équipe seulement."))
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    matched_at = models.DateTimeField(_("mise en relation le"), null=True, blank=True)
    # The decision, as the volunteer is told about it.
    decline_reason = models.CharField(
        _("motif du refus"), max_length=20, choices=DeclineReason.choices, blank=True,
    )
    decline_detail = models.TextField(_("précision sur le refus"), max_length=2000, blank=True)
    show_decline_detail = models.BooleanField(
        _("montrer la précision au bénévole"), default=False,
        help_text=_("Sinon, la précision reste interne à l’équipe."),
    )
    first_answered_at = models.DateTimeField(_("première réponse le"), null=True, blank=True, db_index=True)
    # Reminders to the team (each claimed once by a conditional UPDATE).
    reminded_at = models.DateTimeField(_("rappel à 2 jours le"), null=True, blank=True)
    late_reminded_at = models.DateTimeField(_("rappel « en retard » le"), null=True, blank=True)
    # After the introduction.
    checkin_sent_at = models.DateTimeField(_("e-mail « tout se passe bien ? » le"), null=True, blank=True)
    outcome = models.CharField(_("issue de la mission"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_reason = models.TextField(_("raison de l’issue"), max_length=2000, blank=True)
    outcome_at = models.DateTimeField(_("issue enregistrée le"), null=True, blank=True, db_index=True)

    objects = ApplicationQuerySet.as_manager()

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
        return TRANSITIONS.get(self.status, ())

    def can_move_to(self, status):
        return status == self.status or status in self.allowed_statuses()

    @property
    def can_be_withdrawn(self):
        return self.status in WITHDRAWABLE and self.outcome == ""

    @property
    def mission_stopped_recruiting(self):
        """Still undecided, on a mission filled or closed (the team chose not to decline it)."""
        return self.status in UNDECIDED and self.mission.status not in RECRUITING

    @property
    def is_declined(self):
        return self.status == ApplicationStatus.DECLINED

    @property
    def is_introduced(self):
        return self.status == ApplicationStatus.INTRODUCED

    @property
    def is_withdrawn(self):
        return self.status == ApplicationStatus.WITHDRAWN

    def decline_reason_for_volunteer(self):
        """The reason as the volunteer reads it: the free text only when the coordinator chose so."""
        if not self.is_declined or not self.decline_reason:
            return ""
        if self.decline_reason == DeclineReason.OTHER:
            return self.decline_detail if self.show_decline_detail and self.decline_detail else ""
        return DeclineReason(self.decline_reason).label

    def association_name(self):
        return self.mission.association.name

    def coordinator_name(self):
        user = self.mission.coordinator
        return get_user_display_name(user) if user is not None else "–"

    def personal_identifiers(self):
        return [self.email, self.name, self.portfolio_url]

    @classmethod
    def written_by_the_person(cls, rows):
        """After an introduction, the volunteer's own help requests and feedback (the association's
        are the association's)."""
        return written_after_introduction(Side.VOLUNTEER, application__in=rows)

    def forget_personal_data(self):
        """Keep the mission, status and dates (for counts); the skills go with the person."""
        self.name = ANONYMOUS_NAME
        self.email = anonymous_email(self.pk)
        self.message = ""
        self.availability = ""
        self.portfolio_url = ""
        self.note = ""
        self.decline_detail = ""
        self.outcome_reason = ""
        self.skills.clear()
        # What either side wrote about this introduction may name the person.
        for case in self.cases.all():
            case.forget_text()
        for feedback in self.feedbacks.exclude(comment=""):
            feedback.comment = ""
            feedback.save(update_fields=["comment"])
        self.steps.exclude(note="").update(note="")
        # Nobody is left to answer: an application still waiting for a decision leaves the team's
        # queue and the reminders, withdrawn (an introduction stays what it was). The step is the
        # site's, not the volunteer's: the erasure came from a request or the retention period.
        if self.status in UNDECIDED:
            ApplicationStep.objects.create(application=self, status=ApplicationStatus.WITHDRAWN,
                                           previous_status=self.status,
                                           note=gettext("données personnelles anonymisées"))
            self.status = ApplicationStatus.WITHDRAWN


class MissionRequest(AnonymisableMixin, models.Model):
    """An association's need, sent from the public form; editors turn it into a draft mission."""

    association_name = models.CharField(_("association"), max_length=200)
    cause = models.CharField(_("cause"), max_length=20, choices=Cause.choices, default=Cause.SOLIDARITY)
    website = models.URLField(_("site web de l’association"), blank=True)
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
        _("format"), max_length=20, choices=Format.choices, default=Format.REMOTE
    )
    deadline = models.DateField(_("échéance souhaitée"), null=True, blank=True)
    consent = models.BooleanField(_("consentement"), default=False)
    status = models.CharField(
        _("statut"), max_length=20, choices=MissionRequestStatus.choices,
        default=MissionRequestStatus.NEW, db_index=True,
    )
    mission = models.ForeignKey(
        "missions.Mission", verbose_name=_("mission créée"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="requests",
    )
    note = models.TextField(_("note interne"), blank=True)
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now, db_index=True)
    refused_at = models.DateTimeField(_("refusée le"), null=True, blank=True)
    refusal_reason = models.TextField(_("motif du refus (envoyé à l’association)"), max_length=2000, blank=True)
    # Status emails to the association's contact (each sent once).
    published_notified_at = models.DateTimeField(_("publication annoncée le"), null=True, blank=True)
    applications_notified_at = models.DateTimeField(
        _("premières candidatures annoncées le"), null=True, blank=True,
    )

    class Meta:
        verbose_name = _("demande de mission")
        verbose_name_plural = _("demandes de mission")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.association_name})"

    def skill_names(self):
        return ", ".join(skill.name for skill in self.skills.all())

    @property
    def awaits_answer(self):
        """Still to moderate: neither turned into a mission nor refused."""
        return self.status == MissionRequestStatus.NEW

    def personal_identifiers(self):
        return [self.email, self.contact_name, self.phone]

    def forget_personal_data(self):
        """Keep the association, the title of its need and the status; forget the contact person and
        the free text (the description may name people; the mission made from it has its own copy).
        The contact's name, address and phone are redacted from the title and the association's
        name as from a mission's texts ("Site pour Jeanne Martin" → "Site pour [effacé]"). The
        admin's search of requests reads these columns (no search index of its own)."""
        identifiers = self.personal_identifiers()
        self.title = redact(self.title, identifiers)
        self.association_name = redact(self.association_name, identifiers)
        self.contact_name = ANONYMOUS_NAME
        self.email = anonymous_email(self.pk)
        self.phone = ""
        self.description = ""
        self.note = ""
        self.refusal_reason = ""


class ApplicationStep(models.Model):
    """One step in an application's life (received, each change of status): who made it and when,
    and which emails went out. The volunteer's follow page lists them."""

    application = models.ForeignKey(
        Application, verbose_name=_("candidature"), on_delete=models.CASCADE, related_name="steps",
    )
    status = models.CharField(_("statut"), max_length=20, choices=ApplicationStatus.choices)
    previous_status = models.CharField(
        _("statut précédent"), max_length=20, choices=ApplicationStatus.choices, blank=True,
    )
    at = models.DateTimeField(_("le"), default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    by_volunteer = models.BooleanField(_("par le bénévole"), default=False)
    emailed = models.BooleanField(_("e-mail envoyé au bénévole"), default=False)
    note = models.CharField(_("remarque"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("étape de candidature")
        verbose_name_plural = _("étapes de candidature")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_status_display()} ({self.at:%d/%m/%Y})"

    @property
    def is_reapplication(self):
        """The volunteer applied again after withdrawing: the application is new once more."""
        return self.status == ApplicationStatus.NEW and self.previous_status == ApplicationStatus.WITHDRAWN

    @property
    def is_reconsideration(self):
        """The team undid a decision (shortlist, decline): the application is back under study.
        The volunteer's follow page says so; the admin history keeps the status ("Nouvelle")."""
        return (self.status == ApplicationStatus.NEW and bool(self.previous_status)
                and self.previous_status != ApplicationStatus.WITHDRAWN)

    def emailed_label(self):
        """Who was e-mailed at this step: an introduction goes to both sides."""
        if not self.emailed:
            return ""
        if self.status == ApplicationStatus.INTRODUCED:
            return gettext("e-mails envoyés au bénévole et à l’association")
        return gettext("e-mail envoyé au bénévole")

    def author_label(self):
        if self.by_volunteer:
            return _("le bénévole")
        if self.by is not None:
            return self.by.get_full_name() or self.by.get_username()
        return _("le site")
