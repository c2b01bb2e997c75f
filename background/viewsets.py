"""Admin of the background tasks (django-tasks results): read only, to see what failed or is stuck."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from webassoc.admin.exports import FrenchInspectView, french_value
from webassoc.admin.names import FEMININE, FrenchNamesMixin, IndexView

from .enums import STUCK, TaskStatus
from .models import BackgroundTask

LABELS = {
    "task_path": _("Tâche"),
    "status": _("Statut"),
    "enqueued_at": _("Mise en file le"),
    "run_after": _("À exécuter après le"),
    "started_at": _("Démarrée le"),
    "finished_at": _("Terminée le"),
    "worker_ids": _("Processus qui l’ont exécutée"),
    "queue_name": _("File"),
    "args_kwargs": _("Arguments"),
    "exception_class_path": _("Erreur"),
    "traceback": _("Détail de l’erreur"),
}


class TaskResultFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("Statut"), method="filter_state", empty_label=_("Tous"))

    class Meta:
        model = BackgroundTask
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stuck = _("bloquée (en cours depuis plus de %(minutes)s min)") % {"minutes": settings.TASK_STUCK_MINUTES}
        self.filters["state"].extra["choices"] = [*TaskStatus.choices, (STUCK, stuck)]

    def filter_state(self, queryset, name, value):
        if value == STUCK:
            return queryset.stuck()
        return queryset.filter(status=value)


class TaskResultInspectView(FrenchInspectView):
    def get_field_label(self, field_name, field):
        return LABELS.get(field_name) or super().get_field_label(field_name, field)

    def get_status_display_value(self):
        return self.object.state_label

    def get_worker_ids_display_value(self):
        return ", ".join(self.object.worker_ids) or french_value(None)

    def get_run_after_display_value(self):
        return french_value(None if self.object.run_after.year == 9999 else self.object.run_after)


class TaskResultIndexView(IndexView):
    default_ordering = "-enqueued_at"


class TaskResultViewSet(FrenchNamesMixin, ModelViewSet):
    model = BackgroundTask
    gender = FEMININE
    icon = "cogs"
    menu_label = _("Tâches en arrière-plan")
    menu_order = 910
    add_to_settings_menu = True
    inspect_view_enabled = True
    inspect_view_class = TaskResultInspectView
    inspect_view_fields = list(LABELS)
    filterset_class = TaskResultFilterSet
    index_view_class = TaskResultIndexView
    list_display = [
        Column("task", label=_("Tâche"), accessor="label"),
        Column("state", label=_("Statut"), accessor="state_label"),
        Column("enqueued_at", label=_("Mise en file le"), accessor=lambda r: french_value(r.enqueued_at)),
        Column("finished_at", label=_("Terminée le"), accessor=lambda r: french_value(r.finished_at)),
        Column("runs", label=_("Exécutions"), accessor="runs"),
        Column("error", label=_("Erreur"), accessor="error_name"),
    ]
    search_fields = ["task_path"]
    search_backend_name = None  # a plain database search (the model is not in the search index)
    form_fields = ["queue_name"]  # required by ModelViewSet; the policy forbids editing anyway
