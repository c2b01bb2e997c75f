"""Admin guards on the catalogue's pages: registrations are never deleted with their session,
and an editor lowering a capacity below the confirmed seats is warned."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from . import services
from .models import Registration, TrainingSessionPage, has_registrations
from .services import capacity_warning


def sessions_with_registrations(page):
    """The sessions at or below `page` (a session, a course, the catalogue) that have registrations."""
    return TrainingSessionPage.objects.filter(
        path__startswith=page.path, pk__in=Registration.objects.values("session_id")
    ).order_by("start")


def refuse_deleting_pages_with_registrations(request, page):
    """Registrations are PROTECTed: say so instead of failing, and suggest unpublishing; above a
    session (a course), name the sessions concerned."""
    if not has_registrations(page):
        return None
    sessions = list(sessions_with_registrations(page))
    if [session.pk for session in sessions] == [page.pk]:
        messages.error(request, _(
            "Impossible de supprimer « %(title)s » : des inscriptions y sont rattachées. Annulez la session "
            "ou dépubliez-la ; les inscriptions restent consultables dans « Inscriptions »."
        ) % {"title": page.title})
    else:
        messages.error(request, ngettext(
            "Impossible de supprimer « %(title)s » : des inscriptions sont rattachées à sa session %(sessions)s. "
            "Annulez cette session ou dépubliez-la ; les inscriptions restent consultables dans « Inscriptions ».",
            "Impossible de supprimer « %(title)s » : des inscriptions sont rattachées à ses sessions %(sessions)s. "
            "Annulez ces sessions ou dépubliez-les ; les inscriptions restent consultables dans « Inscriptions ».",
            len(sessions),
        ) % {"title": page.title, "sessions": ", ".join(f"«\u00a0{session.title}\u00a0»" for session in sessions)})
    return redirect("wagtailadmin_explore", page.get_parent().id)


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
    """After a session is created, even as a draft: its course lists its sessions by start (the
    admin's default order for a course is the tree order). Publications, from the admin or not,
    reorder through the `page_published` signal (courses/signals.py)."""
    if isinstance(page.specific, TrainingSessionPage):
        services.order_sessions(page.get_parent())
