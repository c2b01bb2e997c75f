"""The missions' panels on the admin home: applications waiting for an answer, new association
requests, missions due within 7 days, and the follow-up cases still open (the trusted third
party's queue). Registered by wagtail_hooks.py; the base is webassoc/admin/dashboard.py."""

from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from webassoc.admin.dashboard import DashboardPanel, ago, filtered_url, panels_adder

from .enums import AWAITING_ANSWER, RECRUITING, UNRESOLVED_CASES, MissionRequestStatus, MissionState, Urgency
from .models import Application, FollowUpCase, Mission, MissionRequest


def waiting_applications_url():
    """The admin list of the applications waiting for an answer on missions still recruiting, oldest
    first: the link of this panel and of the coordinators' daily digest (missions/emails.py)."""
    return filtered_url("candidatures:index", status=AWAITING_ANSWER, mission_status=RECRUITING,
                        ordering="created_at")


class WaitingApplicationsPanel(DashboardPanel):
    name = "waiting_applications"
    order = 10
    heading = _("Candidatures en attente de réponse")
    empty = _("Aucune candidature n’attend de réponse.")
    permission = "missions.change_application"

    def queryset(self):
        return Application.objects.awaiting_answer().select_related("mission").order_by("created_at")

    def row(self, application):
        return (f"{application.name} – {application.mission.title}",
                reverse("candidatures:edit", args=[application.pk]),
                _("reçue %(ago)s") % {"ago": ago(application.created_at)})

    def list_url(self):
        return waiting_applications_url()


class NewRequestsPanel(DashboardPanel):
    name = "new_requests"
    order = 20
    heading = _("Nouvelles demandes des associations")
    empty = _("Aucune demande à modérer.")
    permission = "missions.change_missionrequest"

    def queryset(self):
        return MissionRequest.objects.filter(status=MissionRequestStatus.NEW).order_by("created_at")

    def row(self, request_):
        return (f"{request_.title} ({request_.association_name})",
                reverse("demandes_missions:edit", args=[request_.pk]),
                _("reçue %(ago)s") % {"ago": ago(request_.created_at)})

    def list_url(self):
        return filtered_url("demandes_missions:index", status=MissionRequestStatus.NEW, ordering="created_at")


class DeadlineSoonPanel(DashboardPanel):
    name = "deadline_soon"
    order = 30
    heading = _("Missions dont l’échéance tombe dans les 7 jours")
    empty = _("Aucune mission ouverte n’arrive à échéance cette semaine.")
    permission = "missions.change_mission"

    def queryset(self):
        return Mission.objects.open().due_soon().order_by("apply_before", "pk")

    def row(self, mission):
        return (mission.title, reverse(mission.snippet_viewset.get_url_name("edit"), args=[mission.pk]),
                _("candidatures jusqu’au %(date)s") % {"date": mission.deadline_label()})

    def list_url(self):
        return filtered_url(Mission.snippet_viewset.get_url_name("list"), state=MissionState.LIVE,
                            due_soon="true", ordering="apply_before")


def open_cases():
    """Unresolved cases, the most urgent then the oldest first, with their mission."""
    urgency_rank = Case(
        When(urgency=Urgency.HIGH, then=Value(0)), When(urgency=Urgency.MEDIUM, then=Value(1)),
        default=Value(2), output_field=IntegerField(),
    )
    return (
        FollowUpCase.objects.unresolved().select_related("application__mission")
        .annotate(urgency_rank=urgency_rank).order_by("urgency_rank", "created_at")
    )


class OpenCasesPanel(DashboardPanel):
    """The cases open or in progress, in a table (the template reads the cases themselves)."""

    name = "open-followup-cases"  # its section is #open-followup-cases-section (tests, browser test)
    template_name = "missions/admin/open_cases_panel.html"
    order = 60
    heading = _("Suivis ouverts après une mise en relation")
    empty = _("Aucun suivi ouvert : tout va bien.")
    permission = "missions.change_followupcase"
    rows_shown = 10

    def queryset(self):
        return open_cases()

    def row(self, case):
        return case

    def list_url(self):
        return filtered_url("suivis:index", status=UNRESOLVED_CASES)


add_missions_panels = panels_adder(WaitingApplicationsPanel, NewRequestsPanel, DeadlineSoonPanel, OpenCasesPanel)
