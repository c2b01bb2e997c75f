"""Volunteers' applications in the admin: list, exports, inspect, and the status form whose
changes go through the domain services ("mise en relation" sends the introduction emails).
A coordinator makes the usual decisions in one step, is told which emails went out, and is
offered to mark the mission filled when its introductions reach the number of volunteers wanted."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from webassoc.admin.actions import RecordAction, RecordActionButtonsMixin, RecordActionsMixin
from webassoc.admin.columns import FrenchDateTimeColumn
from webassoc.admin.exports import FrenchExportMixin, FrenchInspectView
from webassoc.admin.names import FEMININE, EditView, FrenchNamesMixin, IndexView
from webassoc.admin.panels import RecordSummaryPanel
from webassoc.errors import DomainError
from webassoc.typography import with_de

from .. import services
from ..enums import TRANSITIONS, ApplicationStatus, DeclineReason, MissionStatus, Outcome
from ..models import Application, Mission
from .filters import MyMissionsFilter
from .undecided import DeclineUndecidedForm


class ApplicationFilterSet(WagtailFilterSet):
    mes_missions = MyMissionsFilter()
    status = django_filters.ChoiceFilter(label=_("Statut"), choices=ApplicationStatus.choices)
    mission = django_filters.ModelChoiceFilter(label=_("Mission"), queryset=Mission.objects.order_by("title"))
    outcome = django_filters.ChoiceFilter(label=_("Issue"), choices=Outcome.choices)
    # Several at once: the dashboard lists the applications of missions still recruiting (RECRUITING).
    mission_status = django_filters.MultipleChoiceFilter(
        label=_("Statut de la mission"), field_name="mission__status", choices=MissionStatus.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Application
        fields = ["mes_missions", "status", "mission", "mission_status", "outcome"]


# What each status offered in the list does, said only when the list offers it (status_help_text).
STATUS_HELP = {
    ApplicationStatus.SHORTLISTED: _("« Présélectionnée » prévient le bénévole par e-mail."),
    ApplicationStatus.DECLINED: _("« Déclinée » prévient le bénévole par e-mail, avec le motif."),
    ApplicationStatus.INTRODUCED: _("« Mise en relation » envoie l’introduction au bénévole et au contact de "
                                    "l’association."),
    ApplicationStatus.NEW: _("« Nouvelle » annule une décision prise par erreur, sans e-mail sauf si vous cochez "
                             "la case ci-dessous."),
    ApplicationStatus.WITHDRAWN: _("« Retirée » enregistre que le bénévole n’est plus disponible, sans e-mail."),
}
# Why an application in this status can move to no other decision.
STATUS_FINAL = {
    ApplicationStatus.INTRODUCED: _("Une mise en relation ne peut pas être annulée : le bénévole et le contact de "
                                    "l’association ont déjà reçu les coordonnées l’un de l’autre."),
    ApplicationStatus.WITHDRAWN: _("Le bénévole a retiré sa candidature : son statut ne change plus."),
}


def status_help_text(status):
    """The help of the status list: what each status it offers does (TRANSITIONS from `status`),
    and why an introduction cannot be undone."""
    parts = [STATUS_HELP[allowed] for allowed in ApplicationStatus if allowed in TRANSITIONS.get(status, ())]
    if status in STATUS_FINAL:
        parts.insert(0, STATUS_FINAL[status])
    return " ".join(str(part) for part in parts)


class ApplicationAdminForm(WagtailAdminModelForm):
    """The decision: status (the transitions allowed from the current one), the reason of a
    decline, whether to email the volunteer again, the internal note."""

    notify_again = forms.BooleanField(
        label=_("Prévenir de nouveau le bénévole"), required=False,
        help_text=_("Chaque décision n’est envoyée qu’une fois : cochez pour l’envoyer de nouveau après un "
                    "retour en arrière, ou pour annoncer au bénévole que sa candidature est de nouveau à l’étude."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:
            allowed = {self.instance.status, *self.instance.allowed_statuses()}
            self.fields["status"].choices = [
                (value, label) for value, label in ApplicationStatus.choices if value in allowed
            ]
            self.fields["status"].help_text = status_help_text(self.instance.status)
        if self.instance.status != ApplicationStatus.INTRODUCED and not self.instance.outcome:
            for name in ("outcome", "outcome_reason"):  # only an introduction has an outcome
                self.fields.pop(name, None)
        if "outcome_reason" in self.fields:
            self.fields["outcome_reason"].help_text = _("Obligatoire quand la mission a été abandonnée.")
        if "decline_reason" in self.fields:
            self.fields["decline_reason"].help_text = _("Obligatoire pour décliner ; dit au bénévole avec des "
                                                        "suggestions d’autres missions.")
            self.fields["decline_detail"].help_text = _("Pour le motif « Autre ». Interne, sauf si vous cochez "
                                                        "la case suivante.")

    def clean_status(self):
        status = self.cleaned_data["status"]
        original = Application.objects.get(pk=self.instance.pk) if self.instance.pk else None
        if original is not None and not original.can_move_to(status):
            raise forms.ValidationError(_("Ce changement de statut n’est pas possible."))
        return status

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ApplicationStatus.DECLINED:
            reason = cleaned.get("decline_reason")
            if not reason:
                self.add_error("decline_reason", _("Choisissez le motif du refus : il est dit au bénévole."))
            elif reason == DeclineReason.OTHER and not (cleaned.get("decline_detail") or "").strip():
                self.add_error("decline_detail", _("Précisez le motif « Autre »."))
        if cleaned.get("outcome") and cleaned.get("status") != ApplicationStatus.INTRODUCED:
            self.add_error("outcome", _("Seule une mise en relation a une issue."))
        elif services.outcome_reason_missing(cleaned.get("outcome"), cleaned.get("outcome_reason")):
            self.add_error("outcome_reason", services.OUTCOME_REASON_NEEDED)
        return cleaned


class ApplicationEditView(RecordActionButtonsMixin, EditView):
    refused = False
    outcome_only = False  # the save recorded an outcome and changed no status

    def save_instance(self):
        data = self.form.cleaned_data
        try:
            instance = services.change_status(
                self.form.instance, status=data["status"], note=data.get("note", ""), by=self.request.user,
                decline_reason=data.get("decline_reason") or "", decline_detail=data.get("decline_detail") or "",
                show_decline_detail=data.get("show_decline_detail", False), notify_again=data.get("notify_again"),
            )
            if data.get("outcome") and (data["outcome"], data.get("outcome_reason", "")) != (
                instance.outcome, instance.outcome_reason
            ):
                sent = instance.emails_sent
                instance = services.record_outcome(instance, outcome=data["outcome"],
                                                   reason=data.get("outcome_reason", ""), by=self.request.user)
                instance.emails_sent = sent + getattr(instance, "emails_sent", [])
                self.outcome_only = data["status"] == self.form.initial.get("status")
        except DomainError as error:
            messages.error(self.request, error.message)
            self.refused = True
            return Application.objects.get(pk=self.form.instance.pk)
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        self.decision = instance
        return instance

    def get_success_message(self):
        if self.refused:
            return None
        if self.outcome_only:
            return outcome_message(self.decision)
        return decision_message(self.decision)

    def get_success_buttons(self):
        buttons = super().get_success_buttons()
        if not self.refused and just_completed_the_mission(self.decision):
            buttons.insert(0, messages.button(mark_filled_url(self.decision), gettext("Marquer la mission pourvue")))
        return buttons


def emails_sent_sentence(application):
    sent = getattr(application, "emails_sent", [])
    if not sent:
        return gettext("Aucun e-mail envoyé.")
    return ngettext("E-mail envoyé : %(list)s.", "E-mails envoyés : %(list)s.", len(sent)) % {"list": " ; ".join(sent)}


def outcome_message(application):
    return gettext("Issue enregistrée pour la candidature %(of_name)s : « %(outcome)s ».") % {
        "of_name": with_de(application.name), "outcome": application.get_outcome_display(),
    } + " " + emails_sent_sentence(application)


def decision_message(application):
    """What the coordinator reads after a decision: the new status, which emails went out, and
    whether the mission has all its volunteers."""
    message = gettext("Candidature %(of_name)s : « %(status)s ».") % {
        "of_name": with_de(application.name), "status": application.get_status_display(),
    }
    message += " " + emails_sent_sentence(application)
    mission = application.mission
    if just_completed_the_mission(application):
        message += " " + ngettext(
            "La mission a maintenant son bénévole (%(count)s recherché) : voulez-vous la marquer pourvue ?",
            "La mission a maintenant ses bénévoles (%(count)s recherchés) : voulez-vous la marquer pourvue ?",
            mission.volunteers_wanted,
        ) % {"count": mission.volunteers_wanted}
    return message


def just_completed_the_mission(application):
    """An introduction that brings the open mission to the number of volunteers wanted (asked only
    after an introduction: not after a decline, an undo or a withdrawal)."""
    return application.status == ApplicationStatus.INTRODUCED and services.introductions_reach_wanted(application.mission)


def mark_filled_url(application):
    return reverse("candidatures:action", args=[application.pk, MarkMissionFilled.name])


class MarkFilledForm(DeclineUndecidedForm):
    label = _("Décliner les autres candidatures en attente avec le motif « Mission pourvue »")
    reason = DeclineReason.FILLED

    def mission_of(self, application):
        return application.mission


class MarkMissionFilled(RecordAction):
    name = "mission-pourvue"
    label = _("Marquer la mission pourvue")
    icon = "tick"
    confirmation = _("La mission ne prendra plus de candidatures et s’affichera « Mission pourvue ».")
    primary = True
    form_class = MarkFilledForm
    summary_template = "missions/admin/undecided_applications.html"

    def applies(self, application):
        return application.status == ApplicationStatus.INTRODUCED and application.mission.status == MissionStatus.OPEN

    def run(self, request, application, form=None):
        services.mark_filled(application.mission, by=request.user)
        message = gettext("La mission « %(title)s » est marquée pourvue.") % {"title": application.mission.title}
        return " ".join(part for part in (message, form.apply(request.user)) if part)


class ApplicationIndexView(RecordActionButtonsMixin, FrenchExportMixin, IndexView):
    """List and exports: mission and skills loaded up front (ModelViewSet ignores get_queryset)."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related(
            "mission__association", "mission__coordinator").prefetch_related("skills")


class ApplicationViewSet(RecordActionsMixin, FrenchNamesMixin, ModelViewSet):
    model = Application
    gender = FEMININE
    name = "candidatures"
    icon = "user"
    menu_label = _("Candidatures")
    list_display = [
        "name",
        Column("mission", label=_("Mission"), sort_key="mission__title"),
        Column("status", label=_("Statut"), accessor="get_status_display", sort_key="status"),
        "email",
        FrenchDateTimeColumn("created_at", label=_("Reçue le"), sort_key="created_at"),
    ]
    filterset_class = ApplicationFilterSet
    search_fields = ["name", "email", "mission__title"]
    search_backend_name = None
    list_export = [
        "name", "email", "mission", "association_name", "coordinator_name", "get_status_display", "skill_names",
        "availability", "portfolio_url",
        "message", "note", "created_at", "first_answered_at", "matched_at", "get_decline_reason_display",
        "get_outcome_display", "outcome_at",
    ]
    export_headings = {
        "get_status_display": _("Statut"), "skill_names": _("Compétences"),
        "association_name": _("Association"), "coordinator_name": _("Coordination"),
        "get_decline_reason_display": _("Motif du refus"), "get_outcome_display": _("Issue"),
    }
    export_filename = "candidatures"
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "mission", "name", "email", "skills", "message", "availability", "portfolio_url", "consent", "status", "note",
        "created_at", "first_answered_at", "matched_at", "decline_reason", "decline_detail", "outcome", "outcome_reason",
        "outcome_at",
    ]
    index_view_class = ApplicationIndexView
    inspect_view_class = FrenchInspectView
    edit_view_class = ApplicationEditView
    record_actions = [MarkMissionFilled()]
    edit_handler = ObjectList(
        [
            RecordSummaryPanel(heading=_("Candidature"), template_name="missions/admin/application_summary_panel.html"),
            FieldPanel("status"),
            FieldPanel("decline_reason"),
            FieldPanel("decline_detail"),
            FieldPanel("show_decline_detail"),
            FieldPanel("notify_again"),
            FieldPanel("note"),
            MultiFieldPanel([FieldPanel("outcome"), FieldPanel("outcome_reason")], heading=_(
                "Issue de la mission (après la mise en relation) : les deux parties reçoivent alors une demande d’avis"
            )),
        ],
        base_form_class=ApplicationAdminForm,
    )
