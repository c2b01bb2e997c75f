"""Admin of the background tasks (django-tasks results): read only, to see what failed or is stuck."""

import django_filters
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from webassoc.admin.exports import FrenchInspectView, french_value

from . import services
from .enums import STUCK, TaskStatus

LABELS = {
    "task_path": _("Tâche"),
    "status": _("Statut"),
    "enqueued_at": _("Mise en file le"),
    "run_after": _("À exécuter après le"),
    "started_at": _("Démarrée le"),
    "finished_at": _("Terminée le"),
    "worker_ids": _("Processus qui l'ont exécutée"),
    "queue_name": _("File"),
    "args_kwargs": _("Arguments"),
    "exception_class_path": _("Erreur"),
    "traceback": _("Détail de l'erreur"),
}


def task_label(result):
    args = ", ".join(str(arg) for arg in result.args_kwargs.get("args", []))
    return f"{result.task_path.rsplit('.', 1)[-1]}({args})"


def is_stuck(result):
    return result.status == TaskStatus.RUNNING and result.started_at and (
        result.started_at < timezone.now() - services.stuck_after()
    )


def status_label(result):
    label = TaskStatus(result.status).label if result.status in TaskStatus.values else result.status
    return _("bloquée") if is_stuck(result) else label


def error_label(result):
    return result.exception_class_path.rsplit(".", 1)[-1] if result.exception_class_path else ""


class TaskResultFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("Statut"), method="filter_state", empty_label=_("Tous"))

    class Meta:
        model = DBTaskResult
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stuck = _("bloquée (en cours depuis plus de %(minutes)s min)") % {"minutes": settings.TASK_STUCK_MINUTES}
        self.filters["state"].extra["choices"] = [*TaskStatus.choices, (STUCK, stuck)]

    def filter_state(self, queryset, name, value):
        if value == STUCK:
            return queryset.filter(pk__in=services.stuck_tasks().values("pk"))
        return queryset.filter(status=value)


class TaskResultInspectView(FrenchInspectView):
    def get_field_label(self, field_name, field):
        return LABELS.get(field_name) or super().get_field_label(field_name, field)

    def get_status_display_value(self):
        return status_label(self.object)

    def get_worker_ids_display_value(self):
        return ", ".join(self.object.worker_ids) or french_value(None)

    def get_run_after_display_value(self):
        return french_value(None if self.object.run_after.year == 9999 else self.object.run_after)


class TaskResultIndexView(generic.IndexView):
    default_ordering = "-enqueued_at"


class TaskResultViewSet(ModelViewSet):
    model = DBTaskResult
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
        Column("task", label=_("Tâche"), accessor=task_label),
        Column("state", label=_("Statut"), accessor=status_label),
        Column("enqueued_at", label=_("Mise en file le"), accessor=lambda r: french_value(r.enqueued_at)),
        Column("finished_at", label=_("Terminée le"), accessor=lambda r: french_value(r.finished_at)),
        Column("attempts", label=_("Exécutions"), accessor=lambda r: len(r.worker_ids)),
        Column("error", label=_("Erreur"), accessor=error_label),
    ]
    search_fields = ["task_path"]
    search_backend_name = None  # a plain database search (the model is not in the search index)
    form_fields = ["queue_name"]  # required by ModelViewSet; the policy forbids editing anyway
