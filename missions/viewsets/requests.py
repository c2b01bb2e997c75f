"""Associations' requests in the admin: moderation list, exports, inspect, and the record action
that turns a request into a draft mission."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from webassoc.admin.actions import RecordAction, RecordActionButtonsMixin, RecordActionsMixin
from webassoc.admin.exports import FrenchExportMixin, FrenchInspectView
from webassoc.admin.names import FEMININE, EditView, FrenchNamesMixin, IndexView
from webassoc.admin.panels import RecordSummaryPanel

from .. import services
from ..enums import MissionRequestStatus
from ..models import Mission, MissionRequest


class ConvertRequest(RecordAction):
    """Create the draft mission (and the association if it is new), then open it for review."""

    name = "convert"
    label = _("Transformer en mission brouillon")
    icon = "tasks"
    primary = True
    summary_template = "missions/admin/mission_request_summary.html"
    confirmation = _(
        "Une mission brouillon va être créée à partir de cette demande (et l’association, si elle "
        "n’existe pas encore). Vous pourrez la relire et la compléter avant de la publier."
    )

    def applies(self, instance):
        return instance.mission_id is None

    def allowed(self, user, permission_policy):
        return super().allowed(user, permission_policy) and user.has_perm("missions.add_mission")

    def run(self, request, instance):
        mission = services.convert_request(instance)
        return gettext("Mission brouillon « %(title)s » créée : relisez-la puis publiez-la.") % {"title": mission.title}

    def success_url(self, request, instance, back_url):
        return reverse(Mission.snippet_viewset.get_url_name("edit"), args=[instance.mission_id])


class MissionRequestAdminForm(WagtailAdminModelForm):
    """"Transformée en mission" is reached only through the conversion (which creates the mission):
    never offered in the status field; once converted, the status is no longer edited by hand."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("status")
        if field is None:
            return
        if self.instance.status == MissionRequestStatus.CONVERTED and self.instance.mission_id:
            field.disabled = True
            field.help_text = _("Cette demande est devenue une mission : son statut ne change plus.")
        else:
            field.choices = [
                (value, label) for value, label in MissionRequestStatus.choices
                if value != MissionRequestStatus.CONVERTED
            ]
            field.help_text = _(
                "Pour transformer la demande en mission, utilisez le bouton « Transformer en mission "
                "brouillon » : il crée la mission."
            )

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == MissionRequestStatus.CONVERTED and not self.instance.mission_id:
            raise forms.ValidationError(
                _("Utilisez « Transformer en mission brouillon » : ce statut ne se choisit pas à la main.")
            )
        return status


class MissionRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Statut"), choices=MissionRequestStatus.choices)

    class Meta:
        model = MissionRequest
        fields = ["status"]


class MissionRequestIndexView(RecordActionButtonsMixin, FrenchExportMixin, IndexView):
    primary_actions_in_rows = True

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("skills")


class MissionRequestEditView(RecordActionButtonsMixin, EditView):
    pass


class MissionRequestViewSet(RecordActionsMixin, FrenchNamesMixin, ModelViewSet):
    model = MissionRequest
    gender = FEMININE
    name = "demandes_missions"
    icon = "mail"
    menu_label = _("Demandes des associations")
    record_actions = (ConvertRequest(),)
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
            heading=_("Demande de l’association"), template_name="missions/admin/mission_request_summary_panel.html",
        ),
        FieldPanel("status"),
        FieldPanel("note"),
    ], base_form_class=MissionRequestAdminForm)
