"""Wagtail admin for the missions: snippets, applications and association requests."""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from webassoc.admin.exports import FrenchExportMixin

from . import services
from .models import (
    Application,
    ApplicationStatus,
    Association,
    Cause,
    Mission,
    MissionFormat,
    MissionRequest,
    MissionRequestStatus,
    MissionSkill,
    MissionStatus,
    Skill,
)

# --- Shared ---------------------------------------------------------------------------------


def french_value(value):
    """A value as the team reads it: Oui/Non, a dash for nothing, dates and times in French, local time."""
    if value is None or value in ("", "-"):
        return "–"
    if isinstance(value, bool):
        return gettext("Oui") if value else gettext("Non")
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return gettext("%(date)s à %(time)s") % {
            "date": date_format(value, "j F Y"), "time": time_format(value, "H:i"),
        }
    if isinstance(value, datetime.date):
        return date_format(value, "d/m/Y")
    return value


class FrenchInspectView(InspectView):
    """Inspect pages of the personal-data records, readable by the team (not True/None/UTC)."""

    def get_field_display_value(self, field_name, field):
        return french_value(super().get_field_display_value(field_name, field))


class RecordSummaryPanel(Panel):
    """The record as it was sent from the public site (read-only), above the team's fields."""

    template_name = None

    def __init__(self, *args, template_name=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.template_name = template_name or self.template_name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "template_name": self.template_name}

    class BoundPanel(Panel.BoundPanel):
        @property
        def template_name(self):
            return self.panel.template_name

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["record"] = self.instance
            return context


# --- Associations -----------------------------------------------------------------------------


class AssociationFilterSet(WagtailFilterSet):
    cause = django_filters.ChoiceFilter(label=_("Cause"), choices=Cause.choices)
    city = django_filters.CharFilter(label=_("Ville"), lookup_expr="icontains")

    class Meta:
        model = Association
        fields = ["cause", "city"]


class AssociationViewSet(SnippetViewSet):
    model = Association
    icon = "group"
    menu_label = _("Associations")
    list_display = [
        "name", "cause", "city", Column("mission_count", label=_("Missions"), sort_key="mission_count"),
    ]
    filterset_class = AssociationFilterSet
    search_fields = ["name", "city", "description"]
    search_backend_name = None
    list_export = ["name", "cause", "city", "website", "contact_name", "contact_email"]
    export_filename = "associations"
    ordering = ["name"]

    def get_queryset(self, request):
        return Association.objects.annotate(mission_count=Count("missions"))


# --- Missions ---------------------------------------------------------------------------------


class MissionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Statut"), choices=MissionStatus.choices)
    skill = django_filters.ModelChoiceFilter(
        label=_("Compétence"), field_name="tagged_items__tag", queryset=Skill.objects.order_by("name"),
    )
    association = django_filters.ModelChoiceFilter(
        label=_("Association"), queryset=Association.objects.order_by("name")
    )
    format = django_filters.ChoiceFilter(label=_("Format"), choices=MissionFormat.choices)

    class Meta:
        model = Mission
        fields = ["status", "skill", "association", "format"]


def applications_url(mission):
    return reverse("candidatures:index") + f"?mission={mission.pk}"


class MissionViewSet(SnippetViewSet):
    model = Mission
    icon = "tasks"
    menu_label = _("Missions")
    list_display = [
        "title",
        Column("status", label=_("Statut"), accessor="status_label", sort_key="status"),
        Column("association", label=_("Association"), sort_key="association__name"),
        Column("skills", label=_("Compétences"), accessor="skill_names"),
        Column("apply_before", label=_("Date limite"), accessor="deadline_label", sort_key="apply_before"),
        TitleColumn(
            "application_count", label=_("Candidatures"), sort_key="application_count",
            get_url=applications_url,
        ),
    ]
    filterset_class = MissionFilterSet
    search_fields = ["title", "summary", "association__name", "location"]
    search_backend_name = None
    list_export = [
        "title", "slug", "association", "status_label", "skill_names", "get_format_display",
        "effort_hours", "location", "volunteers_wanted", "apply_before", "application_count",
        "contact_name", "contact_email", "live", "first_published_at",
    ]
    export_headings = {
        "status_label": _("Statut"),
        "skill_names": _("Compétences"),
        "get_format_display": _("Format"),
        "application_count": _("Candidatures"),
        "live": _("Publiée"),
        "first_published_at": _("Publiée le"),
    }
    export_filename = "missions"
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return (
            Mission.objects.select_related("association")
            .annotate(application_count=Count("applications", distinct=True))
            .prefetch_related(Prefetch("tagged_items", queryset=MissionSkill.objects.select_related("tag")))
        )


# --- Applications -----------------------------------------------------------------------------


class ApplicationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Statut"), choices=ApplicationStatus.choices)
    mission = django_filters.ModelChoiceFilter(label=_("Mission"), queryset=Mission.objects.order_by("title"))

    class Meta:
        model = Application
        fields = ["status", "mission"]


class ApplicationAdminForm(WagtailAdminModelForm):
    """Status and note only; the status offers the transitions allowed from the current one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:
            current = self.instance.status
            allowed = {current, *self.instance.allowed_statuses()}
            self.fields["status"].choices = [
                (value, label) for value, label in ApplicationStatus.choices if value in allowed
            ]
            self.fields["status"].help_text = _(
                "« Mise en relation » envoie un e-mail d'introduction au bénévole et au contact de "
                "l'association."
            )

    def clean_status(self):
        status = self.cleaned_data["status"]
        original = Application.objects.get(pk=self.instance.pk) if self.instance.pk else None
        if original is not None and not original.can_move_to(status):
            raise forms.ValidationError(_("Ce changement de statut n'est pas possible."))
        return status


class ApplicationSummaryPanel(RecordSummaryPanel):
    """The application as the volunteer sent it (read-only), above the status and note."""

    template_name = "missions/admin/application_summary_panel.html"


class ApplicationEditView(EditView):
    def save_instance(self):
        """Status changes go through the domain services ("mise en relation" sends the emails)."""
        data = self.form.cleaned_data
        try:
            instance = services.change_status(self.form.instance, data["status"], note=data.get("note", ""))
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return Application.objects.get(pk=self.form.instance.pk)
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        return instance


class ApplicationIndexView(FrenchExportMixin, IndexView):
    """List and exports: mission and skills loaded up front (ModelViewSet ignores get_queryset)."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("mission").prefetch_related("skills")


class ApplicationViewSet(ModelViewSet):
    model = Application
    name = "candidatures"
    icon = "user"
    menu_label = _("Candidatures")
    list_display = [
        "name",
        Column("mission", label=_("Mission"), sort_key="mission__title"),
        Column("status", label=_("Statut"), accessor="get_status_display", sort_key="status"),
        "email",
        DateColumn("created_at", label=_("Reçue le"), sort_key="created_at"),
    ]
    filterset_class = ApplicationFilterSet
    search_fields = ["name", "email", "mission__title"]
    search_backend_name = None
    list_export = [
        "name", "email", "mission", "get_status_display", "skill_names", "availability", "portfolio_url",
        "message", "note", "created_at", "matched_at",
    ]
    export_headings = {"get_status_display": _("Statut"), "skill_names": _("Compétences")}
    export_filename = "candidatures"
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "mission", "name", "email", "skills", "message", "availability", "portfolio_url", "consent", "status", "note",
        "created_at", "matched_at",
    ]
    index_view_class = ApplicationIndexView
    inspect_view_class = FrenchInspectView
    edit_view_class = ApplicationEditView
    edit_handler = ObjectList(
        [ApplicationSummaryPanel(heading=_("Candidature")), FieldPanel("status"), FieldPanel("note")],
        base_form_class=ApplicationAdminForm,
    )


# --- Association requests ---------------------------------------------------------------------


class MissionRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Statut"), choices=MissionRequestStatus.choices)

    class Meta:
        model = MissionRequest
        fields = ["status"]


def convert_url(mission_request):
    return reverse("demandes_missions:convert", args=[mission_request.pk])


class MissionRequestIndexView(FrenchExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("skills")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.mission_id is None and self.permission_policy.user_has_permission(
            self.request.user, "change"
        ):
            buttons.append(
                MenuItem(_("Transformer en mission brouillon"), url=convert_url(instance), icon_name="tasks",
                         priority=5)
            )
        return buttons


class MissionRequestEditView(EditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.mission_id is None:
            buttons.append(
                Button(_("Transformer en mission brouillon"), url=convert_url(self.object), icon_name="tasks",
                       priority=5)
            )
        return buttons


class MissionRequestViewSet(ModelViewSet):
    model = MissionRequest
    name = "demandes_missions"
    icon = "mail"
    menu_label = _("Demandes des associations")
    list_display = [
        "title",
        Column("association_name", label=_("Association")),
        Column("contact_name", label=_("Contact")),
        Column("status", label=_("Statut"), accessor="get_status_display", sort_key="status"),
        DateColumn("created_at", label=_("Reçue le"), sort_key="created_at"),
    ]
    filterset_class = MissionRequestFilterSet
    search_fields = ["title", "association_name", "contact_name", "email"]
    search_backend_name = None
    list_export = [
        "title", "association_name", "get_cause_display", "city", "website", "contact_name", "email",
        "phone", "description", "skill_names", "get_format_display", "deadline", "get_status_display",
        "created_at",
    ]
    export_headings = {
        "get_cause_display": _("Cause"), "skill_names": _("Compétences"), "get_format_display": _("Format"),
        "get_status_display": _("Statut"),
    }
    export_filename = "demandes-de-mission"
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = MissionRequestIndexView
    inspect_view_class = FrenchInspectView
    inspect_view_fields_exclude = ["id", "anonymised_at"]
    edit_view_class = MissionRequestEditView
    edit_handler = ObjectList([
        RecordSummaryPanel(
            heading=_("Demande de l'association"), template_name="missions/admin/mission_request_summary_panel.html",
        ),
        FieldPanel("status"),
        FieldPanel("note"),
    ])

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("convert/<int:pk>/", self.convert_view, name="convert"),
        ]

    def convert_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change") or not (
            request.user.has_perm("missions.add_mission")
        ):
            raise PermissionDenied
        mission_request = get_object_or_404(MissionRequest, pk=pk)
        if request.method == "POST":
            mission = services.convert_request(mission_request)
            messages.success(
                request,
                gettext("Mission brouillon « %(title)s » créée : relisez-la puis publiez-la.")
                % {"title": mission.title},
            )
            return redirect(reverse(Mission.snippet_viewset.get_url_name("edit"), args=[mission.pk]))
        return TemplateResponse(
            request,
            "missions/admin/convert_request.html",
            {"mission_request": mission_request, "index_url": reverse(self.get_url_name("index")),
             "page_title": gettext("Transformer en mission brouillon"), "header_icon": "tasks"},
        )


class MissionsGroup(SnippetViewSetGroup):
    menu_label = _("Missions")
    menu_icon = "tasks"
    menu_order = 200
    items = (MissionViewSet, AssociationViewSet, ApplicationViewSet, MissionRequestViewSet)
