"""Admin side of registrations: the listing (filters, export, fill rate) and its actions."""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.forms import modelform_factory
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from webassoc.admin.exports import FrenchExportMixin
from webassoc.admin.policies import PublicRecordPolicy

from . import services
from .models import Registration, TrainingSessionPage
from .models.pages import SEATED

register_permission_policy(Registration, PublicRecordPolicy(Registration))


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
    session_ref = OuterRef(session_field)
    seats = (
        Registration.objects.filter(session=session_ref, status__in=SEATED)
        .values("session").annotate(total=Sum("attendees")).values("total")
    )
    waiting = (
        Registration.objects.filter(session=session_ref, status=Registration.Status.WAITLISTED)
        .values("session").annotate(total=Count("pk")).values("total")
    )
    return {
        "fill_seats": Coalesce(Subquery(seats, output_field=IntegerField()), 0),
        "fill_waitlist": Coalesce(Subquery(waiting, output_field=IntegerField()), 0),
    }


def fill_label(seats, capacity, waitlist):
    return _("%(seats)s/%(capacity)s places · %(waitlist)s en attente") % {
        "seats": seats, "capacity": capacity, "waitlist": waitlist,
    }


class RegistrationIndexView(FrenchExportMixin, IndexView):
    def get_base_queryset(self):
        return (
            super().get_base_queryset()
            .select_related("session")
            .annotate(**session_fill_annotations())
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for action, label, icon in ACTION_BUTTONS:
            if action_applies(action, instance):
                url = reverse("courses_registration_action", args=[instance.pk, action])
                buttons.append(Button(
                    # `next` brings the coordinator back to the same filtered list.
                    label, url=f"{url}?{urlencode({'next': self.request.get_full_path()})}",
                    icon_name=icon, priority=40,
                ))
        return buttons


ACTION_BUTTONS = [
    ("attended", gettext_lazy("Marquer présente"), "tick"),
    ("no_show", gettext_lazy("Marquer absente"), "cross"),
    ("cancel", gettext_lazy("Annuler l'inscription"), "bin"),
    ("promote", gettext_lazy("Sortir de la liste d'attente"), "arrow-up"),
]


def action_applies(action, registration):
    started = registration.session.start <= timezone.now()
    if action in {"attended", "no_show"}:
        return started and registration.status in Registration.SEATED
    if action == "cancel":
        return registration.is_active and not started
    if action == "promote":
        return registration.status == Registration.Status.WAITLISTED and not started
    return False


def registration_action(request, pk, action):
    """GET asks the coordinator to confirm; POST runs the action through the services."""
    if not request.user.has_perm("courses.change_registration"):
        raise PermissionDenied
    registration = get_object_or_404(Registration.objects.select_related("session"), pk=pk)
    labels = dict((name, label) for name, label, _icon in ACTION_BUTTONS)
    if action not in labels:
        raise PermissionDenied
    index_url = reverse("courses_registrations:index")
    back = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}) and back.startswith(index_url):
        index_url = back
    if not action_applies(action, registration):
        messages.error(request, _("Cette action n'est pas possible pour cette inscription."))
        return redirect(index_url)
    if request.method == "POST":
        try:
            run_action(request, action, registration)
        except services.TryAgainLater as error:
            messages.error(request, error.message)
        return redirect(index_url)
    return TemplateResponse(request, "courses/admin/registration_action.html", {
        "registration": registration,
        "action_label": labels[action],
        "index_url": index_url,
    })


def run_action(request, action, registration):
    if action == "cancel":
        services.cancel(registration, by=Registration.CancelledBy.TEAM)
        messages.success(request, _("Inscription annulée ; la liste d'attente a été promue si possible."))
    elif action == "promote":
        if services.promote_one(registration):
            messages.success(request, _("Inscription confirmée ; un e-mail est parti."))
        else:
            messages.error(request, _("Pas assez de places libres pour cette inscription."))
    else:
        services.mark_attendance(registration, attended=(action == "attended"))
        messages.success(request, _("Présence enregistrée."))


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


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = gettext_lazy("Inscriptions")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    filterset_class = RegistrationFilterSet
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
    inspect_view_enabled = True


def next_sessions_with_fill(limit=8):
    return (
        TrainingSessionPage.objects.filter(start__gt=timezone.now())
        .order_by("start")
        .with_seats()[:limit]
    )

