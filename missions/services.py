"""Domain operations of the missions app: apply, change status, introduce, request a mission."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from outbox.services import absolute_url, queue_email

from .models import Application, ApplicationStatus, MissionRequest


class MissionClosed(Exception):
    """The mission does not take applications (closed, filled, past deadline or not published)."""


class DuplicateApplication(Exception):
    """This email already applied to this mission."""


def team_email():
    return settings.TEAM_EMAIL


def admin_url(viewset_name, pk):
    """Absolute URL of a record's edit view in the admin, for the team's emails."""
    return absolute_url(reverse(f"{viewset_name}:edit", args=[pk]))


def apply(mission, data):
    """Record a volunteer's application, then confirm it to them and notify the team."""
    if not mission.accepts_applications:
        raise MissionClosed
    skills = list(data.get("skills") or [])
    try:
        with transaction.atomic():
            application = Application.objects.create(
                mission=mission,
                name=data["name"].strip(),
                email=data["email"],
                message=data["message"],
                availability=data.get("availability", ""),
                portfolio_url=data.get("portfolio_url", ""),
                consent=bool(data.get("consent")),
            )
            application.skills.set(skills)
    except IntegrityError as exc:  # two submissions raced past the form's duplicate check
        raise DuplicateApplication from exc
    context = {
        "application": application,
        "mission": mission,
        "skills": skills,
        "mission_url": mission.get_full_url() or "",
        "admin_url": admin_url("candidatures", application.pk),
    }
    queue_email(application.email, "missions/application_received", context, reply_to=team_email(),
                tag="missions-application-received")
    queue_email(team_email(), "missions/application_team", context, reply_to=application.email,
                tag="missions-application-team")
    return application


def change_status(application, status, *, note=None):
    """Move an application to `status` (checked against the allowed transitions)."""
    if status not in ApplicationStatus.values:
        raise ValidationError(_("Statut inconnu."), code="invalid_status")
    if status == ApplicationStatus.MISE_EN_RELATION:  # decided on the stored status, in introduce()
        return introduce(application, note=note)
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if not application.can_move_to(status):
            raise ValidationError(
                _("Une candidature « %(current)s » ne peut pas passer à « %(new)s ».")
                % {"current": application.get_status_display(),
                   "new": ApplicationStatus(status).label},
                code="invalid_transition",
            )
        application.status = status
        if note is not None:
            application.note = note
        application.save()
    return application


def introduce(application, *, note=None):
    """"Mise en relation": mark the application matched and email the volunteer and the association."""
    with transaction.atomic():
        application = (
            Application.objects.select_for_update().select_related("mission__association").get(pk=application.pk)
        )
        if not application.can_move_to(ApplicationStatus.MISE_EN_RELATION):
            raise ValidationError(
                _("Seule une candidature présélectionnée peut être mise en relation."),
                code="invalid_transition",
            )
        already_matched = application.status == ApplicationStatus.MISE_EN_RELATION
        application.status = ApplicationStatus.MISE_EN_RELATION
        application.matched_at = application.matched_at or timezone.now()
        if note is not None:
            application.note = note
        application.save()
    if already_matched:
        return application
    mission = application.mission
    context = {
        "application": application,
        "mission": mission,
        "association": mission.association,
        "mission_url": mission.get_full_url() or "",
    }
    queue_email(application.email, "missions/introduction_volunteer", context,
                reply_to=mission.contact_email, tag="missions-introduction")
    queue_email(mission.contact_email, "missions/introduction_association", context,
                reply_to=application.email, tag="missions-introduction")
    return application


def submit_request(data):
    """Record an association's need; acknowledge it and notify the team."""
    with transaction.atomic():
        request_ = MissionRequest.objects.create(
            **{key: value for key, value in data.items() if key not in {"skills", "consent"}
               and key in {f.name for f in MissionRequest._meta.get_fields()}},
            consent=bool(data.get("consent")),
        )
        request_.skills.set(list(data.get("skills") or []))
    context = {
        "mission_request": request_,
        "skills": list(request_.skills.all()),
        "admin_url": admin_url("demandes_missions", request_.pk),
    }
    queue_email(request_.email, "missions/request_received", context, reply_to=team_email(),
                tag="missions-request-received")
    queue_email(team_email(), "missions/request_team", context, reply_to=request_.email,
                tag="missions-request-team")
    return request_


def convert_request(mission_request):
    """Turn an association's request into a draft mission for editors."""
    return mission_request.to_draft_mission()
