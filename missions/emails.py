"""Emails of the missions app, one function per email, each through the outbox (text and HTML
from templates/emails/missions/). Replies go to the person the email is about.

Contexts that cost queries (the mission's URL, suggestions, signed links, digests) are computed
when the sending task renders the email (`later`, outbox/rendering.py). Stored emails name these
functions: keep their names and arguments."""

from django.conf import settings
from django.urls import reverse

from outbox.rendering import computed_when_rendered, later
from outbox.services import absolute_url, queue_email
from webassoc.signed_links import link

from . import tokens
from .enums import ApplicationStatus, Side


def _admin_url(viewset_name, pk):
    """A record's edit view in the admin, for the team's emails."""
    return absolute_url(reverse(f"{viewset_name}:edit", args=[pk]))


def follow_path(application):
    """The volunteer's signed link to follow their application (no account needed)."""
    return link(tokens.FOLLOW_VIEW, tokens.make(tokens.FOLLOW, application))


def follow_url(application):
    return absolute_url(follow_path(application))


def answer_url(url_name, purpose, application, side):
    return link(url_name, tokens.make(purpose, application, side), absolute=True)


def _application_context(application):
    mission = application.mission
    return {
        "application": application,
        "mission": mission,
        "association": mission.association,
        "skills": list(application.skills.all()),
        "mission_url": mission.get_full_url() or "",
    }


@computed_when_rendered
def application_context(application):
    """What the volunteer's emails show: the mission, its URL, the follow link, what happens next."""
    from .services import usual_answer_days

    days, measured = usual_answer_days()
    return {
        **_application_context(application),
        "follow_url": follow_url(application),
        "answer_days": days,
        "answer_days_measured": measured,
    }


@computed_when_rendered
def suggested_missions(mission_ids):
    """Other open missions, as links (in the order given)."""
    from .models.missions import Mission

    missions = Mission.objects.filter(pk__in=mission_ids).select_related("association").in_bulk()
    return [
        {"title": missions[pk].title, "association": missions[pk].association.name,
         "url": missions[pk].get_full_url() or ""}
        for pk in mission_ids if pk in missions
    ]


def _request_context(mission_request):
    return {
        "mission_request": mission_request,
        "skills": list(mission_request.skills.all()),
        "admin_url": _admin_url("demandes_missions", mission_request.pk),
    }


def application_received(application):
    """To the volunteer: we have your application, what happens next, the link to follow it."""
    return queue_email(application.email, "missions/application_received", later(application_context, application),
                       reply_to=settings.TEAM_EMAIL, tag="missions-application-received")


def follow_link(application):
    """To the volunteer who asked for it again: the link to follow their application."""
    return queue_email(application.email, "missions/follow_link", later(application_context, application),
                       reply_to=settings.TEAM_EMAIL, tag="missions-follow-link")


def application_to_team(application, reopened=False):
    """To the team: a new application, or a withdrawn one sent again (`reopened`)."""
    context = {**_application_context(application), "admin_url": _admin_url("candidatures", application.pk),
               "reopened": reopened}
    return queue_email(_team_address(application.mission), "missions/application_team", context,
                       reply_to=application.email, tag="missions-application-team")


def _team_address(mission):
    """The mission's coordinator when it has one, else the team."""
    coordinator = mission.coordinator
    return coordinator.email if coordinator is not None and coordinator.email else settings.TEAM_EMAIL


def introduction_to_volunteer(application):
    """The volunteer meets the association's contact (they reply to each other)."""
    return queue_email(application.email, "missions/introduction_volunteer", later(application_context, application),
                       reply_to=application.mission.contact_email, tag="missions-introduction")


def introduction_to_association(application):
    return queue_email(application.mission.contact_email, "missions/introduction_association",
                       _application_context(application), reply_to=application.email, tag="missions-introduction")


DECISION_TEMPLATES = {
    ApplicationStatus.NEW: "missions/decision_reopened",
    ApplicationStatus.SHORTLISTED: "missions/decision_shortlisted",
    ApplicationStatus.DECLINED: "missions/decision_declined",
}


def decision_to_volunteer(application, suggestions=()):
    """A decision in kind words: preselected, declined (reason and up to 3 other missions), or back
    under review."""
    return queue_email(application.email, DECISION_TEMPLATES[application.status], later(
        decision_context, application, application.decline_reason_for_volunteer(), list(suggestions),
    ), reply_to=settings.TEAM_EMAIL, tag="missions-decision")


@computed_when_rendered
def decision_context(application, reason, suggestion_ids):
    """The decision as it was made (the reason given at that moment) and other missions to look at."""
    return {**application_context(application), "reason": reason, "suggestions": suggested_missions(suggestion_ids)}


def withdrawal_to_team(application, *, was_introduced):
    return queue_email(_team_address(application.mission), "missions/withdrawal_team", {
        **_application_context(application), "was_introduced": was_introduced,
        "admin_url": _admin_url("candidatures", application.pk),
    }, tag="missions-withdrawal")


@computed_when_rendered
def digest_context(due_ids, late_ids):
    from .admin_panels import waiting_applications_url
    from .models.applications import Application

    def rows(ids):
        applications = Application.objects.filter(pk__in=ids).select_related("mission").order_by("created_at")
        # Past its deadline, the mission still waits for a choice among those who applied in time.
        return [{"application": a, "admin_url": _admin_url("candidatures", a.pk),
                 "past_deadline": a.mission.is_past_deadline} for a in applications]

    return {"due": rows(due_ids), "late": rows(late_ids),
            "queue_url": absolute_url(waiting_applications_url())}


def reminder_digest(to, *, due, late):
    """The daily digest of applications waiting for an answer (2 days), the late ones (7) first."""
    return queue_email(to, "missions/reminder_digest", {
        "count": len(due) + len(late), "late_count": len(late), "digest": later(digest_context, due, late),
        "reminder_days": settings.APPLICATION_REMINDER_DAYS, "late_days": settings.APPLICATION_LATE_DAYS,
    }, tag="missions-reminder")


@computed_when_rendered
def checkin_links(application, side):
    return {
        "fine_url": answer_url(tokens.CHECKIN_FINE_VIEW, tokens.CHECKIN, application, side),
        "help_url": answer_url(tokens.CHECKIN_HELP_VIEW, tokens.CHECKIN, application, side),
    }


def _side_address(application, side):
    return application.email if side == Side.VOLUNTEER else application.mission.contact_email


def checkin(application, side):
    """"Tout se passe bien ?" with two signed links, to one side of an introduction."""
    return queue_email(_side_address(application, side), "missions/checkin", {
        **_application_context(application), "side": side, "is_volunteer": side == Side.VOLUNTEER,
        "links": later(checkin_links, application, side), "days": settings.CHECKIN_AFTER_DAYS,
    }, reply_to=settings.TEAM_EMAIL, tag="missions-checkin")


def case_to_team(case):
    application = case.application
    return queue_email(_team_address(application.mission), "missions/case_team", {
        **_application_context(application), "case": case, "admin_url": _admin_url("suivis", case.pk),
    }, reply_to=_side_address(application, case.side), tag="missions-case")


@computed_when_rendered
def feedback_link(application, side):
    return answer_url(tokens.FEEDBACK_VIEW, tokens.FEEDBACK, application, side)


def feedback_request(application, side):
    return queue_email(_side_address(application, side), "missions/feedback_request", {
        **_application_context(application), "is_volunteer": side == Side.VOLUNTEER,
        "feedback_url": later(feedback_link, application, side),
    }, reply_to=settings.TEAM_EMAIL, tag="missions-feedback")


def request_received(mission_request):
    """To the association: we have your request."""
    return queue_email(mission_request.email, "missions/request_received", _request_context(mission_request),
                       reply_to=settings.TEAM_EMAIL, tag="missions-request-received")


def request_to_team(mission_request):
    return queue_email(settings.TEAM_EMAIL, "missions/request_team", _request_context(mission_request),
                       reply_to=mission_request.email, tag="missions-request-team")


@computed_when_rendered
def request_mission_url(mission_request):
    mission = mission_request.mission
    return (mission.get_full_url() or "") if mission is not None and mission.live else ""


REQUEST_STATUSES = ("converted", "published", "applications", "introduction")


def request_refused(mission_request):
    """To the association: the team will not turn its request into a mission, and why."""
    return queue_email(mission_request.email, "missions/request_refused", {"mission_request": mission_request},
                       reply_to=settings.TEAM_EMAIL, tag="missions-request-status")


def request_status(mission_request, status):
    """Where the association's request stands: turned into a mission, published (with its public
    link), first applications received, introduction done."""
    assert status in REQUEST_STATUSES, status
    return queue_email(mission_request.email, f"missions/request_{status}", {
        "mission_request": mission_request, "mission_url": later(request_mission_url, mission_request),
    }, reply_to=settings.TEAM_EMAIL, tag="missions-request-status")
