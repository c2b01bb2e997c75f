"""Admin guards on the catalogue's pages: registrations are never deleted with their session,
and an editor lowering a capacity below the confirmed seats is warned."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import services
from .models import TrainingSessionPage, has_registrations
from .services import capacity_warning


def refuse_deleting_pages_with_registrations(request, page):
    """Registrations are PROTECTed: say so instead of failing, and suggest unpublishing."""
    if has_registrations(page):
        messages.error(request, _(
            "Impossible de supprimer « %(title)s » : des inscriptions y sont rattachées. Annulez la session "
            "ou dépubliez-la ; les inscriptions restent consultables dans « Inscriptions »."
        ) % {"title": page.title})
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return None


def refuse_bulk_deleting_pages_with_registrations(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    blocked = [obj for obj in objects if isinstance(obj, Page) and has_registrations(obj)]
    if not blocked:
        return None
    messages.error(request, _(
        "Suppression refusée : des inscriptions sont rattachées à %(titles)s. Annulez ou dépubliez ces "
        "sessions ; les inscriptions restent consultables dans « Inscriptions »."
    ) % {"titles": ", ".join(f"« {page.title} »" for page in blocked)})
    return redirect(request.GET.get("next") or "wagtailadmin_explore_root")


def warn_when_capacity_is_below_confirmed_seats(request, page):
    if isinstance(page.specific, TrainingSessionPage):
        warning = capacity_warning(page.specific)
        if warning:
            messages.warning(request, warning)


def keep_sessions_ordered_by_start(request, page):
    """After a session is created or edited: its course lists its sessions by start (the admin's
    default order for a course is the tree order)."""
    if isinstance(page.specific, TrainingSessionPage):
        services.order_sessions(page.get_parent())
