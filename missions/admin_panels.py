"""The admin home's panel of the follow-up cases still open (the trusted third party's queue)."""

from django.db.models import Case, IntegerField, Value, When
from wagtail.admin.ui.components import Component

from .enums import Urgency
from .models import FollowUpCase

PANEL_ROWS = 10


def open_cases(limit=PANEL_ROWS):
    """Unresolved cases, the most urgent then the oldest first, with their mission (one query)."""
    urgency_rank = Case(
        When(urgency=Urgency.HIGH, then=Value(0)), When(urgency=Urgency.MEDIUM, then=Value(1)),
        default=Value(2), output_field=IntegerField(),
    )
    return (
        FollowUpCase.objects.unresolved().select_related("application__mission")
        .annotate(urgency_rank=urgency_rank).order_by("urgency_rank", "created_at")[:limit]
    )


class OpenCasesPanel(Component):
    name = "open_followup_cases"
    template_name = "missions/admin/open_cases_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        return {"cases": list(open_cases()), "total": FollowUpCase.objects.unresolved().count()}


def add_open_cases_panel(request, panels):
    """For the people who handle follow-up cases (the construct_homepage_panels hook)."""
    if request.user.has_perm("missions.change_followupcase"):
        panels.append(OpenCasesPanel())
