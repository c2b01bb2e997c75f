"""Admin of the alerts: subscriptions (filters by skill, pool, confirmed; export), the people
waiting for a course's next session, and the
"Inviter le vivier" button on missions (views.pool_for_mission)."""

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, ListingButton

from missions.models.skills import Skill
from webassoc.admin.columns import FrenchDateTimeColumn, YesNoColumn
from webassoc.admin.exports import FrenchExportMixin, FrenchInspectView
from webassoc.admin.names import FEMININE, MASCULINE, FrenchNamesMixin, IndexView

from .models import SessionWaiter, Subscription

YES_NO = [("oui", _("Oui")), ("non", _("Non"))]


class SubscriptionFilterSet(WagtailFilterSet):
    skills = django_filters.ModelChoiceFilter(label=_("Compétence"), queryset=Skill.objects.order_by("name"))
    confirmed = django_filters.ChoiceFilter(label=_("Confirmée"), choices=YES_NO, method="filter_confirmed")

    class Meta:
        model = Subscription
        fields = ["skills", "in_pool", "frequency"]

    def filter_confirmed(self, queryset, name, value):
        return queryset.filter(confirmed_at__isnull=value != "oui")


class SubscriptionIndexView(FrenchExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(anonymised_at__isnull=True).prefetch_related("skills")


class SubscriptionViewSet(FrenchNamesMixin, ModelViewSet):
    model = Subscription
    gender = MASCULINE
    name = "abonnements-alertes"
    icon = "mail"
    menu_label = _("Abonnements aux alertes")
    list_display = [
        "email",
        Column("skill_names", label=_("Compétences")),
        YesNoColumn("in_pool", label=_("Vivier")),
        Column("frequency", label=_("Fréquence"), accessor="get_frequency_display", sort_key="frequency"),
        FrenchDateTimeColumn("confirmed_at", label=_("Confirmée le"), sort_key="confirmed_at"),
        FrenchDateTimeColumn("created_at", label=_("Inscrite le"), sort_key="created_at"),
    ]
    filterset_class = SubscriptionFilterSet
    search_fields = ["email"]
    search_backend_name = None
    list_export = ["email", "skill_names", "in_pool", "get_frequency_display", "get_format_display",
                   "get_cause_display", "get_commitment_display", "created_at", "confirmed_at"]
    export_headings = {"skill_names": _("Compétences"), "get_frequency_display": _("Fréquence"),
                       "get_format_display": _("Format"), "get_cause_display": _("Cause"),
                       "get_commitment_display": _("Temps à consacrer")}
    export_filename = "abonnements-alertes"
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["email", "skills", "format", "cause", "commitment", "frequency", "in_pool",
                           "created_at", "confirmed_at"]
    index_view_class = SubscriptionIndexView
    inspect_view_class = FrenchInspectView
    edit_handler = ObjectList([FieldPanel("in_pool"), FieldPanel("frequency")])


class SessionWaiterFilterSet(WagtailFilterSet):
    confirmed = django_filters.ChoiceFilter(label=_("Confirmée"), choices=YES_NO, method="filter_confirmed")
    notified = django_filters.ChoiceFilter(label=_("Déjà prévenue"), choices=YES_NO, method="filter_notified")

    class Meta:
        model = SessionWaiter
        fields = ["course"]

    def filter_confirmed(self, queryset, name, value):
        return queryset.filter(confirmed_at__isnull=value != "oui")

    def filter_notified(self, queryset, name, value):
        return queryset.filter(notified_at__isnull=value != "oui")


class SessionWaiterIndexView(FrenchExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(anonymised_at__isnull=True).select_related("course")


class SessionWaiterViewSet(FrenchNamesMixin, ModelViewSet):
    model = SessionWaiter
    gender = FEMININE
    name = "attentes-sessions"
    icon = "time"
    menu_label = _("Attentes de sessions")
    list_display = [
        "email",
        Column("course", label=_("Formation"), sort_key="course__title"),
        FrenchDateTimeColumn("confirmed_at", label=_("Confirmée le"), sort_key="confirmed_at"),
        FrenchDateTimeColumn("notified_at", label=_("Prévenue le"), sort_key="notified_at"),
    ]
    filterset_class = SessionWaiterFilterSet
    search_fields = ["email"]
    search_backend_name = None
    list_export = ["email", "course", "created_at", "confirmed_at", "notified_at"]
    export_filename = "attentes-sessions"
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["course", "email", "created_at", "confirmed_at", "notified_at", "notified_session"]
    index_view_class = SessionWaiterIndexView
    inspect_view_class = FrenchInspectView
    edit_handler = ObjectList([FieldPanel("notified_at")])


class AlertsGroup(ViewSetGroup):
    menu_label = _("Alertes")
    menu_icon = "mail"
    menu_order = 210
    items = (SubscriptionViewSet, SessionWaiterViewSet)


POOL_LABEL = _("Inviter le vivier")
POOL_DESCRIPTION = _("Proposer la mission à des bénévoles disponibles du vivier")


def _pool_entry(mission, user, button_class, **attrs):
    """The "Inviter le vivier" entry of an open mission, for someone who may change missions."""
    if mission.accepts_applications and user.has_perm("missions.change_mission"):
        yield button_class(POOL_LABEL, reverse("alerts_admin_pool", args=[mission.pk]), icon_name="group",
                           priority=60, attrs={"title": str(POOL_DESCRIPTION), **attrs})


def pool_button(instance, user, next_url=None):
    """In each row of the missions list (the hook runs for every snippet): a short label that fits
    the button at 1280 px; its tooltip says the whole thing and its accessible name (which starts
    with the visible label) names the mission."""
    from missions.models import Mission

    if isinstance(instance, Mission):
        name = _("Inviter le vivier à la mission « %(title)s »") % {"title": instance.title}
        yield from _pool_entry(instance, user, ListingButton, **{"aria-label": name})


def pool_header_button(mission, user):
    """The same entry in the "⋯" menu of an open mission's edit view."""
    return list(_pool_entry(mission, user, Button))
