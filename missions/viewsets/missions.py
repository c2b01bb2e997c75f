"""Missions and associations in the admin (snippets): columns, filters, search, exports."""

from urllib.parse import urlencode

import django_filters
from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.snippets import SnippetViewSet

from webassoc.admin.actions import RecordAction, RecordActionButtonsMixin, RecordActionsMixin
from webassoc.admin.exports import FrenchExportMixin
from webassoc.admin.names import FEMININE, FrenchSnippetNamesMixin, SnippetDeleteView, SnippetEditView, SnippetIndexView
from webassoc.enums import Format

from .. import services
from ..enums import Cause, DeclineReason, MissionState, MissionStatus
from ..forms import MissionAdminForm
from ..models import Application, Association, Mission, MissionSkill, Skill
from .filters import MyMissionsFilter
from .undecided import DeclineUndecidedForm


class AssociationFilterSet(WagtailFilterSet):
    cause = django_filters.ChoiceFilter(label=_("Cause"), choices=Cause.choices)
    city = django_filters.CharFilter(label=_("Ville"), lookup_expr="icontains")

    class Meta:
        model = Association
        fields = ["cause", "city"]


class SnippetExportIndexView(FrenchExportMixin, SnippetIndexView):
    """Exports with Oui/Non, Paris times and CSV cells safe from formula injection."""


class MissionIndexView(RecordActionButtonsMixin, SnippetExportIndexView):
    pass


class AssociationIndexView(SnippetExportIndexView):
    pass


# Other apps add entries to a mission's "⋯" menu through this hook: `fn(mission, user)` returns
# Wagtail buttons (alerts: "Inviter le vivier"). Missions knows nothing of them.
MISSION_HEADER_BUTTONS_HOOK = "register_mission_header_buttons"


class MissionEditView(RecordActionButtonsMixin, SnippetEditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        for hook in hooks.get_hooks(MISSION_HEADER_BUTTONS_HOOK):
            buttons.extend(hook(self.object, self.request.user))
        return buttons

    def post(self, request, *args, **kwargs):
        self.started_at = timezone.now()
        return super().post(request, *args, **kwargs)

    def get_success_message(self, *args, **kwargs):
        """Wagtail's message, and the e-mail a first publication sends to the association that asked."""
        message = super().get_success_message(*args, **kwargs)
        announced = services.publication_announced_since(self.object, self.started_at)
        if message and announced is not None:
            message = gettext(
                "%(message)s E-mail envoyé à l’association (%(email)s) : son appel à compétences est publié."
            ) % {"message": message, "email": announced.email}
        return message

    def save_instance(self):
        instance = super().save_instance()
        # The coordinator routes the team's work (reminders, "Mes missions"); it is not published
        # content, so it applies at once, even when the change is saved as a draft.
        Mission.objects.filter(pk=instance.pk).exclude(coordinator_id=instance.coordinator_id).update(
            coordinator_id=instance.coordinator_id)
        return instance


class MissionDeleteView(SnippetDeleteView):
    """A mission with applications cannot be deleted (they are kept): say why, and offer to close it."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        count = self.object.applications.count()
        context["application_count"] = count
        if count:
            context["close_url"] = close_url(self.object, self.get_success_url())
        return context


def close_url(mission, back_url):
    """The confirmation page of "Clôturer la mission" (None when the action does not apply: closed already)."""
    if not CloseMission().applies(mission):
        return None
    url = reverse(Mission.snippet_viewset.get_url_name("action"), args=[mission.pk, CloseMission.name])
    return f"{url}?{urlencode({'next': back_url})}"


class MissionDeleteBulkAction(DeleteBulkAction):
    """Deleting missions in bulk, as safe and as clear as deleting one (MissionDeleteView): the
    missions with applications are left out of the deletion (their applications are kept), listed
    apart with why and a link to close each one; the others are deleted as usual. Registered for
    missions in wagtail_hooks.py, after Wagtail's delete action for every snippet."""

    models = [Mission]
    template_name = "missions/admin/mission_confirm_bulk_delete.html"

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        counts = dict(Application.objects.filter(mission__in=objects).values("mission_id")
                      .annotate(count=Count("pk")).values_list("mission_id", "count"))
        kept = [{"mission": mission, "count": counts[mission.pk], "close_url": close_url(mission, self.next_url)}
                for mission in objects if mission.pk in counts]
        return [mission for mission in objects if mission.pk not in counts], {**extra, "missions_with_applications": kept}


class CloseMissionForm(DeclineUndecidedForm):
    label = _("Décliner les candidatures en attente avec le motif « Mission annulée par l’association »")
    reason = DeclineReason.CANCELLED


class CloseMission(RecordAction):
    name = "close"
    label = _("Clôturer la mission")
    icon = "lock"
    permission = "change"
    confirmation = _(
        "La mission ne prendra plus de candidatures ; elle reste visible sur le site comme clôturée, "
        "et ses candidatures sont conservées."
    )

    form_class = CloseMissionForm
    summary_template = "missions/admin/undecided_applications.html"

    def applies(self, instance):
        return instance.status != MissionStatus.CLOSED

    def run(self, request, instance, form=None):
        services.close_mission(instance, user=request.user)
        message = gettext("La mission « %(title)s » est clôturée.") % {"title": instance.title}
        return " ".join(part for part in (message, form.apply(request.user)) if part)


class AssociationViewSet(FrenchSnippetNamesMixin, SnippetViewSet):
    model = Association
    gender = FEMININE
    index_view_class = AssociationIndexView
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


class MissionFilterSet(WagtailFilterSet):
    mes_missions = MyMissionsFilter(mission_path="")
    state = django_filters.ChoiceFilter(label=_("État"), choices=MissionState.choices, method="filter_state")
    status = django_filters.ChoiceFilter(label=_("Statut"), choices=MissionStatus.choices)
    skill = django_filters.ModelChoiceFilter(
        label=_("Compétence"), field_name="tagged_items__tag", queryset=Skill.objects.order_by("name"),
    )
    association = django_filters.ModelChoiceFilter(
        label=_("Association"), queryset=Association.objects.order_by("name")
    )
    format = django_filters.ChoiceFilter(label=_("Format"), choices=Format.choices)
    abandoned = django_filters.BooleanFilter(
        label=_("Brouillons abandonnés"), method="filter_abandoned",
        help_text=_("Jamais publiés et sans modification depuis 30 jours : à supprimer."),
    )
    due_soon = django_filters.BooleanFilter(label=_("Échéance dans les 7 jours"), method="filter_due_soon")

    class Meta:
        model = Mission
        fields = ["mes_missions", "state", "status", "skill", "association", "format", "abandoned", "due_soon"]

    def filter_abandoned(self, queryset, name, value):
        if value is None:
            return queryset
        abandoned = Mission.objects.abandoned_drafts().values("pk")
        return queryset.filter(pk__in=abandoned) if value else queryset.exclude(pk__in=abandoned)

    def filter_due_soon(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.due_soon() if value else queryset.exclude(pk__in=Mission.objects.due_soon().values("pk"))

    def filter_state(self, queryset, name, value):
        return queryset.in_state(value)


def applications_url(mission):
    return reverse("candidatures:index") + f"?mission={mission.pk}"


class MissionViewSet(RecordActionsMixin, FrenchSnippetNamesMixin, SnippetViewSet):
    model = Mission
    gender = FEMININE
    index_view_class = MissionIndexView
    edit_view_class = MissionEditView
    delete_view_class = MissionDeleteView
    delete_template_name = "missions/admin/mission_confirm_delete.html"
    record_actions = (CloseMission(),)
    icon = "tasks"
    menu_label = _("Missions")
    list_display = [
        "title",
        Column("state", label=_("État"), accessor="state_label", sort_key="live"),
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
        "title", "slug", "association", "state_label", "status_label", "skill_names", "get_format_display",
        "effort_hours", "location", "volunteers_wanted", "apply_before", "application_count",
        "contact_name", "contact_email", "live", "first_published_at",
    ]
    export_headings = {
        "state_label": _("État"),
        "status_label": _("Statut"),
        "skill_names": _("Compétences"),
        "get_format_display": _("Format"),
        "application_count": _("Candidatures"),
        "live": _("Publiée"),
        "first_published_at": _("Publiée le"),
    }
    export_filename = "missions"
    ordering = ["-created_at"]

    def get_edit_handler(self):
        return ObjectList(Mission.panels, base_form_class=MissionAdminForm).bind_to_model(Mission)

    def get_queryset(self, request):
        return (
            Mission.objects.select_related("association")
            .annotate(application_count=Count("applications", distinct=True))
            .prefetch_related(Prefetch("tagged_items", queryset=MissionSkill.objects.select_related("tag")))
        )
