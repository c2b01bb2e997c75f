"""Associations' requests in the admin: moderation list, exports, inspect, and the record action
that turns a request into a draft mission."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from webassoc.admin.actions import RecordAction, RecordActionButtonsMixin, RecordActionsMixin
from webassoc.admin.columns import FrenchDateTimeColumn
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
        return gettext(
            "Mission brouillon « %(title)s » créée : relisez-la puis publiez-la. E-mail envoyé à "
            "l’association (%(email)s) : sa demande devient un appel à compétences ; elle en recevra "
            "un autre à la publication."
        ) % {"title": mission.title, "email": instance.email}

    def success_url(self, request, instance, back_url):
        return reverse(Mission.snippet_viewset.get_url_name("edit"), args=[instance.mission_id])


class RefuseRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif, pour l’association"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Il figure dans l’e-mail envoyé à l’association : écrivez-le pour elle "
                    "(par exemple : le besoin relève d’un prestataire, ou d’une formation à venir)."),
    )
    notify = forms.BooleanField(label=_("Envoyer l’e-mail de réponse à l’association"), required=False, initial=True)

    def __init__(self, data=None, *, instance):
        super().__init__(data)


class RefuseRequest(RecordAction):
    """Refuse a request still to moderate, and tell the association why (or not, when unticked)."""

    name = "refuser"
    label = _("Refuser la demande")
    icon = "cross"
    primary = True  # as visible as the conversion: the two answers to a request
    form_class = RefuseRequestForm
    summary_template = "missions/admin/mission_request_summary.html"
    confirmation = _(
        "La demande sera marquée « Refusée ». L’association reçoit un e-mail avec votre motif, sauf si "
        "vous décochez la case. Une demande refusée par erreur peut revenir « À modérer » (sans e-mail)."
    )

    def applies(self, instance):
        return instance.awaits_answer

    def run(self, request, instance, form=None):
        notify = form.cleaned_data["notify"]
        services.refuse_request(instance, reason=form.cleaned_data["reason"], notify=notify, user=request.user)
        if notify:
            return gettext("Demande « %(title)s » refusée. E-mail envoyé à l’association (%(email)s).") % {
                "title": instance.title, "email": instance.email}
        return gettext("Demande « %(title)s » refusée, sans e-mail à l’association.") % {"title": instance.title}


class ReopenRequest(RecordAction):
    name = "remettre-a-moderer"
    label = _("Remettre à modérer")
    icon = "undo"
    summary_template = "missions/admin/mission_request_summary.html"
    confirmation = _("La demande redevient « À modérer ». Aucun e-mail n’est envoyé.")

    def applies(self, instance):
        return instance.status == MissionRequestStatus.REFUSED

    def run(self, request, instance, form=None):
        services.reopen_request(instance)
        return gettext("Demande « %(title)s » remise à modérer (aucun e-mail envoyé).") % {"title": instance.title}


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
    record_actions = (ConvertRequest(), RefuseRequest(), ReopenRequest())
    list_display = [
        "title",
        Column("association_name", label=_("Association")),
        Column("contact_name", label=_("Contact")),
        Column("status", label=_("Statut"), accessor="get_status_display", sort_key="status"),
        FrenchDateTimeColumn("created_at", label=_("Reçue le"), sort_key="created_at"),
    ]
    filterset_class = MissionRequestFilterSet
    search_fields = ["title", "association_name", "contact_name", "email"]
    search_backend_name = None
    list_export = [
        "title", "association_name", "get_cause_display", "city", "website", "contact_name", "email",
        "phone", "description", "skill_names", "get_format_display", "deadline", "get_status_display",
        "created_at", "refused_at", "refusal_reason",
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
        # No status field: each status is reached by the action that does what it means
        # (conversion creates the mission, refusal tells the association).
        FieldPanel("note"),
    ])
