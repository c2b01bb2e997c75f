"""Admin side of registrations: the listing (filters, export, fill rate), its record actions."""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.forms import modelform_factory
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from webassoc.admin.actions import RecordAction, RecordActionButtonsMixin, RecordActionsMixin
from webassoc.admin.exports import FrenchExportMixin, FrenchInspectView
from webassoc.admin.names import FEMININE, EditView, FrenchNamesMixin, IndexView
from webassoc.errors import DomainError

from . import services
from .enums import SEATED, CancelledBy, RegistrationStatus
from .formatting import session_label
from .models import Registration, TrainingSessionPage, seats_taken, waitlist_length
from .models.pages import course_title_of


class SessionChoiceField(forms.ModelChoiceField):
    """Sessions named by course, date and place (the course title comes with the query)."""

    def label_from_instance(self, session):
        return session_label(session)


class SessionChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = SessionChoiceField


def sessions_by_start():
    return TrainingSessionPage.objects.with_course_title().order_by("-start")


class RegistrationFilterSet(WagtailFilterSet):
    PERIODS = [("upcoming", gettext_lazy("À venir")), ("past", gettext_lazy("Passées"))]

    session = SessionChoiceFilter(label=gettext_lazy("Session"), queryset=lambda request: sessions_by_start())
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
    """"6/6 places · 5 personnes en attente": seats and the waitlist both count people (attendees),
    wherever a session's fill is shown (list, edit view, dashboard)."""
    return ngettext(
        "%(seats)s/%(capacity)s places · %(waitlist)s personne en attente",
        "%(seats)s/%(capacity)s places · %(waitlist)s personnes en attente",
        waitlist,
    ) % {"seats": seats, "capacity": capacity, "waitlist": waitlist}


# --- record actions ---------------------------------------------------------------------------


def has_started(registration):
    return registration.session.start <= timezone.now()


class RegistrationAction(RecordAction):
    summary_template = "courses/admin/registration_summary.html"

    def offered(self, registration):
        """Whether its button is shown (RegistrationActionButtonsMixin); `applies` still decides
        whether it may run."""
        return True


class MarkAttended(RegistrationAction):
    name = "present"
    label = gettext_lazy("Marquer présente")
    icon = "tick"
    attended = True

    def applies(self, registration):
        return has_started(registration) and registration.status in SEATED

    def run(self, request, registration, form=None):
        services.mark_attendance(registration, attended=self.attended)
        return attendance_message(int(self.attended), int(not self.attended))


class MarkAbsent(MarkAttended):
    name = "absent"
    label = gettext_lazy("Marquer absente")
    icon = "cross"
    attended = False


def attendance_message(present, absent):
    """What was recorded, in words: "2 présences et 1 absence enregistrées."."""
    parts = []
    if present:
        parts.append(ngettext("%(n)s présence", "%(n)s présences", present) % {"n": present})
    if absent:
        parts.append(ngettext("%(n)s absence", "%(n)s absences", absent) % {"n": absent})
    if not parts:
        return _("Aucune présence ni absence à enregistrer.")
    if present + absent == 1:
        return _("Présence enregistrée.") if present else _("Absence enregistrée.")
    return _("%(what)s enregistrées.") % {"what": _(" et ").join(parts)}


def person(registration):
    """"Denis Quatre (Les Amis du Parc)": who a registration is, in the admin's messages."""
    return _("%(contact)s (%(association)s)") % {
        "contact": registration.contact_name, "association": registration.association_name}


def emails_sent_sentence(sent):
    return ngettext("E-mail envoyé : %(list)s.", "E-mails envoyés : %(list)s.", len(sent)) % {
        "list": "\u00a0; ".join(sent)}


def promoted_email(registration):
    return _("« Une place s’est libérée » à %(email)s") % {"email": registration.email}


def cancellation_message(registration, *, freed_seats):
    """Who was cancelled, who left the waitlist in their place, and which e-mails went out."""
    promoted = registration.promoted
    message = _("Inscription annulée : %(person)s.") % {"person": person(registration)}
    if promoted:
        message += " " + ngettext(
            "Sortie de la liste d’attente : %(people)s.", "Sorties de la liste d’attente : %(people)s.",
            len(promoted),
        ) % {"people": "\u00a0; ".join(person(r) for r in promoted)}
    elif freed_seats:
        message += " " + _("Personne sur la liste d’attente ne tient dans les places libérées.")
    sent = [_("« Inscription annulée » à %(email)s") % {"email": registration.email}]
    sent += [promoted_email(r) for r in promoted]
    return f"{message} {emails_sent_sentence(sent)}"


class CancelRegistration(RegistrationAction):
    name = "cancel"
    label = gettext_lazy("Annuler l’inscription")
    icon = "bin"

    def applies(self, registration):
        return registration.is_active and not has_started(registration)

    def run(self, request, registration):
        freed_seats = registration.status in SEATED
        if not services.cancel(registration, by=CancelledBy.TEAM):
            raise DomainError(_("Cette inscription était déjà annulée."))
        return cancellation_message(registration, freed_seats=freed_seats)


class PromoteRegistration(RegistrationAction):
    name = "promote"
    label = gettext_lazy("Sortir de la liste d’attente")
    icon = "arrow-up"
    summary_template = "courses/admin/promote_summary.html"

    def applies(self, registration):
        return registration.is_waitlisted and not has_started(registration)

    def offered(self, registration):
        return registration.fits_in_session()

    def run(self, request, registration):
        if not services.promote_one(registration):
            raise DomainError(_("Pas assez de places libres pour cette inscription."))
        return _("%(person)s sort de la liste d’attente. %(emails)s") % {
            "person": person(registration), "emails": emails_sent_sentence([promoted_email(registration)])}


class RegistrationActionButtonsMixin(RecordActionButtonsMixin):
    """The buttons of the registration actions, without those it would be pointless to offer
    (leaving the waitlist when the session has not enough free seats)."""

    def available_actions(self, registration):
        return [action for action in super().available_actions(registration) if action.offered(registration)]


# --- viewset ----------------------------------------------------------------------------------


class SessionColumn(Column):
    def get_value(self, instance):
        return instance.session_label()


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


class RegistrationIndexView(RegistrationActionButtonsMixin, FrenchExportMixin, IndexView):
    attendance_url_name = None

    def get_base_queryset(self):
        return (
            super().get_base_queryset().select_related("session")
            .annotate(course_title=course_title_of("session__path"), **session_fill_annotations())
        )

    @cached_property
    def header_buttons(self):
        """Filtered on one session that has started, the list offers its attendance sheet (the
        session comes from the filter's own query)."""
        buttons = list(super().header_buttons)
        session = self.filters.form.cleaned_data.get("session") if self.filters and self.filters.is_valid() else None
        if (session is not None and session.start <= timezone.now()
                and self.request.user.has_perm(ATTENDANCE_PERMISSION)):
            buttons.append(Button(
                _("Feuille de présence"), icon_name="tick",
                url=reverse(self.attendance_url_name, args=[session.pk]), priority=4,
            ))
        return buttons


class AttendanceForm(forms.Form):
    """One choice per seated registration of a past session: present, absent, or not said."""

    CHOICES = [("", gettext_lazy("Non renseigné")), ("present", gettext_lazy("Présente")),
               ("absent", gettext_lazy("Absente"))]

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = registrations
        for registration in registrations:
            initial = {RegistrationStatus.ATTENDED: "present", RegistrationStatus.NO_SHOW: "absent"}.get(
                registration.status, "")
            self.fields[f"r{registration.pk}"] = forms.ChoiceField(
                label=attendance_legend(registration),
                choices=self.CHOICES, required=False, initial=initial, widget=forms.RadioSelect,
            )

    def rows(self):
        """(registration, bound field) per registration: the template gives each one a fieldset whose
        legend names it, so the radios "Non renseigné / Présente / Absente" are heard with a name."""
        return [(registration, self[f"r{registration.pk}"]) for registration in self.registrations]

    def decisions(self):
        """(registration, attended) for every registration given a present/absent answer."""
        for registration in self.registrations:
            value = self.cleaned_data.get(f"r{registration.pk}")
            if value:
                yield registration, value == "present"


def attendance_participants(registration):
    return ngettext("%(count)s participant", "%(count)s participants", registration.attendees) % {
        "count": registration.attendees}


def attendance_legend(registration):
    """"Les Amis du Parc – Alice Martin, 2 participants": whose presence a group of radios sets."""
    return _("%(association)s – %(contact)s, %(participants)s") % {
        "association": registration.association_name, "contact": registration.contact_name,
        "participants": attendance_participants(registration)}


ATTENDANCE_PERMISSION = "courses.change_registration"  # what MarkAttended needs (RecordAction.permission)


@permission_required(ATTENDANCE_PERMISSION, raise_exception=True)
def attendance_view(request, session_id, index_url):
    """The attendance sheet of a session: every seated registration marked at once (the list's
    header button, filtered on a session that has started). Not a RecordAction: it acts on a
    session's registrations together, and a session is a page, not a record of this list
    (conventions, Exceptions). The permission is checked before the session is looked up."""
    session = get_object_or_404(TrainingSessionPage.objects.with_course_title(), pk=session_id)
    registrations = list(
        Registration.objects.filter(session=session, status__in=SEATED).order_by("association_name")
    )
    started = session.start <= timezone.now()
    form = AttendanceForm(request.POST or None, registrations=registrations)
    if request.method == "POST" and started and form.is_valid():
        present = absent = 0
        for registration, attended in form.decisions():
            if services.mark_attendance(registration, attended=attended):
                present, absent = present + attended, absent + (not attended)
        messages.success(request, attendance_message(present, absent))
        return redirect(f"{index_url}?session={session.pk}")
    return TemplateResponse(request, "courses/admin/attendance.html", {
        "session": session, "label": session_label(session), "form": form, "started": started,
        "back_url": f"{index_url}?session={session.pk}", "page_title": _("Feuille de présence"),
        "header_icon": "tick",
    })


def waitlist_position():
    """Each row's place on its session's waitlist (1 = next), as a subquery; meaningful only for
    waitlisted rows (the waitlist's order: arrival, then id)."""
    ahead_or_same = Registration.objects.filter(
        Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lte=OuterRef("pk")),
        session=OuterRef("session"), status=RegistrationStatus.WAITLISTED,
    ).values("session")
    return Subquery(ahead_or_same.annotate(total=Count("pk")).values("total"), output_field=IntegerField())


class RegistrationEditView(RegistrationActionButtonsMixin, EditView):
    """The contact fields, under a read-only summary: session, status, attendees, the session's fill,
    the place on the waitlist, the dates, and the actions as buttons (one query for all of it)."""

    template_name = "courses/admin/registration_edit.html"

    def get_queryset(self):
        return Registration.objects.select_related("session").annotate(
            course_title=course_title_of("session__path"), waitlist_position=waitlist_position(),
            **session_fill_annotations(),
        )

    def get_context_data(self, **kwargs):
        registration = self.object
        return super().get_context_data(
            registration=registration,
            session_fill=fill_label(registration.fill_seats, registration.session.capacity,
                                    registration.fill_waitlist),
            summary_actions=[
                (action, self.action_url(registration, action)) for action in self.available_actions(registration)
            ],
            **kwargs,
        )


class RegistrationViewSet(RecordActionsMixin, FrenchNamesMixin, ModelViewSet):
    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("presence/<int:session_id>/", self.attendance, name="attendance"),
        ]

    def attendance(self, request, session_id):
        return attendance_view(request, session_id, reverse(self.get_url_name("index")))

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(attendance_url_name=self.get_url_name("attendance"), **kwargs)

    model = Registration
    gender = FEMININE
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
    # The ORM's icontains on each (Registration is not in the search index): the people, the
    # session's place and title, and the course's title (the list's own annotation): "Lyon" finds
    # the registrations to the Lyon sessions, in the list's one query.
    search_fields = ["association_name", "contact_name", "email", "session__title", "session__venue",
                     "session__address", "course_title"]
    list_export = [
        "session_label", "association_name", "contact_name", "email", "phone", "attendees", "get_status_display",
        "message", "created_at", "promoted_at", "cancelled_at", "get_cancelled_by_display", "reminder_sent_at",
    ]
    export_headings = {
        "session_label": gettext_lazy("Session"),
        "get_status_display": gettext_lazy("Statut"),
        "get_cancelled_by_display": gettext_lazy("Annulée par"),
    }
    export_filename = "inscriptions-formations"
    form_fields = ["association_name", "contact_name", "email", "phone", "message"]

    def get_form_class(self, for_update=False):
        return modelform_factory(Registration, form=RegistrationAdminForm, fields=self.form_fields)
