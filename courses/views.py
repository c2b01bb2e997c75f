"""Public views of the training catalogue. Thin: the rules live in services.py."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from missions.models import Skill
from webassoc.ratelimit import is_rate_limited

from . import services
from .forms import CatalogueFilterForm, RegistrationForm
from .ical import build_calendar
from .models import Registration, TrainingPage, TrainingSessionPage, attach_courses

COURSES_PER_PAGE = 10
REGISTRATIONS_PER_HOUR = 10


def catalogue(request, index):
    """Upcoming sessions grouped by course; filters by theme (skill) and session mode."""
    courses = TrainingPage.objects.child_of(index).live().public().order_by("title").prefetch_related("skills")
    sessions = (
        TrainingSessionPage.objects.upcoming().descendant_of(index).with_seats().order_by("start")
    )
    skills = Skill.objects.filter(course_items__content_object__in=courses).distinct().order_by("name")
    form = CatalogueFilterForm(request.GET or None, skills=skills)
    filtering = False
    if form.is_valid():
        theme, mode = form.cleaned_data["theme"], form.cleaned_data["mode"]
        if theme:
            courses = courses.filter(skills__slug=theme)
            filtering = True
        if mode:
            sessions = sessions.filter(mode=mode)
            filtering = True

    by_course = {}
    for session in sessions:
        by_course.setdefault(session.parent_path, []).append(session)
    groups = [(course, by_course.get(course.path, [])) for course in courses]
    if filtering:  # a filter asks for sessions: courses with none are noise
        groups = [(course, found) for course, found in groups if found]
    page_obj = Paginator(groups, COURSES_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "courses/training_index_page.html", {
        "page": index,
        "self": index,
        "filter_form": form,
        "filtering": filtering,
        "page_obj": page_obj,
        "group_count": len(groups),
        "session_count": sum(len(found) for _course, found in groups),
    })


@never_cache
def session_detail(request, session):
    """The session, its seats and the registration form (Post/Redirect/Get)."""
    form = RegistrationForm(request.POST or None, session=session)
    status = 200
    if request.method == "POST" and not session.closed_reason():
        if is_rate_limited(request, "course-registration", REGISTRATIONS_PER_HOUR):
            form.add_error(None, _("Trop d'inscriptions envoyées depuis votre connexion. Réessayez dans "
                                   "une heure, ou écrivez-nous."))
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                registration = services.register(
                    session,
                    association_name=data["association_name"], contact_name=data["contact_name"],
                    email=data["email"], phone=data["phone"], attendees=data["attendees"],
                    message=data["message"],
                )
            except services.TryAgainLater as error:
                form.add_error(None, error.message)
                status = 503
            except services.RegistrationError as error:
                form.add_error("email" if isinstance(error, services.AlreadyRegistered) else None,
                               error.message)
            else:
                if registration.status == Registration.Status.CONFIRMED:
                    messages.success(request, _("Votre inscription est confirmée. Un e-mail de confirmation vient "
                                                "de partir vers %(email)s.") % {"email": registration.email})
                else:
                    messages.warning(request, _("La session est complète : vous êtes sur la liste d'attente. "
                                                "Nous vous écrirons à %(email)s si une place se libère.")
                                     % {"email": registration.email})
                return redirect(session.url)
    response = TemplateResponse(request, "courses/training_session_page.html", {
        "page": session,
        "self": session,
        "course": session.course,
        "form": form,
        "closed_reason": session.closed_reason(),
    }, status=status)
    if status == 503:
        response["Retry-After"] = "5"
    return response


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def session_ics(request, session):
    return _ics_response(build_calendar([session], request), f"formation-{session.slug}.ics")


def calendar_feed(request, index):
    """Upcoming sessions (cancelled ones included, marked so, so calendars update)."""
    sessions = attach_courses(TrainingSessionPage.objects.upcoming().descendant_of(index).order_by("start"))
    response = _ics_response(build_calendar(sessions, request), "formations-webassoc.ics")
    response["Content-Disposition"] = 'inline; filename="formations-webassoc.ics"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def cancel_registration(request, token):
    """The link from the emails. GET asks for confirmation; only POST cancels."""
    registration = get_object_or_404(Registration.objects.select_related("session"), token=token)
    session = registration.session
    if not session.live and not registration.is_active:
        raise Http404
    past = session.start <= timezone.now()
    status = 200
    if request.method == "POST" and registration.is_active and not past and not session.cancelled:
        try:
            services.cancel(registration)
        except services.TryAgainLater as error:
            messages.error(request, error.message)
            status = 503
        else:
            messages.success(request, _("Votre inscription est annulée. Merci de nous avoir prévenus : la place "
                                        "revient à une autre association."))
            return redirect(request.path)
    return TemplateResponse(request, "courses/cancel_registration.html", status=status, context={
        "registration": registration,
        "session": session,
        "course": session.course,
        "past": past,
        "meta_title": _("Annuler une inscription"),
    })
