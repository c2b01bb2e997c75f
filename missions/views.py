"""The views of the missions app that are not page routes: the signed links of the emails
(follow and withdraw an application, answer a check-in, give feedback). No account is needed;
the token in `?jeton=` names the application (and the side answering), nothing personal. GET
never changes anything (mail scanners follow links): every change is a POST. And the admin's
skill chooser (`skill_autocomplete`)."""

from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.admin.auth import require_admin_access

from webassoc.errors import DomainError
from webassoc.forms import just_sent

from . import services, tokens
from .forms import FeedbackForm, HelpRequestForm
from .models.applications import Application
from .models.followup import Checkin, Feedback
from .models.missions import Mission
from .models.skills import Skill

FOLLOW = "missions:follow"
WITHDRAW = "missions:withdraw"
CHECKIN_FINE = "missions:checkin_fine"
CHECKIN_HELP = "missions:checkin_help"
FEEDBACK = "missions:feedback"


class BadLink(Exception):
    def __init__(self, expired):
        self.expired = expired


def _from_token(request, purpose):
    """(application, side) named by the request's token; BadLink otherwise."""
    token = request.POST.get("jeton") or request.GET.get("jeton") or ""
    try:
        pk, side = tokens.read(purpose, token)
    except tokens.LinkExpired as exc:
        raise BadLink(expired=True) from exc
    except tokens.LinkInvalid as exc:
        raise BadLink(expired=False) from exc
    application = (
        Application.objects.select_related("mission__association").filter(pk=pk, anonymised_at__isnull=True).first()
    )
    if application is None:
        raise BadLink(expired=False)
    return application, side, token


def _bad_link(request, error):
    return TemplateResponse(request, "missions/link_problem.html", status=410 if error.expired else 400, context={
        "expired": error.expired, "meta_title": _("Lien expiré") if error.expired else _("Lien incorrect"),
    })


def _url(name, token):
    return f"{reverse(name)}?jeton={token}"


def signed_link_view(purpose):
    """Decorate a view(request, application, side, token): a bad or expired link gets a polite page."""
    def decorate(view):
        @never_cache
        @require_http_methods(["GET", "POST"])
        def wrapper(request):
            try:
                application, side, token = _from_token(request, purpose)
            except BadLink as error:
                return _bad_link(request, error)
            return view(request, application, side, token)
        wrapper.__name__ = view.__name__
        wrapper.__doc__ = view.__doc__
        return wrapper
    return decorate


@signed_link_view(tokens.FOLLOW)
def follow(request, application, side, token):
    """Where the application stands: status, each step with its date, the mission, suggestions
    after a decline, and the button to withdraw."""
    mission = application.mission
    suggestions = (
        Mission.objects.filter(pk__in=services.suggestions_for(application)).select_related("association")
        if application.is_declined else []
    )
    return TemplateResponse(request, "missions/follow.html", context={
        "application": application,
        "mission": mission,
        "mission_url": mission.get_url(request) if mission.live else "",
        "steps": application.steps.all(),
        "reason": application.decline_reason_for_volunteer(),
        "suggestions": [(m, m.get_url(request)) for m in suggestions],
        "withdraw_url": _url(WITHDRAW, token),
        "meta_title": _("Suivi de ma candidature"),
    })


@signed_link_view(tokens.FOLLOW)
def withdraw(request, application, side, token):
    """GET asks for confirmation; only POST withdraws. A second time says so politely."""
    if request.method == "POST":
        if services.withdraw(application):
            messages.success(request, _("Votre candidature est retirée. Merci de nous avoir prévenus !"))
        else:
            messages.info(request, _("Cette candidature ne peut plus être retirée : rien n’a changé."))
        return redirect(_url(FOLLOW, token))
    return TemplateResponse(request, "missions/withdraw.html", context={
        "application": application, "mission": application.mission, "follow_url": _url(FOLLOW, token),
        "meta_title": _("Retirer ma candidature"),
    })


@signed_link_view(tokens.CHECKIN)
def checkin_fine(request, application, side, token):
    """"Oui, tout va bien": a button (GET), recorded on POST; a second time is thanked too."""
    checkin = Checkin.objects.filter(application=application, side=side).first()
    recorded = None
    if request.method == "POST":
        recorded = services.answer_checkin_fine(application, side)
        checkin = Checkin.objects.filter(application=application, side=side).first()
    return TemplateResponse(request, "missions/checkin_fine.html", context={
        "application": application, "mission": application.mission, "checkin": checkin, "recorded": recorded,
        "help_url": _url(CHECKIN_HELP, token), "meta_title": _("Tout se passe bien ?"),
    })


@signed_link_view(tokens.CHECKIN)
def checkin_help(request, application, side, token):
    """"J'ai besoin de l'aide de l'équipe": a short form that opens a follow-up case (rate-limited)."""
    form = HelpRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.accept(request, scope="followup-help"):
        try:
            services.open_case(application, side=side, description=form.cleaned_data["description"],
                               urgency=form.cleaned_data["urgency"])
        except DomainError as error:
            form.add_domain_error(error)
        else:
            messages.success(request, _("Merci, l’équipe a bien reçu votre message et revient vers vous rapidement."))
            return redirect(_url(CHECKIN_HELP, token))
    sent = just_sent(request)
    already = not sent and Checkin.objects.filter(application=application, side=side, answer="aide").exists()
    return TemplateResponse(request, "missions/checkin_help.html", status=form.http_status, context={
        "application": application, "mission": application.mission, "form": None if sent or already else form,
        "sent": sent, "already": already, "action": _url(CHECKIN_HELP, token),
        "meta_title": _("Demander l’aide de l’équipe"),
    })


@signed_link_view(tokens.FEEDBACK)
def feedback(request, application, side, token):
    """One question (1–5) and a comment, once per side."""
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.accept(request, scope="followup-feedback"):
        try:
            services.give_feedback(application, side=side, rating=form.cleaned_data["rating"],
                                   comment=form.cleaned_data["comment"])
        except DomainError as error:
            messages.info(request, error.message)
        else:
            messages.success(request, _("Merci pour votre avis ! Il aide l’équipe à mieux accompagner les missions."))
        return redirect(_url(FEEDBACK, token))
    answered = Feedback.objects.filter(application=application, side=side, answered_at__isnull=False).exists()
    expected = Feedback.objects.filter(application=application, side=side).exists()
    return TemplateResponse(request, "missions/feedback.html", status=form.http_status, context={
        "application": application, "mission": application.mission,
        "form": form if expected and not answered else None, "answered": answered, "expected": expected,
        "action": _url(FEEDBACK, token), "meta_title": _("Votre avis sur la mission"),
    })


AUTOCOMPLETE_LIMIT = 10


@require_admin_access
def skill_autocomplete(request):
    """The admin's skill chooser (replaces Wagtail's tag autocomplete for skills): names starting
    with the typed text first, then names or synonyms containing it ("SEO" offers "Search")."""
    term = request.GET.get("term", "").strip()
    if not term:
        return JsonResponse([], safe=False)
    skills = (
        Skill.objects.matching(term)
        .annotate(rank=Case(When(name__istartswith=term, then=Value(0)), default=Value(1),
                            output_field=IntegerField()))
        .order_by("rank", "name")
        .values_list("name", flat=True)[:AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(skills), safe=False)
