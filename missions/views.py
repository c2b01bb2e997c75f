"""Public views of the missions pages, called by MissionIndexPage's routes. Kept thin."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q, Window
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from webassoc.ratelimit import is_rate_limited

from . import services
from .forms import DUPLICATE_APPLICATION, ApplicationForm, MissionFilterForm, MissionRequestForm
from .models import Mission, Skill

RATE_LIMIT = 10  # submissions per client and hour, per form
RATE_LIMITED = gettext_lazy(
    "Vous avez envoyé beaucoup de formulaires en peu de temps. Merci de réessayer dans une heure."
)


def filter_missions(filters, queryset=None):
    """Open published missions matching the filters (skills are combined with AND)."""
    queryset = Mission.objects.open() if queryset is None else queryset
    if filters.get("skills"):
        queryset = queryset.with_skills(filters["skills"])
    if filters.get("format"):
        queryset = queryset.filter(format=filters["format"])
    if filters.get("cause"):
        queryset = queryset.filter(association__cause=filters["cause"])
    for word in (filters.get("q") or "").split()[:10]:
        queryset = queryset.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(description__icontains=word)
            | Q(association__name__icontains=word) | Q(location__icontains=word)
        )
    if filters.get("sort") == MissionFilterForm.SORT_DEADLINE:
        return queryset.by_deadline()
    return queryset.newest_first()


class _Counted:
    """Stands for a list of `count` items for Paginator, which only needs its length here."""

    def __init__(self, count):
        self._count = count

    def count(self):
        return self._count

    def __getitem__(self, item):
        return []


def paginate(request, index_page, queryset):
    """One page of missions, in one pass over the matching rows.

    The filtered, sorted query returns only the page's ids plus the total (a window
    COUNT(*) OVER ()), so matching rows are read once, narrowly; the page's dozen
    missions are then loaded with their association and skills.
    """
    per_page = index_page.per_page
    try:
        number = max(1, int(request.GET.get("page", 1)))
    except (TypeError, ValueError):
        number = 1
    with_total = queryset.annotate(total=Window(Count("pk"))).values_list("pk", "total")
    rows = list(with_total[(number - 1) * per_page:number * per_page])
    if rows:
        total = rows[0][1]
    else:  # empty result, or a page past the end: show the last page
        total = queryset.count()
        number = max(1, -(-total // per_page))
        rows = list(with_total[(number - 1) * per_page:number * per_page]) if total else []
    page_obj = Paginator(_Counted(total), per_page).page(number)
    ids = [pk for pk, _total in rows]
    missions = Mission.objects.filter(pk__in=ids).for_listing().in_bulk() if ids else {}
    page_obj.object_list = index_page.decorate([missions[pk] for pk in ids if pk in missions], request)
    return page_obj


def mission_list(request, index_page):
    form = MissionFilterForm(request.GET)
    page_obj = paginate(request, index_page, filter_missions(form.filters()))
    return index_page.render(
        request,
        template="missions/mission_index_page.html",
        context_overrides={
            "filter_form": form,
            "page_obj": page_obj,
            "missions": page_obj.object_list,
            "result_count": page_obj.paginator.count,
            "is_filtered": form.is_filtered,
            "active_filter_count": form.active_count,
            "request_form_url": index_page.request_form_url(request),
        },
    )


def skill_missions(request, index_page, skill_slug):
    skill = get_object_or_404(Skill, slug=skill_slug)
    page_obj = paginate(request, index_page, Mission.objects.open().with_skills([skill]).newest_first())
    return index_page.render(
        request,
        template="missions/skill_page.html",
        context_overrides={
            "skill": skill,
            "breadcrumb_ancestors": index_page.breadcrumb_ancestors(),
            "page_obj": page_obj,
            "missions": page_obj.object_list,
            "result_count": page_obj.paginator.count,
            "filter_url": f"{index_page.base_url(request)}?competences={skill.slug}",
            "meta_title": _("Missions en %(skill)s") % {"skill": skill.name},
            "meta_description": skill.description,
        },
    )


@never_cache
def mission_detail(request, index_page, mission_slug):
    mission = get_object_or_404(Mission.objects.published().select_related("association"), slug=mission_slug)
    mission_url = index_page.mission_url(mission, request)
    form = None
    status = 200
    if mission.accepts_applications:
        if request.method == "POST":
            form = ApplicationForm(request.POST, mission=mission)
            if is_rate_limited(request, "mission-application", RATE_LIMIT):
                form.is_valid()
                form.add_error(None, RATE_LIMITED)
                status = 429
            elif form.is_valid():
                try:
                    services.apply(mission, form.cleaned_data)
                except services.DuplicateApplication:
                    form.add_error("email", DUPLICATE_APPLICATION)
                except services.MissionClosed:
                    form = None
                else:
                    messages.success(
                        request,
                        _("Merci, votre candidature est bien envoyée ! Un e-mail de confirmation vient de "
                          "partir vers votre adresse ; l'équipe vous répondra rapidement."),
                    )
                    return redirect(mission_url)
        else:
            form = ApplicationForm(mission=mission)
    elif request.method == "POST":
        status = 409
    context = index_page.mission_context(request, mission)
    context.update({"form": form, "mission_url": mission_url, "page_title": mission.title})
    response = index_page.render(request, template="missions/mission_detail.html", context_overrides=context)
    response.status_code = status
    return response


@never_cache
def mission_request(request, index_page):
    url = index_page.request_form_url(request)
    status = 200
    if request.method == "POST":
        form = MissionRequestForm(request.POST)
        if is_rate_limited(request, "mission-request", RATE_LIMIT):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            status = 429
        elif form.is_valid():
            services.submit_request(form.cleaned_data)
            messages.success(
                request,
                _("Merci, votre demande est bien envoyée ! Un e-mail de confirmation vient de partir ; "
                  "l'équipe l'étudie et revient vers vous sous quelques jours."),
            )
            return redirect(url)
    else:
        form = MissionRequestForm()
    response = index_page.render(
        request,
        template="missions/mission_request.html",
        context_overrides={
            "form": form,
            "meta_title": _("Proposer une mission"),
            "form_url": url,
            "breadcrumb_ancestors": index_page.breadcrumb_ancestors(),
        },
    )
    response.status_code = status
    return response


