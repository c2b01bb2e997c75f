"""The alerts' panel on the admin home: how many people wait for a session of each course (a
signal to plan one). Registered by wagtail_hooks.py, like courses/admin_panels.py."""

from django.db.models import Count, Q
from django.urls import reverse
from wagtail.admin.ui.components import Component


def waiting_per_course():
    """Courses with people waiting for a session (confirmed, not told yet), most awaited first: one query."""
    from courses.models import TrainingPage

    waiting = Q(waiters__confirmed_at__isnull=False, waiters__notified_at__isnull=True,
                waiters__anonymised_at__isnull=True)
    return (TrainingPage.objects.annotate(waiting=Count("waiters", filter=waiting))
            .filter(waiting__gt=0).order_by("-waiting", "title"))


class WaitingCoursesPanel(Component):
    """Admin home: how many people wait for a session of each course (a signal to plan one)."""

    name = "waiting_courses"
    template_name = "alerts/admin/waiting_courses_panel.html"
    order = 95

    def get_context_data(self, parent_context):
        rows = list(waiting_per_course()[:10])
        return {"rows": rows, "list_url": reverse("attentes-sessions:index")}


def add_waiting_courses_panel(request, panels):
    """For the people who follow the waiting lists (the construct_homepage_panels hook)."""
    if request.user.has_perm("alerts.view_sessionwaiter") or request.user.has_perm("alerts.change_sessionwaiter"):
        panels.append(WaitingCoursesPanel())
