"""The admin home ("Tableau de bord"): what coordinators check every morning. Each panel lists a
few rows (oldest or most urgent first), says how many there are in all, and links to the filtered
list. Two queries per panel, whatever the numbers (a test pins the count). Apps add their own
panels with the same hook (courses/admin_panels.py: the next sessions with fill rate and waitlist)."""

import datetime

from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from missions.enums import AWAITING_ANSWER, ApplicationStatus, MissionRequestStatus, MissionState
from outbox.enums import RESENDABLE, EmailStatus

ROWS = 6


class DashboardPanel(Component):
    """One panel: `rows()` returns (text, url, detail) tuples; `queryset()` the records counted."""

    template_name = "home/admin/dashboard_panel.html"
    name = ""
    heading = ""
    empty = ""
    permission = ""
    link_label = _("Voir la liste")

    def is_shown(self, user):
        return user.has_perm(self.permission)

    def queryset(self):
        raise NotImplementedError

    def row(self, record):
        raise NotImplementedError

    def list_url(self):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        queryset = self.queryset()
        records = list(queryset[:ROWS])
        total = queryset.count()
        return {
            "panel": self, "rows": [self.row(record) for record in records], "total": total,
            "list_url": self.list_url(),
        }


def ago(moment, now=None):
    """"il y a 3 jours", or "à l'instant" under a minute (never "il y a 0 minute")."""
    now = now or timezone.now()
    if now - moment < datetime.timedelta(minutes=1):
        return str(_("à l’instant"))
    return str(_("il y a %(age)s") % {"age": timesince(moment, now, depth=1)})


class WaitingApplicationsPanel(DashboardPanel):
    name = "waiting_applications"
    order = 10
    heading = _("Candidatures en attente de réponse")
    empty = _("Aucune candidature n’attend de réponse.")
    permission = "missions.change_application"

    def queryset(self):
        Application = apps.get_model("missions", "Application")
        return Application.objects.filter(status__in=AWAITING_ANSWER).select_related("mission").order_by("created_at")

    def row(self, application):
        return (f"{application.name} – {application.mission.title}",
                reverse("candidatures:edit", args=[application.pk]),
                _("reçue %(ago)s") % {"ago": ago(application.created_at)})

    def list_url(self):
        return reverse("candidatures:index") + f"?status={ApplicationStatus.NEW}&ordering=created_at"


class NewRequestsPanel(DashboardPanel):
    name = "new_requests"
    order = 20
    heading = _("Nouvelles demandes des associations")
    empty = _("Aucune demande à modérer.")
    permission = "missions.change_missionrequest"

    def queryset(self):
        MissionRequest = apps.get_model("missions", "MissionRequest")
        return MissionRequest.objects.filter(status=MissionRequestStatus.NEW).order_by("created_at")

    def row(self, request_):
        return (f"{request_.title} ({request_.association_name})",
                reverse("demandes_missions:edit", args=[request_.pk]),
                _("reçue %(ago)s") % {"ago": ago(request_.created_at)})

    def list_url(self):
        return reverse("demandes_missions:index") + f"?status={MissionRequestStatus.NEW}&ordering=created_at"


class DeadlineSoonPanel(DashboardPanel):
    name = "deadline_soon"
    order = 30
    heading = _("Missions dont l’échéance tombe dans les 7 jours")
    empty = _("Aucune mission ouverte n’arrive à échéance cette semaine.")
    permission = "missions.change_mission"

    def queryset(self):
        Mission = apps.get_model("missions", "Mission")
        today = timezone.localdate()
        return Mission.objects.open().filter(apply_before__lte=today + datetime.timedelta(days=7)).order_by(
            "apply_before", "pk")

    def row(self, mission):
        return (mission.title, reverse(mission.snippet_viewset.get_url_name("edit"), args=[mission.pk]),
                _("candidatures jusqu’au %(date)s") % {"date": mission.deadline_label()})

    def list_url(self):
        Mission = apps.get_model("missions", "Mission")
        return reverse(Mission.snippet_viewset.get_url_name("list")) + f"?state={MissionState.LIVE}&ordering=apply_before"


class FailedEmailsPanel(DashboardPanel):
    name = "failed_emails"
    order = 40
    heading = _("E-mails non distribués")
    empty = _("Aucun e-mail en échec.")
    permission = "outbox.view_email"

    def queryset(self):
        Email = apps.get_model("outbox", "Email")
        return Email.objects.filter(status__in=RESENDABLE).order_by("-created_at")

    def row(self, email):
        return (f"{email.subject or email.template} → {', '.join(email.to)}",
                reverse("emails:inspect", args=[email.pk]),
                f"{email.get_status_display()}, {ago(email.created_at)}")

    def list_url(self):
        return reverse("emails:index") + f"?status={EmailStatus.FAILED}"


PANELS = (WaitingApplicationsPanel, NewRequestsPanel, DeadlineSoonPanel, FailedEmailsPanel)


def add_dashboard_panels(request, panels):
    """The construct_homepage_panels hook: the panels this person may act on."""
    for panel_class in PANELS:
        panel = panel_class()
        if panel.is_shown(request.user):
            panels.append(panel)
