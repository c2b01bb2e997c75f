"""After the introduction, in the admin: the follow-up cases ("Suivis": status, internal note,
who follows it) and the feedback of each side (read only, coordinators only)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from webassoc.admin.columns import FrenchDateTimeColumn, RecordTitleColumn, RecordTitleColumnMixin
from webassoc.admin.exports import FrenchExportMixin, FrenchInspectView
from webassoc.admin.names import MASCULINE, EditView, FrenchNamesMixin, IndexView
from webassoc.admin.panels import RecordSummaryPanel

from .. import services
from ..enums import CaseStatus, Side, Urgency
from ..forms import CoordinatorChoiceField
from ..models import Feedback, FollowUpCase
from .filters import MyMissionsFilter


class CaseFilterSet(WagtailFilterSet):
    mes_missions = MyMissionsFilter(mission_path="application__mission__")
    # Several statuses at once: the dashboard links to the cases open or in progress (UNRESOLVED_CASES).
    status = django_filters.MultipleChoiceFilter(label=_("Statut"), choices=CaseStatus.choices,
                                                 widget=forms.CheckboxSelectMultiple)
    urgency = django_filters.ChoiceFilter(label=_("Urgence"), choices=Urgency.choices)
    side = django_filters.ChoiceFilter(label=_("Demandé par"), choices=Side.choices)

    class Meta:
        model = FollowUpCase
        fields = ["mes_missions", "status", "urgency", "side"]


class CaseForm(WagtailAdminModelForm):
    """Who follows the case is chosen among the mission team, by name (hand a case over)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("handled_by")
        if field is not None:
            self.fields["handled_by"] = CoordinatorChoiceField(
                current_id=self.instance.handled_by_id, label=field.label,
                help_text=_("Vide : la première personne qui enregistre le suivi le prend en charge."),
            )


class CaseEditView(EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        case = services.update_case(self.form.instance, status=data["status"], note=data.get("note", ""),
                                    handled_by=data.get("handled_by"), by=self.request.user)
        log(instance=case, action="wagtail.edit", user=self.request.user)
        return case

    def get_success_message(self):
        return _("Suivi enregistré : « %(status)s ».") % {"status": self.object.get_status_display()}


class CaseIndexView(RecordTitleColumnMixin, FrenchExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("application__mission", "handled_by")


class FollowUpCaseViewSet(FrenchNamesMixin, ModelViewSet):
    model = FollowUpCase
    gender = MASCULINE
    name = "suivis"
    icon = "help"
    menu_label = _("Suivis")
    add_to_admin_menu = False
    list_display = [
        # Linked to the case (its edit view): a plain Column first would leave the rows without a link.
        RecordTitleColumn("mission", label=_("Mission"), accessor="application.mission",
                          sort_key="application__mission__title"),
        Column("volunteer", label=_("Bénévole"), accessor="application.name"),
        Column("side", label=_("Demandé par"), accessor="get_side_display", sort_key="side"),
        Column("urgency", label=_("Urgence"), accessor="get_urgency_display", sort_key="urgency"),
        Column("status", label=_("Statut"), accessor="get_status_display", sort_key="status"),
        Column("handled_by", label=_("Suivi par"), accessor="handled_by_name"),
        FrenchDateTimeColumn("created_at", label=_("Ouvert le"), sort_key="created_at"),
    ]
    filterset_class = CaseFilterSet
    search_fields = ["description", "application__name", "application__mission__title"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_export = ["mission_title", "volunteer_name", "get_side_display", "get_urgency_display", "get_status_display",
                   "handled_by_name", "description", "note", "created_at", "resolved_at"]
    export_headings = {"mission_title": _("Mission"), "volunteer_name": _("Bénévole"),
                       "get_side_display": _("Demandé par"), "get_urgency_display": _("Urgence"),
                       "get_status_display": _("Statut"), "handled_by_name": _("Suivi par")}
    export_filename = "suivis"
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = FrenchInspectView
    index_view_class = CaseIndexView
    edit_view_class = CaseEditView
    edit_handler = ObjectList(
        [
            RecordSummaryPanel(heading=_("Demande d’aide"), template_name="missions/admin/case_summary_panel.html"),
            FieldPanel("status"),
            FieldPanel("handled_by"),
            FieldPanel("note"),
        ],
        base_form_class=CaseForm,
    )


class FeedbackFilterSet(WagtailFilterSet):
    side = django_filters.ChoiceFilter(label=_("Côté"), choices=Side.choices)
    rating = django_filters.NumberFilter(label=_("Note"))

    class Meta:
        model = Feedback
        fields = ["side", "rating"]


class FeedbackIndexView(RecordTitleColumnMixin, FrenchExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(answered_at__isnull=False).select_related("application__mission")


class FeedbackViewSet(FrenchNamesMixin, ModelViewSet):
    """Read only: the answers of both sides, for coordinators."""

    model = Feedback
    gender = MASCULINE
    name = "avis"
    icon = "pick"
    menu_label = _("Avis")
    add_to_admin_menu = False
    list_display = [
        # Linked to the answer (its inspect view: feedback is read only).
        RecordTitleColumn("mission", label=_("Mission"), accessor="application.mission",
                          sort_key="application__mission__title"),
        Column("side", label=_("Côté"), accessor="get_side_display", sort_key="side"),
        Column("rating", label=_("Note"), sort_key="rating"),
        "comment",
        FrenchDateTimeColumn("answered_at", label=_("Répondu le"), sort_key="answered_at"),
    ]
    filterset_class = FeedbackFilterSet
    ordering = ["-answered_at"]
    list_export = ["application", "get_side_display", "rating", "comment", "answered_at"]
    export_headings = {"get_side_display": _("Côté")}
    export_filename = "avis"
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = FrenchInspectView
    index_view_class = FeedbackIndexView
    search_fields = ["comment", "application__mission__title"]
    form_fields = ["comment"]  # required by ModelViewSet; the policy forbids editing anyway
    search_backend_name = None
