"""The alerts' panel on the admin home: how many people wait for a session of each course (a
signal to plan one). Registered by wagtail_hooks.py; the base is webassoc/admin/dashboard.py."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from courses.models import TrainingPage
from webassoc.admin.dashboard import DashboardPanel, filtered_url, panels_adder

# The waiters counted, as the waiting lists' filters name them (confirmed, not told yet); the
# list never shows anonymised ones.
WAITING_FILTERS = {"confirmed": "oui", "notified": "non"}


def waiting_per_course():
    """Courses with people waiting for a session (confirmed, not told yet), most awaited first: one query."""
    waiting = Q(waiters__confirmed_at__isnull=False, waiters__notified_at__isnull=True,
                waiters__anonymised_at__isnull=True)
    return (TrainingPage.objects.annotate(waiting=Count("waiters", filter=waiting))
            .filter(waiting__gt=0).order_by("-waiting", "title"))


class WaitingCoursesPanel(DashboardPanel):
    """Each course awaited, with the number of people waiting, linked to the list of exactly those
    people. Courses are pages, not a list of the admin: no total nor "see the list" link."""

    name = "waiting_courses"
    template_name = "alerts/admin/waiting_courses_panel.html"
    order = 95
    heading = _("Formations attendues")
    empty = _("Personne n’attend de nouvelle session pour le moment.")
    # For the people who follow the waiting lists.
    permission = ("alerts.view_sessionwaiter", "alerts.change_sessionwaiter")
    rows_shown = 10

    def queryset(self):
        return waiting_per_course()

    def row(self, course):
        return {"course": course, "url": filtered_url("attentes-sessions:index", course=course.pk, **WAITING_FILTERS)}

    def list_url(self):
        return None


add_alerts_panels = panels_adder(WaitingCoursesPanel)
