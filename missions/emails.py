"""Emails of the missions app, one function per email, each through the outbox (text and HTML
from templates/emails/missions/). Replies go to the person the email is about."""

from django.conf import settings
from django.urls import reverse

from outbox.services import absolute_url, queue_email


def _admin_url(viewset_name, pk):
    """A record's edit view in the admin, for the team's emails."""
    return absolute_url(reverse(f"{viewset_name}:edit", args=[pk]))


def _application_context(application):
    mission = application.mission
    return {
        "application": application,
        "mission": mission,
        "association": mission.association,
        "skills": list(application.skills.all()),
        "mission_url": mission.get_full_url() or "",
    }


def _request_context(mission_request):
    return {
        "mission_request": mission_request,
        "skills": list(mission_request.skills.all()),
        "admin_url": _admin_url("demandes_missions", mission_request.pk),
    }


def application_received(application):
    """To the volunteer: we have your application."""
    return queue_email(application.email, "missions/application_received", _application_context(application),
                       reply_to=settings.TEAM_EMAIL, tag="missions-application-received")


def application_to_team(application):
    context = {**_application_context(application), "admin_url": _admin_url("candidatures", application.pk)}
    return queue_email(settings.TEAM_EMAIL, "missions/application_team", context,
                       reply_to=application.email, tag="missions-application-team")


def introduction_to_volunteer(application):
    """The volunteer meets the association's contact (they reply to each other)."""
    return queue_email(application.email, "missions/introduction_volunteer", _application_context(application),
                       reply_to=application.mission.contact_email, tag="missions-introduction")


def introduction_to_association(application):
    return queue_email(application.mission.contact_email, "missions/introduction_association",
                       _application_context(application), reply_to=application.email, tag="missions-introduction")


def request_received(mission_request):
    """To the association: we have your request."""
    return queue_email(mission_request.email, "missions/request_received", _request_context(mission_request),
                       reply_to=settings.TEAM_EMAIL, tag="missions-request-received")


def request_to_team(mission_request):
    return queue_email(settings.TEAM_EMAIL, "missions/request_team", _request_context(mission_request),
                       reply_to=mission_request.email, tag="missions-request-team")
