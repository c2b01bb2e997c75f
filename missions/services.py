"""Domain operations of the missions app: apply, decide on an application (change its status,
introduce, decline with a reason), withdraw, mark a mission filled, request a mission and turn a
request into a draft mission, and the loop after the introduction (reminders, check-ins, follow-up
cases, outcomes, feedback: see README "The matchmaking loop"). Each returns the model it created or
changed, and queues its emails in the same transaction."""

import re
from collections import defaultdict
from datetime import timedelta
from statistics import median

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from outbox.services import resend_once
from webassoc.enums import Format
from webassoc.errors import AlreadyReceived, DomainError, polite_lock_timeouts
from webassoc.typography import french_datetime

from . import emails
from .enums import (
    AWAITING_ANSWER,
    DID_NOT_HAPPEN,
    ApplicationStatus,
    CaseStatus,
    Cause,
    CheckinAnswer,
    DeclineReason,
    MissionRequestStatus,
    MissionStatus,
    Outcome,
    Side,
    Urgency,
)
from .models.applications import (  # not .models: its pages module imports this one
    Application,
    ApplicationStep,
    MissionRequest,
)
from .models.associations import Association
from .models.followup import Checkin, Feedback, FollowUpCase
from .models.missions import Mission
from .models.skills import FormerSlug, Skill, normalise
from .tasks import resend_follow_link_task


class MissionClosed(DomainError):
    """The mission takes no applications (closed, filled, past its deadline or not published)."""

    def __init__(self):
        super().__init__(_("Cette mission ne prend plus de candidatures."))


class DuplicateApplication(AlreadyReceived):
    field = "email"

    def __init__(self):
        super().__init__(_(
            "Vous avez déjà candidaté à cette mission avec cette adresse e-mail. Merci ! "
            "L’équipe a bien votre candidature et reviendra vers vous."
        ))


FOLLOW_LINK_INTERVAL = 10 * 60  # one re-sent follow link per application every 10 minutes at most


def resend_follow_link(mission, *, email):
    """Send the follow link of `email`'s application to `mission` again, to that address only; at
    most once per FOLLOW_LINK_INTERVAL. Returns the application, or None when there is none or the
    link left a moment ago.

    The page answers the same whoever asks, and the work is the same too (its time would tell
    who applied): one query that finds the application or nothing, then `resend_once` (one claim
    of the cap, one task queued: `send_follow_link_again`)."""
    application = Application.objects.filter(mission=mission, email=email.strip().lower()).first()
    return resend_once(resend_follow_link_task, application, prefix="missions:follow-link",
                       asked=f"{mission.pk}:{email}", seconds=FOLLOW_LINK_INTERVAL)


def send_follow_link_again(application_id):
    """The task behind `resend_follow_link`: queue the follow link; whether it was queued."""
    if application_id is None:
        return False
    application = Application.objects.filter(pk=application_id).first()
    if application is None:
        return False
    emails.follow_link(application)
    return True


class ApplicationAlreadyAnswered(AlreadyReceived):
    """The team has already answered (declined) this address's application to the mission."""

    field = "email"

    def __init__(self):
        super().__init__(_(
            "Vous avez déjà candidaté à cette mission avec cette adresse e-mail, et l’équipe vous a "
            "répondu par e-mail. Pour en reparler, répondez à son message."
        ))


class DuplicateRequest(AlreadyReceived):
    def __init__(self):
        super().__init__(_(
            "Nous avons déjà reçu cette demande avec cette adresse e-mail. Merci ! "
            "L’équipe l’examine et reviendra vers vous."
        ))


class StatusChangeRefused(DomainError):
    """A status an application may not move to from its current one."""


@polite_lock_timeouts
def apply(mission, *, name, email, message, consent, skills=(), availability="", portfolio_url=""):
    """Record a volunteer's application, confirm it to them and notify the team.

    One application per address and mission (a unique constraint): an application the volunteer
    withdrew is reopened with what they send now (`_reopen`); one still in progress is refused
    (`DuplicateApplication`), and so is one the team has declined (`ApplicationAlreadyAnswered`)."""
    if not mission.accepts_applications:
        raise MissionClosed
    email = email.strip().lower()
    fields = {"name": name.strip(), "message": message, "availability": availability,
              "portfolio_url": portfolio_url, "consent": consent}
    try:
        with transaction.atomic():
            existing = Application.objects.select_for_update().filter(mission=mission, email=email).first()
            if existing is not None and existing.is_declined:
                raise ApplicationAlreadyAnswered
            if existing is not None and not existing.is_withdrawn:
                raise DuplicateApplication
            if existing is not None:
                application = _reopen(existing, **fields)
            else:
                application = Application.objects.create(mission=mission, email=email, **fields)
                ApplicationStep.objects.create(application=application, status=ApplicationStatus.NEW,
                                               at=application.created_at)
            application.skills.set(skills)
            emails.application_received(application)
            emails.application_to_team(application, reopened=existing is not None)
            _announce_first_applications(mission)
    except IntegrityError as exc:  # two submissions raced past the check above
        raise DuplicateApplication from exc
    return application


def _reopen(application, **fields):
    """A withdrawn application sent again: back in the team's queue as a new one, received now
    (reminders and answer times count from now), with what the volunteer wrote this time. The
    earlier steps stay; the note and a step say that the volunteer applied again."""
    now = timezone.now()
    for field, value in fields.items():
        setattr(application, field, value)
    _set_decline(application, "", "", False)
    application.status = ApplicationStatus.NEW
    application.created_at = now
    application.matched_at = application.first_answered_at = None
    application.reminded_at = application.late_reminded_at = application.checkin_sent_at = None
    stamp = _("Candidature envoyée de nouveau par le bénévole le %(date)s.") % {
        "date": timezone.localtime(now).strftime("%d/%m/%Y")
    }
    application.note = f"{application.note}\n{stamp}".strip()
    application.save()
    ApplicationStep.objects.create(application=application, status=ApplicationStatus.NEW,
                                   previous_status=ApplicationStatus.WITHDRAWN, at=now, by_volunteer=True,
                                   note=stamp)
    return application


def change_status(application, *, status, note=None, by=None, decline_reason="", decline_detail="",
                  show_decline_detail=False, notify_again=False):
    """A coordinator's decision: move an application to `status`, if its current status allows it,
    record the step (who, when) and tell the volunteer by email.

    Each decision (présélectionnée, mise en relation, déclinée) is emailed once: making it again
    after undoing it (declined by mistake, back to "nouvelle", declined again) sends nothing
    unless `notify_again`; going back to "nouvelle" is emailed only with `notify_again`.
    A decline needs one of the fixed reasons. The returned application lists in `emails_sent`
    the emails queued (French descriptions, for the coordinator's message)."""
    if status not in ApplicationStatus.values:
        raise StatusChangeRefused(_("Statut inconnu."))
    if status == ApplicationStatus.DECLINED and decline_reason not in DeclineReason.values:
        raise StatusChangeRefused(_("Choisissez le motif du refus : il est dit au bénévole."))
    with transaction.atomic():
        application = (
            Application.objects.select_for_update().select_related("mission__association").get(pk=application.pk)
        )
        previous = application.status
        if not application.can_move_to(status):
            raise StatusChangeRefused(
                _("Une candidature « %(current)s » ne peut pas passer à « %(new)s ».")
                % {"current": application.get_status_display(), "new": ApplicationStatus(status).label}
            )
        if note is not None:
            application.note = note
        application.emails_sent = []
        if status == previous:
            if status == ApplicationStatus.DECLINED:  # the reason may be corrected
                _set_decline(application, decline_reason, decline_detail, show_decline_detail)
            application.save()
            return application
        now = timezone.now()
        application.status = status
        if status == ApplicationStatus.DECLINED:
            _set_decline(application, decline_reason, decline_detail, show_decline_detail)
        else:
            _set_decline(application, "", "", False)
        if status == ApplicationStatus.INTRODUCED:
            application.matched_at = application.matched_at or now
        if previous in AWAITING_ANSWER and status != ApplicationStatus.WITHDRAWN and not application.first_answered_at:
            application.first_answered_at = now
        application.save()
        emailed = _email_decision(application, previous, notify_again)
        ApplicationStep.objects.create(application=application, status=status, previous_status=previous, at=now,
                                       by=by, emailed=emailed)
    return application


def _set_decline(application, reason, detail, show):
    application.decline_reason = reason
    application.decline_detail = detail.strip() if reason == DeclineReason.OTHER else ""
    application.show_decline_detail = bool(show and application.decline_detail)


def _email_decision(application, previous, notify_again):
    """Queue the emails of a decision; whether the volunteer was emailed."""
    status = application.status
    if status == ApplicationStatus.INTRODUCED:
        already = application.steps.filter(status=status).exists()
        if already and not notify_again:
            return False
        emails.introduction_to_volunteer(application)
        emails.introduction_to_association(application)
        application.emails_sent += [
            _("l’introduction au bénévole (%(email)s)") % {"email": application.email},
            _("l’introduction à l’association (%(email)s)") % {"email": application.mission.contact_email},
        ]
        _announce_introduction(application)
        return True
    if status == ApplicationStatus.WITHDRAWN:
        return False
    if status == ApplicationStatus.NEW:
        if not notify_again:
            return False
    elif application.steps.filter(status=status, emailed=True).exists() and not notify_again:
        return False
    emails.decision_to_volunteer(application, suggestions=suggestions_for(application))
    # Back to "nouvelle", the volunteer reads "de nouveau à l’étude": the message names what they read.
    decision = _("De nouveau à l’étude") if status == ApplicationStatus.NEW else application.get_status_display()
    application.emails_sent.append(
        _("la décision « %(status)s » au bénévole (%(email)s)")
        % {"status": decision, "email": application.email})
    return True


def introduce(application, *, note=None, by=None):
    """"Mise en relation": mark the application matched and email the volunteer and the association
    (once: introducing an introduced application only updates the note)."""
    return change_status(application, status=ApplicationStatus.INTRODUCED, note=note, by=by)


def suggestions_for(application, limit=3):
    """Up to `limit` other open missions sharing skills with the application (or its mission), most
    shared skills first, that the volunteer has not applied to."""
    skill_ids = list(application.skills.values_list("pk", flat=True)) or list(
        application.mission.tagged_items.values_list("tag_id", flat=True)
    )
    if not skill_ids:
        return []
    applied = Application.objects.filter(email=application.email).values("mission_id")
    return list(
        Mission.objects.open().filter(tagged_items__tag_id__in=skill_ids)
        .exclude(pk__in=applied)
        .annotate(shared=models.Count("tagged_items", distinct=True))
        .order_by("-shared", "apply_before", "-pk")
        .values_list("pk", flat=True)[:limit]
    )


@polite_lock_timeouts
def withdraw(application):
    """The volunteer withdraws (from their follow link): the application leaves the team's queue,
    with a note, and the team (or the mission's coordinator) is told. Whether it changed anything."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().select_related("mission").get(pk=application.pk)
        if not locked.can_be_withdrawn:
            application.refresh_from_db()
            return False
        previous, now = locked.status, timezone.now()
        locked.status = ApplicationStatus.WITHDRAWN
        stamp = _("Retirée par le bénévole le %(date)s.") % {"date": timezone.localtime(now).strftime("%d/%m/%Y")}
        locked.note = f"{locked.note}\n{stamp}".strip()
        locked.save(update_fields=["status", "note", "updated_at"])
        ApplicationStep.objects.create(application=locked, status=locked.status, previous_status=previous, at=now,
                                       by_volunteer=True, note=stamp)
        emails.withdrawal_to_team(locked, was_introduced=previous == ApplicationStatus.INTRODUCED)
    application.refresh_from_db()
    return True


def introductions_reach_wanted(mission):
    """An open mission whose introductions reach the number of volunteers wanted."""
    if mission.status != MissionStatus.OPEN:
        return False
    introduced = mission.applications.filter(status=ApplicationStatus.INTRODUCED).count()
    return introduced >= mission.volunteers_wanted


@transaction.atomic
def mark_filled(mission, *, by=None):
    """Mark a mission filled ("pourvue"): the live record and its latest draft, logged. Whether it
    changed anything."""
    mission = Mission.objects.select_for_update().get(pk=mission.pk)
    if mission.status == MissionStatus.FILLED:
        return False
    had_draft = mission.has_unpublished_changes
    mission.status = MissionStatus.FILLED
    mission.save(update_fields=["status", "updated_at"])
    draft = mission.get_latest_revision_as_object() if mission.latest_revision_id else mission
    draft.status, draft.filled_at = MissionStatus.FILLED, mission.filled_at
    revision = draft.save_revision(user=by, log_action=True)
    if mission.live and not had_draft:
        revision.publish(user=by, skip_permission_checks=True)
    return True


def decline_undecided_applications(mission, *, by=None, reason=DeclineReason.FILLED):
    """Decline, with `reason` ("mission pourvue" when it is filled, "mission annulée par
    l’association" when it is closed), the applications to `mission` still waiting for a decision
    (each volunteer is told once, as for any decline). Returns them, with `emails_sent`."""
    declined = []
    for application in mission.applications.undecided():
        declined.append(change_status(application, status=ApplicationStatus.DECLINED, by=by,
                                      decline_reason=reason))
    return declined


def median_answer_days(*, since=None, minimum=10):
    """The median days from an application to its first answer over the last 6 months, or None
    when fewer than `minimum` applications were answered (too few to promise anything)."""
    since = since or timezone.now() - timedelta(days=183)
    delays = [
        (answered - created).total_seconds() / 86400
        for created, answered in Application.objects.filter(
            created_at__gte=since, first_answered_at__isnull=False
        ).values_list("created_at", "first_answered_at")
    ]
    return median(delays) if len(delays) >= minimum else None


def usual_answer_days():
    """What volunteers are told: the usual answer time from real data, else the team's target."""
    measured = median_answer_days()
    if measured is None:
        return settings.APPLICATION_ANSWER_TARGET_DAYS, False
    return max(1, round(measured)), True


# --- reminders to the team -----------------------------------------------------------------------

def send_application_reminders(*, now=None):
    """The team's daily digest of applications without an answer (`awaiting_answer()`: not those of
    a filled or closed mission): at APPLICATION_REMINDER_DAYS days, and again flagged "en retard" at
    APPLICATION_LATE_DAYS. Sent to the mission's coordinator
    when it has one, else to TEAM_EMAIL. Each reminder is claimed once with a conditional UPDATE
    (`reminded_at`, `late_reminded_at`), so several runs or processes never repeat one. Returns the
    number of digests queued."""
    now = now or timezone.now()
    due_at = now - timedelta(days=settings.APPLICATION_REMINDER_DAYS)
    late_at = now - timedelta(days=settings.APPLICATION_LATE_DAYS)
    waiting = Application.objects.awaiting_answer().filter(anonymised_at__isnull=True)
    late_ids = list(waiting.filter(created_at__lte=late_at, late_reminded_at__isnull=True).values_list("pk", flat=True))
    due_ids = list(
        waiting.filter(created_at__lte=due_at, reminded_at__isnull=True)
        .exclude(pk__in=late_ids).values_list("pk", flat=True)
    )
    digests = defaultdict(lambda: {"due": [], "late": []})
    with transaction.atomic():
        for key, ids, field in (("late", late_ids, "late_reminded_at"), ("due", due_ids, "reminded_at")):
            for pk in ids:
                claimed = waiting.filter(pk=pk, **{f"{field}__isnull": True}).update(
                    **{field: now}, **({"reminded_at": models.functions.Coalesce("reminded_at", now)}
                                       if field == "late_reminded_at" else {})
                )
                if claimed:
                    application = Application.objects.select_related("mission__coordinator").get(pk=pk)
                    coordinator = application.mission.coordinator
                    to = coordinator.email if coordinator is not None and coordinator.email else settings.TEAM_EMAIL
                    digests[to][key].append(pk)
        for to, lists in digests.items():
            emails.reminder_digest(to, due=lists["due"], late=lists["late"])
    return len(digests)


# --- after the introduction ---------------------------------------------------------------------

def send_checkins(*, now=None):
    """"Tout se passe bien ?" to both sides, CHECKIN_AFTER_DAYS after an introduction (claimed once
    per application with a conditional UPDATE on `checkin_sent_at`). Returns the number of
    introductions checked on."""
    now = now or timezone.now()
    due = Application.objects.filter(
        status=ApplicationStatus.INTRODUCED, checkin_sent_at__isnull=True, anonymised_at__isnull=True,
        matched_at__lte=now - timedelta(days=settings.CHECKIN_AFTER_DAYS), outcome="",
    )
    sent = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            if not due.filter(pk=pk).update(checkin_sent_at=now):
                continue
            application = Application.objects.select_related("mission").get(pk=pk)
            for side in Side.values:
                checkin, _created = Checkin.objects.get_or_create(application=application, side=side,
                                                                  defaults={"sent_at": now})
                emails.checkin(application, side)
            sent += 1
    return sent


class AlreadyAnswered(DomainError):
    pass


@polite_lock_timeouts
def answer_checkin_fine(application, side):
    """"Oui, tout va bien". Whether it was recorded (False: this side had answered already)."""
    with transaction.atomic():
        checkin, _created = Checkin.objects.select_for_update().get_or_create(application=application, side=side)
        if checkin.answer:
            return False
        checkin.answer, checkin.answered_at = CheckinAnswer.FINE, timezone.now()
        checkin.save(update_fields=["answer", "answered_at"])
    return True


@polite_lock_timeouts
def open_case(application, *, side, description, urgency=Urgency.MEDIUM):
    """"J'ai besoin de l'aide de l'équipe": a follow-up case, and the team is emailed. The other side
    is never told automatically. One case per side and introduction through the link (the team
    follows up from there); a second request answers AlreadyAnswered."""
    with transaction.atomic():
        checkin, _created = Checkin.objects.select_for_update().get_or_create(application=application, side=side)
        if checkin.answer == CheckinAnswer.HELP:
            raise AlreadyAnswered(_("Votre demande d’aide est déjà transmise à l’équipe : elle revient vers vous."))
        checkin.answer, checkin.answered_at = CheckinAnswer.HELP, timezone.now()
        checkin.save(update_fields=["answer", "answered_at"])
        case = FollowUpCase.objects.create(application=application, side=side, description=description.strip(),
                                           urgency=urgency)
        emails.case_to_team(case)
    return case


def update_case(case, *, status, note=None, handled_by=None, by=None):
    """The team moves a case along (ouvert, en cours, résolu), keeps an internal note, and says who
    follows it (`handled_by`; by default the first person who saves it)."""
    case.status = status
    if note is not None:
        case.note = note
    if status == CaseStatus.RESOLVED:
        case.resolved_at = case.resolved_at or timezone.now()
    else:
        case.resolved_at = None
    if handled_by is not None:
        case.handled_by = handled_by
    elif by is not None and case.handled_by_id is None:
        case.handled_by = by
    case.save()
    return case


class OutcomeRefused(DomainError):
    pass


# An outcome saying the mission did not happen needs its reason (the admin form checks it too).
OUTCOME_REASON_NEEDED = gettext_lazy("Dites pourquoi la mission ne s’est pas faite.")


def outcome_reason_missing(outcome, reason):
    return outcome in DID_NOT_HAPPEN and not (reason or "").strip()


def record_outcome(application, *, outcome, reason="", by=None):
    """The coordinator records how an introduced mission ended (why, when it did not happen); both
    sides are then asked for one piece of feedback (once, whatever the corrections of the outcome)."""
    if outcome not in Outcome.values:
        raise OutcomeRefused(_("Choisissez l’issue de la mission."), field="outcome")
    if outcome_reason_missing(outcome, reason):
        raise OutcomeRefused(OUTCOME_REASON_NEEDED, field="outcome_reason")
    with transaction.atomic():
        application = Application.objects.select_for_update().select_related("mission").get(pk=application.pk)
        if application.status != ApplicationStatus.INTRODUCED:
            raise OutcomeRefused(_("Seule une mise en relation a une issue."))
        first = not application.outcome
        application.outcome, application.outcome_reason = outcome, reason.strip()
        application.outcome_at = application.outcome_at or timezone.now()
        application.save(update_fields=["outcome", "outcome_reason", "outcome_at", "updated_at"])
        application.emails_sent = []
        if first:
            for side in Side.values:
                _feedback, created = Feedback.objects.get_or_create(application=application, side=side)
                if created:
                    email = emails.feedback_request(application, side)
                    application.emails_sent.append(_("la demande d’avis (%(side)s, %(address)s)") % {
                        "side": Side(side).label, "address": ", ".join(email.to)})
    return application


@polite_lock_timeouts
def give_feedback(application, *, side, rating, comment=""):
    """One answer per side; a second one answers AlreadyAnswered."""
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update().filter(application=application, side=side).first()
        if feedback is None:
            raise AlreadyAnswered(_("Ce lien ne correspond à aucune demande d’avis."))
        if feedback.is_answered:
            raise AlreadyAnswered(_("Vous avez déjà donné votre avis : merci !"))
        feedback.rating, feedback.comment, feedback.answered_at = rating, comment.strip(), timezone.now()
        feedback.save(update_fields=["rating", "comment", "answered_at"])
    return feedback


# --- status emails to the association that made the request -------------------------------------

def _request_of(mission):
    return MissionRequest.objects.filter(mission=mission, anonymised_at__isnull=True).order_by("pk").first()


def announce_publication(mission):
    """The request's contact learns that their mission is published (once, with its public link)."""
    with transaction.atomic():
        mission_request = _request_of(mission)
        if mission_request is None or not mission.live:
            return False
        if not MissionRequest.objects.filter(pk=mission_request.pk, published_notified_at__isnull=True).update(
            published_notified_at=timezone.now()
        ):
            return False
        emails.request_status(mission_request, "published")
    return True


def publication_announced_since(mission, moment):
    """The request whose association was told since `moment` that `mission` is published, or None."""
    return MissionRequest.objects.filter(mission=mission, published_notified_at__gte=moment).first()


def _announce_first_applications(mission):
    mission_request = _request_of(mission)
    if mission_request is not None and MissionRequest.objects.filter(
        pk=mission_request.pk, applications_notified_at__isnull=True
    ).update(applications_notified_at=timezone.now()):
        emails.request_status(mission_request, "applications")


def _announce_introduction(application):
    """The introduction email goes to the mission's contact; the request's contact, when it is
    someone else, is told that an introduction was made."""
    mission_request = _request_of(application.mission)
    if mission_request is not None and mission_request.email != application.mission.contact_email.lower():
        emails.request_status(mission_request, "introduction")


def submit_request(*, association_name, contact_name, email, title, description, consent, skills=(),
                   cause=Cause.SOLIDARITY, website="", city="", phone="", format=Format.REMOTE, deadline=None):
    """Record an association's need; acknowledge it and notify the team."""
    email = email.strip().lower()
    if MissionRequest.objects.filter(
        email=email, title__iexact=title.strip(), status=MissionRequestStatus.NEW
    ).exists():
        raise DuplicateRequest
    with transaction.atomic():
        mission_request = MissionRequest.objects.create(
            association_name=association_name, cause=cause, website=website, city=city, contact_name=contact_name,
            email=email, phone=phone, title=title, description=description, format=format, deadline=deadline,
            consent=consent,
        )
        mission_request.skills.set(skills)
        emails.request_received(mission_request)
        emails.request_to_team(mission_request)
    return mission_request


class RequestAlreadyAnswered(DomainError):
    def __init__(self):
        super().__init__(_("Cette demande a déjà reçu une réponse : elle n’est plus à modérer."))


def refuse_request(mission_request, *, reason, notify=True, user=None):
    """Refuse an association's request (once: only one still to moderate), with the reason told to
    the association when `notify`. Returns the request; the internal note records who and when."""
    with transaction.atomic():
        locked = MissionRequest.objects.select_for_update().get(pk=mission_request.pk)
        if locked.status != MissionRequestStatus.NEW:
            raise RequestAlreadyAnswered
        now = timezone.now()
        locked.status, locked.refused_at, locked.refusal_reason = MissionRequestStatus.REFUSED, now, reason.strip()
        who = (user.get_full_name() or user.get_username()) if user is not None else _("l’équipe")
        stamp = _("Refusée le %(date)s par %(who)s%(emailed)s.") % {
            "date": french_datetime(now, "d/m/Y"), "who": who,
            "emailed": _(", e-mail envoyé à l’association") if notify else _(", sans e-mail"),
        }
        locked.note = f"{locked.note}\n{stamp}".strip()
        locked.save(update_fields=["status", "refused_at", "refusal_reason", "note"])
        if notify:
            emails.request_refused(locked)
    for field in ("status", "refused_at", "refusal_reason", "note"):
        setattr(mission_request, field, getattr(locked, field))
    return mission_request


def reopen_request(mission_request):
    """A refused request back to moderation (refused by mistake); nothing is sent."""
    MissionRequest.objects.filter(pk=mission_request.pk, status=MissionRequestStatus.REFUSED).update(
        status=MissionRequestStatus.NEW, refused_at=None)
    mission_request.refresh_from_db()
    return mission_request


@transaction.atomic
def convert_request(mission_request):
    """Turn an association's request into a draft mission for editors to review and publish (once:
    a converted request gives back its mission). The association is created if it is new."""
    locked = MissionRequest.objects.select_for_update().get(pk=mission_request.pk)
    if locked.mission_id is None:
        locked.mission = _draft_mission(locked)
        locked.status = MissionRequestStatus.CONVERTED
        locked.save(update_fields=["mission", "status"])
        emails.request_status(locked, "converted")
    mission_request.mission, mission_request.status = locked.mission, locked.status
    return locked.mission


def _draft_mission(mission_request):
    name = mission_request.association_name.strip()
    association = Association.objects.filter(name__iexact=name).first() or Association.objects.create(
        name=name, cause=mission_request.cause, website=mission_request.website, city=mission_request.city,
        contact_name=mission_request.contact_name, contact_email=mission_request.email,
    )
    mission = Mission(
        title=mission_request.title,
        association=association,
        summary=draft_summary(mission_request.description),
        description="".join(f"<p>{escape(line)}</p>" for line in paragraphs(mission_request.description)),
        format=mission_request.format,
        location="" if mission_request.format == Format.REMOTE else mission_request.city,
        # The association's wished date is when the work should be done, not a deadline for
        # volunteers: the editor chooses "candidater avant le" when publishing.
        needed_by=mission_request.deadline,
        apply_before=None,
        contact_name=mission_request.contact_name,
        contact_email=mission_request.email,
        live=False,
    )
    mission.save()
    mission.skills.set(list(mission_request.skills.all()))
    mission.save()  # the skills are a ClusterTaggableManager: saved with the mission
    mission.save_revision(log_action=True)
    return mission


def paragraphs(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
# A summary reads at a glance on a card: one sentence, about two lines.
DRAFT_SUMMARY_TARGET = 160


def draft_summary(description, limit=DRAFT_SUMMARY_TARGET):
    """The first sentence of the description (a line break ends a sentence: a line without final
    punctuation gets a full stop), so that the request does not land whole in both the summary and
    the description. A first sentence longer than `limit` characters is cut after a whole word,
    with an ellipsis. The editor polishes it before publishing."""
    lines = paragraphs(description)
    if not lines:
        return ""
    first_line = " ".join(lines[0].split())
    if first_line[-1].isalnum():
        first_line += "."
    sentence = SENTENCE_END.split(first_line)[0]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit]  # one character is kept for the ellipsis, after the last whole word
    if cut[-1] == " ":
        words = cut[:-1]
    elif " " in cut:
        words = cut.rsplit(" ", 1)[0]
    else:  # one "word" longer than the summary (an address): nothing else to do
        words = cut[:-1]
    return words.rstrip(" ,;:") + "…"


class SkillMergeRefused(DomainError):
    field = "into"


@transaction.atomic
def merge_skills(skill, *, into):
    """Merge `skill` into `into`: every mission, course, application and request tagged with it
    gets `into` instead (once), its name and synonyms become synonyms of `into`, it is deleted, and
    its slug (with the former slugs it had) becomes a FormerSlug of `into`: its public page
    redirects to the page of `into`, its filter (`?competences=<slug>`, bookmarks, feed URLs) keeps
    filtering. Returns `into`."""
    if skill.pk == into.pk:
        raise SkillMergeRefused(_("Choisissez une autre compétence que celle à fusionner."))
    for relation in Skill._meta.related_objects:  # its former slugs included
        model = relation.through if relation.many_to_many else relation.related_model
        field = next(f for f in model._meta.concrete_fields if f.is_relation and f.related_model is Skill)
        _move_rows(model, field, skill, into)
    into.aliases = ", ".join(_unique_terms([*into.alias_list(), skill.name, *skill.alias_list()], into))
    into.curated = into.curated or skill.curated
    if not into.description:
        into.description = skill.description
    into.save()
    skill.delete()
    keep_former_slug(skill.slug, into)
    return into


def keep_former_slug(slug, skill):
    """`slug` (no longer any skill's) now leads to `skill`: after a merge, or an edit of its slug."""
    FormerSlug.objects.update_or_create(slug=slug, defaults={"skill": skill})
    FormerSlug.objects.filter(slug=skill.slug).delete()  # a skill given back a slug it had before


def _move_rows(model, field, skill, into):
    """Re-point the rows of `model` from `skill` to `into`, dropping those that would repeat a row
    already on `into` (a mission tagged with both)."""
    others = [f.attname for f in model._meta.concrete_fields if f is not field and not f.primary_key]
    for row in model.objects.filter(**{field.attname: skill.pk}):
        twin = {name: getattr(row, name) for name in others}
        if model.objects.filter(**{field.attname: into.pk}, **twin).exists():
            row.delete()
        else:
            model.objects.filter(pk=row.pk).update(**{field.attname: into.pk})


def _unique_terms(terms, skill):
    seen, kept = {normalise(skill.name), skill.slug}, []
    for term in terms:
        if normalise(term) not in seen:
            seen.add(normalise(term))
            kept.append(term)
    return kept


@transaction.atomic
def close_mission(mission, *, user=None):
    """Close a mission (it takes no more applications; its applications are kept): what the team
    does instead of deleting a mission that has applications. The live version and the latest draft
    both say "clôturée". Its undecided applications leave the team's queue (`awaiting_answer()`);
    the admin action offers to decline them (`decline_undecided_applications`). Returns whether it
    changed something."""
    from wagtail.log_actions import log

    locked = Mission.objects.select_for_update().get(pk=mission.pk)
    changed = locked.status != MissionStatus.CLOSED
    if changed:
        locked.status = MissionStatus.CLOSED
        locked.save(update_fields=["status", "updated_at"])
        revision = locked.latest_revision
        if revision is not None and revision.content.get("status") != MissionStatus.CLOSED:
            revision.content["status"] = MissionStatus.CLOSED
            revision.save(update_fields=["content"])
        log(instance=locked, action="wagtail.edit", user=user)
    mission.status = locked.status
    return changed
