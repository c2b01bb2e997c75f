"""Admin side of registrations: the listing (filters, export, fill rate), its record actions."""

import django_filters
from django import forms
from django.db.models import IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.forms import modelform_factory
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from webassoc.admin.actions import RecordAction, RecordActionButtonsMixin, RecordActionsMixin
from webassoc.admin.exports import FrenchExportMixin, FrenchInspectView
from webassoc.errors import DomainError

from . import services
from .enums import SEATED, CancelledBy, RegistrationStatus
from .models import Registration, TrainingSessionPage, seats_taken, waitlist_length


class RegistrationFilterSet(WagtailFilterSet):
    PERIODS = [("upcoming", gettext_lazy("À venir")), ("past", gettext_lazy("Passées"))]

    session = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Session"),
        queryset=TrainingSessionPage.objects.order_by("-start"),
    )
    period = django_filters.ChoiceFilter(label=gettext_lazy("Période"), choices=PERIODS, method="filter_period")

    class Meta:
        model = Registration
        fields = ["session", "status"]

    def filter_period(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(session__start__gt=now)
        if value == "past":
            return queryset.filter(session__start__lte=now)
        return queryset


def session_fill_annotations(session_field="session"):
    """Seats taken and waitlist length of each row's session, as subqueries (no N+1)."""
    of_session = Registration.objects.filter(session=OuterRef(session_field)).values("session")
    return {
        "fill_seats": Coalesce(
            Subquery(of_session.annotate(total=seats_taken()).values("total"), output_field=IntegerField()), 0
        ),
        "fill_waitlist": Coalesce(
            Subquery(of_session.annotate(total=waitlist_length()).values("total"), output_field=IntegerField()), 0
        ),
    }


def fill_label(seats, capacity, waitlist):
    return _("%(seats)s/%(capacity)s places · %(waitlist)s en attente") % {
        "seats": seats, "capacity": capacity, "waitlist": waitlist,
    }


# --- record actions ---------------------------------------------------------------------------


def has_started(registration):
    return registration.session.start <= timezone.now()


class RegistrationAction(RecordAction):
    summary_template = "courses/admin/registration_summary.html"


class MarkAttended(RegistrationAction):
    name = "present"
    label = gettext_lazy("Marquer présente")
    icon = "tick"
    attended = True

    def applies(self, registration):
        return has_started(registration) and registration.status in SEATED

    def run(self, request, registration):
        services.mark_attendance(registration, attended=self.attended)
        return _("Présence enregistrée.")


class MarkAbsent(MarkAttended):
    name = "absent"
    label = gettext_lazy("Marquer absente")
    icon = "cross"
    attended = False


class CancelRegistration(RegistrationAction):
    name = "cancel"
    label = gettext_lazy("Annuler l'inscription")
    icon = "bin"

    def applies(self, registration):
        return registration.is_active and not has_started(registration)

    def run(self, request, registration):
        services.cancel(registration, by=CancelledBy.TEAM)
        return _("Inscription annulée ; la liste d'attente a été promue si possible.")


class PromoteRegistration(RegistrationAction):
    name = "promote"
    label = gettext_lazy("Sortir de la liste d'attente")
    icon = "arrow-up"

    def applies(self, registration):
        return registration.status == RegistrationStatus.WAITLISTED and not has_started(registration)

    def run(self, request, registration):
        if not services.promote_one(registration):
            raise DomainError(_("Pas assez de places libres pour cette inscription."))
        return _("Inscription confirmée ; un e-mail est parti.")


# --- viewset ----------------------------------------------------------------------------------


class SessionColumn(Column):
    def get_value(self, instance):
        local = timezone.localtime(instance.session.start)
        return f"{instance.session.title} ({local:%d/%m/%Y %H:%M})"


class FillColumn(Column):
    def get_value(self, instance):
        return fill_label(instance.fill_seats, instance.session.capacity, instance.fill_waitlist)


class RegistrationAdminForm(WagtailAdminModelForm):
    """Coordinators fix a typo in a contact; an email already used on the session is refused."""

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        registration = self.instance
        if registration.is_active and Registration.objects.active().filter(
            session_id=registration.session_id, email__iexact=email
        ).exclude(pk=registration.pk).exists():
            raise forms.ValidationError(_("Une autre inscription active à cette session utilise déjà cet e-mail."))
        return email


class RegistrationIndexView(RecordActionButtonsMixin, FrenchExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("session").annotate(**session_fill_annotations())


class RegistrationEditView(RecordActionButtonsMixin, EditView):
    pass


class RegistrationViewSet(RecordActionsMixin, ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = gettext_lazy("Inscriptions")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    inspect_view_enabled = True
    inspect_view_class = FrenchInspectView
    filterset_class = RegistrationFilterSet
    record_actions = [MarkAttended(), MarkAbsent(), CancelRegistration(), PromoteRegistration()]
    list_display = [
        "association_name",
        "contact_name",
        SessionColumn("session", label=gettext_lazy("Session")),
        "attendees",
        "status",
        FillColumn("fill", label=gettext_lazy("Remplissage de la session")),
        "created_at",
    ]
    search_fields = ["association_name", "contact_name", "email"]
    list_export = [
        "session", "association_name", "contact_name", "email", "phone", "attendees", "get_status_display",
        "message", "created_at", "promoted_at", "cancelled_at", "get_cancelled_by_display", "reminder_sent_at",
    ]
    export_headings = {
        "session": gettext_lazy("Session"),
        "get_status_display": gettext_lazy("Statut"),
        "get_cancelled_by_display": gettext_lazy("Annulée par"),
    }
    export_filename = "inscriptions-formations"
    form_fields = ["association_name", "contact_name", "email", "phone", "message"]

    def get_form_class(self, for_update=False):
        return modelform_factory(Registration, form=RegistrationAdminForm, fields=self.form_fields)
