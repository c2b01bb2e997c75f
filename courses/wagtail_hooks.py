from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from .admin_views import RegistrationViewSet, fill_label, next_sessions_with_fill, registration_action
from .models import Registration, TrainingSessionPage, attach_courses
from .services import capacity_warning


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("courses_registrations", url_prefix="formations/inscriptions")


@hooks.register("register_admin_urls")
def register_registration_actions():
    return [
        path("formations/inscriptions/<int:pk>/action/<str:action>/", registration_action,
             name="courses_registration_action"),
    ]


class NextSessionsPanel(Component):
    """Admin home: the next sessions and how full they are."""

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


@hooks.register("construct_homepage_panels")
def add_next_sessions_panel(request, panels):
    if request.user.has_perm("courses.view_registration") or request.user.has_perm("courses.change_registration"):
        panels.append(NextSessionsPanel())


def has_registrations(page):
    """Registrations hang on this page or below it (a course's sessions)."""
    return Registration.objects.filter(session__path__startswith=page.path).exists()


@hooks.register("before_delete_page")
def refuse_deleting_sessions_with_registrations(request, page):
    """Registrations are PROTECTed: say so instead of failing, and suggest unpublishing."""
    if has_registrations(page):
        messages.error(request, _(
            "Impossible de supprimer « %(title)s » : des inscriptions y sont rattachées. Annulez la session "
            "ou dépubliez-la ; les inscriptions restent consultables dans « Inscriptions »."
        ) % {"title": page.title})
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_sessions_with_registrations(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    blocked = [page for page in pages if has_registrations(page)]
    if not blocked:
        return None
    messages.error(request, _(
        "Suppression refusée : des inscriptions sont rattachées à %(titles)s. Annulez ou dépubliez ces "
        "sessions ; les inscriptions restent consultables dans « Inscriptions »."
    ) % {"titles": ", ".join(f"« {page.title} »" for page in blocked)})
    return redirect(request.GET.get("next") or "wagtailadmin_explore_root")


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_when_capacity_is_below_confirmed_seats(request, page):
    if isinstance(page.specific, TrainingSessionPage):
        warning = capacity_warning(page.specific)
        if warning:
            messages.warning(request, warning)
