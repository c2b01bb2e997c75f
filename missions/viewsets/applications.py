"""Volunteers' applications in the admin: list, exports, inspect, and the status form whose
changes go through the domain services ("mise en relation" sends the introduction emails)."""

import django_filters
from django import forms
from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from webassoc.admin.exports import FrenchExportMixin, FrenchInspectView
from webassoc.admin.panels import RecordSummaryPanel
from webassoc.errors import DomainError

from .. import services
from ..enums import ApplicationStatus
from ..models import Application, Mission


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
            allowed = {self.instance.status, *self.instance.allowed_statuses()}
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


class ApplicationEditView(EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        try:
            instance = services.change_status(self.form.instance, status=data["status"], note=data.get("note", ""))
        except DomainError as error:
            messages.error(self.request, error.message)
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
        [
            RecordSummaryPanel(heading=_("Candidature"), template_name="missions/admin/application_summary_panel.html"),
            FieldPanel("status"),
            FieldPanel("note"),
        ],
        base_form_class=ApplicationAdminForm,
    )
