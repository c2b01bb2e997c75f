"""The admin home's panel of the next sessions and how full they are. Registered by
wagtail_hooks.py; the base is webassoc/admin/dashboard.py."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from webassoc.admin.dashboard import DashboardPanel, filtered_url, panels_adder

from .models import TrainingSessionPage, attach_courses
from .viewsets import fill_label


class NextSessionsPanel(DashboardPanel):
    """The next sessions with their fill; each row links to its session's registrations. Sessions
    are pages, not a list of the admin: no total nor "see the list" link."""

    name = "next_sessions"
    template_name = "courses/admin/next_sessions_panel.html"
    order = 90
    heading = _("Prochaines sessions de formation")
    empty = _("Aucune session à venir.")
    # For the people who follow registrations.
    permission = ("courses.view_registration", "courses.change_registration")
    rows_shown = 8

    def queryset(self):
        return TrainingSessionPage.objects.filter(start__gt=timezone.now()).order_by("start").with_seats()

    def rows(self, sessions):
        return super().rows(attach_courses(sessions))  # one query for every session's course

    def row(self, session):
        return {
            "session": session,
            "fill": fill_label(session.seats_taken, session.capacity, session.waitlist_length),
            "rate": round(100 * session.seats_taken / session.capacity) if session.capacity else 0,
            "url": filtered_url("courses_registrations:index", session=session.pk),
        }

    def list_url(self):
        return None


add_courses_panels = panels_adder(NextSessionsPanel)
