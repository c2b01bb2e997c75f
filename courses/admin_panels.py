"""The admin home's panel of the next sessions and how full they are."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .models import TrainingSessionPage, attach_courses
from .viewsets import fill_label


def next_sessions_with_fill(limit=8):
    return TrainingSessionPage.objects.filter(start__gt=timezone.now()).order_by("start").with_seats()[:limit]


class NextSessionsPanel(Component):
    name = "next_sessions"
    template_name = "courses/admin/next_sessions_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        rows = []
        for session in attach_courses(next_sessions_with_fill()):
            rate = round(100 * session.seats_taken / session.capacity) if session.capacity else 0
            rows.append({
                "session": session,
                "fill": fill_label(session.seats_taken, session.capacity, session.waitlist_length),
                "rate": rate,
            })
        return {"rows": rows}


def add_next_sessions_panel(request, panels):
    """For the people who follow registrations (the construct_homepage_panels hook)."""
    if request.user.has_perm("courses.view_registration") or request.user.has_perm("courses.change_registration"):
        panels.append(NextSessionsPanel())
