"""After the introduction: the check-in answers of each side, the follow-up cases the team handles
as a trusted third party ("Suivis"), and the feedback of each side once the outcome is recorded.

Their free text belongs to the application's personal data: anonymising the application forgets it
(`Application.forget_personal_data`)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_user_display_name

from missions.enums import UNRESOLVED_CASES, CaseStatus, CheckinAnswer, Side, Urgency
from webassoc.privacy import REDACTED, redact


class Checkin(models.Model):
    """The "Tout se passe bien ?" email to one side of an introduction, and its answer."""

    application = models.ForeignKey(
        "missions.Application", verbose_name=_("candidature"), on_delete=models.CASCADE, related_name="checkins",
    )
    side = models.CharField(_("côté"), max_length=20, choices=Side.choices)
    sent_at = models.DateTimeField(_("envoyé le"), default=timezone.now)
    answer = models.CharField(_("réponse"), max_length=10, choices=CheckinAnswer.choices, blank=True)
    answered_at = models.DateTimeField(_("répondu le"), null=True, blank=True)

    class Meta:
        verbose_name = _("nouvelles après la mise en relation")
        verbose_name_plural = _("nouvelles après les mises en relation")
        constraints = [models.UniqueConstraint(fields=["application", "side"], name="one_checkin_per_side")]

    def __str__(self):
        return f"{self.get_side_display()} – {self.get_answer_display() or '…'}"


class FollowUpCaseQuerySet(models.QuerySet):
    def unresolved(self):
        return self.filter(status__in=UNRESOLVED_CASES)


class FollowUpCase(models.Model):
    """A side asked the team for help after an introduction. The other side is never told
    automatically; the team writes to whom it decides."""

    application = models.ForeignKey(
        "missions.Application", verbose_name=_("mise en relation"), on_delete=models.PROTECT, related_name="cases",
    )
    side = models.CharField(_("demandé par"), max_length=20, choices=Side.choices)
    description = models.TextField(_("ce qui se passe"), max_length=4000)
    urgency = models.CharField(_("urgence"), max_length=10, choices=Urgency.choices, default=Urgency.MEDIUM)
    status = models.CharField(
        _("statut"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN, db_index=True,
    )
    note = models.TextField(_("note interne"), blank=True, help_text=_("Visible de l’équipe seulement."))
    created_at = models.DateTimeField(_("ouvert le"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    resolved_at = models.DateTimeField(_("résolu le"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("suivi par"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = FollowUpCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("suivi")
        verbose_name_plural = _("suivis")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.application.mission} – {self.get_side_display()} ({self.created_at:%d/%m/%Y})"

    def mission_title(self):
        return self.application.mission.title

    def volunteer_name(self):
        return self.application.name

    def handled_by_name(self):
        user = self.handled_by
        return get_user_display_name(user) if user is not None else "–"

    def forget_text(self):
        self.description = REDACTED
        self.note = ""
        self.save(update_fields=["description", "note"])

    def redact_text(self, identifiers):
        """Someone else is forgotten: their name, address and phone leave the description and the note."""
        description, note = redact(self.description, identifiers), redact(self.note, identifiers)
        if (description, note) != (self.description, self.note):
            self.description, self.note = description, note
            self.save(update_fields=["description", "note"])


class Feedback(models.Model):
    """One side's answer to the one-question feedback email (1–5 and a comment). Coordinators only."""

    application = models.ForeignKey(
        "missions.Application", verbose_name=_("mise en relation"), on_delete=models.CASCADE,
        related_name="feedbacks",
    )
    side = models.CharField(_("côté"), max_length=20, choices=Side.choices)
    requested_at = models.DateTimeField(_("demandé le"), default=timezone.now)
    rating = models.PositiveSmallIntegerField(
        _("note"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    comment = models.TextField(_("commentaire"), max_length=2000, blank=True)
    answered_at = models.DateTimeField(_("répondu le"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("avis")
        verbose_name_plural = _("avis")
        constraints = [models.UniqueConstraint(fields=["application", "side"], name="one_feedback_per_side")]

    def __str__(self):
        return f"{self.get_side_display()} – {self.rating or '…'}/5"

    @property
    def is_answered(self):
        return self.answered_at is not None


def written_after_introduction(side, *, whose="", **applications):
    """For a personal-data export: the help requests and feedback written by one side of some
    introductions, as (label, fields, rows) sections. `applications` selects them (e.g.
    `application__in=…`); `whose` names the side in the labels (" de l’association")."""
    return [
        (f"demandes d’aide{whose} après la mise en relation",
         ("application", "side", "description", "urgency", "status", "created_at", "resolved_at"),
         FollowUpCase.objects.filter(side=side, **applications)
         .select_related("application__mission").order_by("created_at", "pk")),
        (f"avis{whose} après la mise en relation",
         ("application", "side", "rating", "comment", "answered_at"),
         Feedback.objects.filter(side=side, answered_at__isnull=False, **applications)
         .select_related("application__mission").order_by("answered_at", "pk")),
    ]
