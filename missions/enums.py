"""Choices of the missions app and their named groups. Stored values are stable slugs (in
databases and URLs); member names are English, labels French. Where a mission happens is
the site-wide `webassoc.enums.Format`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MissionStatus(models.TextChoices):
    OPEN = "ouverte", _("Ouverte")
    FILLED = "pourvue", _("Pourvue")
    CLOSED = "cloturee", _("Clôturée")


class MissionState(models.TextChoices):
    """Where a mission stands for the team: publication (draft, scheduled, expired) and status
    together. Computed (Mission.state, MissionQuerySet.in_state), never stored."""

    DRAFT = "brouillon", _("Brouillon")
    SCHEDULED = "planifiee", _("Planifiée")
    LIVE = "en_ligne", _("Ouverte")  # published and taking applications
    PAST_DEADLINE = "echeance_passee", _("Échéance passée")
    FILLED = "pourvue", _("Pourvue")
    CLOSED = "cloturee", _("Clôturée")
    EXPIRED = "expiree", _("Expirée")


class ApplicationStatus(models.TextChoices):
    NEW = "nouvelle", _("Nouvelle")
    SHORTLISTED = "preselectionnee", _("Présélectionnée")
    INTRODUCED = "mise_en_relation", _("Mise en relation")
    DECLINED = "declinee", _("Déclinée")
    WITHDRAWN = "retiree", _("Retirée")


# The statuses an application may move to from each status. A coordinator makes the usual
# decisions in one step (a new application may be introduced or declined at once) and may undo a
# decision made by mistake (back to "nouvelle"); an introduction cannot be undone (its emails are
# sent), and a withdrawal is the volunteer's own decision.
TRANSITIONS = {
    ApplicationStatus.NEW: (
        ApplicationStatus.SHORTLISTED, ApplicationStatus.INTRODUCED, ApplicationStatus.DECLINED,
        ApplicationStatus.WITHDRAWN,
    ),
    ApplicationStatus.SHORTLISTED: (
        ApplicationStatus.INTRODUCED, ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN, ApplicationStatus.NEW,
    ),
    ApplicationStatus.INTRODUCED: (ApplicationStatus.WITHDRAWN,),
    ApplicationStatus.DECLINED: (ApplicationStatus.NEW, ApplicationStatus.SHORTLISTED),
    ApplicationStatus.WITHDRAWN: (),
}

# Applications waiting for the team (the coordinator's queue, the reminders), on missions still
# choosing their volunteers: a filled or closed mission's applications wait for nobody (marking it
# filled or closing it offers to decline them).
AWAITING_ANSWER = (ApplicationStatus.NEW,)
RECRUITING = (MissionStatus.OPEN,)
# Applications still waiting for a decision (declined, with "mission pourvue", when the mission is filled).
UNDECIDED = (ApplicationStatus.NEW, ApplicationStatus.SHORTLISTED)
# Applications the volunteer may still withdraw.
WITHDRAWABLE = (ApplicationStatus.NEW, ApplicationStatus.SHORTLISTED, ApplicationStatus.INTRODUCED)


class DeclineReason(models.TextChoices):
    FILLED = "pourvue", _("Mission pourvue")
    PROFILE = "profil", _("Profil ne correspondant pas aux besoins")
    CANCELLED = "annulee", _("Mission annulée par l’association")
    OTHER = "autre", _("Autre")


class Side(models.TextChoices):
    """Each side of an introduction."""

    VOLUNTEER = "benevole", _("Bénévole")
    ASSOCIATION = "association", _("Association")


class CheckinAnswer(models.TextChoices):
    FINE = "ok", _("Tout va bien")
    HELP = "aide", _("Besoin d’aide")


class Urgency(models.TextChoices):
    LOW = "faible", _("Pas urgent")
    MEDIUM = "moyenne", _("Dans la semaine")
    HIGH = "haute", _("Urgent")


class CaseStatus(models.TextChoices):
    OPEN = "ouvert", _("Ouvert")
    IN_PROGRESS = "en_cours", _("En cours")
    RESOLVED = "resolu", _("Résolu")


# Follow-up cases the team still has to deal with.
UNRESOLVED_CASES = (CaseStatus.OPEN, CaseStatus.IN_PROGRESS)


class Outcome(models.TextChoices):
    DONE = "realisee", _("Réalisée")
    PARTIAL = "partielle", _("Partiellement réalisée")
    ABANDONED = "abandonnee", _("Abandonnée")


# Outcomes saying the mission did not happen: the coordinator says why (the reason is required).
DID_NOT_HAPPEN = (Outcome.ABANDONED,)


class MissionRequestStatus(models.TextChoices):
    NEW = "nouvelle", _("À modérer")
    CONVERTED = "convertie", _("Transformée en mission")
    REFUSED = "refusee", _("Refusée")


class Cause(models.TextChoices):
    HUMANITARIAN = "humanitaire", _("Humanitaire")
    SOLIDARITY = "solidarite", _("Solidarité")
    ENVIRONMENT = "environnement", _("Environnement")
    OTHER = "autre", _("Autre")


class MissionSort(models.TextChoices):
    """Orders of the public mission list (the `tri` query parameter)."""

    NEWEST = "recentes", _("Les plus récentes")
    DEADLINE = "echeance", _("Échéance la plus proche")


class Commitment(models.TextChoices):
    """How much time a mission asks (the `engagement` filter), from its estimated effort in hours."""

    HOURS = "heures", _("Quelques heures")
    DAYS = "jours", _("Quelques jours")
    WEEKS = "semaines", _("Sur plusieurs semaines")


# Estimated effort (hours, bounds included; None: unbounded) of each commitment. A mission
# without an estimate matches none of them.
COMMITMENT_HOURS = {
    Commitment.HOURS: (None, 10),
    Commitment.DAYS: (11, 35),
    Commitment.WEEKS: (36, None),
}
