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
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.admin.auth import require_admin_access

from webassoc.errors import DomainError, TryAgainLater, with_retry_after
from webassoc.forms import form_response, just_sent
from webassoc.signed_links import LinkInvalid, LinkRefused, link, refused_response, token_from

from . import services, tokens
from .enums import CheckinAnswer
from .forms import FeedbackForm, HelpRequestForm
from .models.applications import Application
from .models.followup import Checkin, Feedback
from .models.missions import Mission
from .models.skills import Skill


def _from_token(request, purpose):
    """(application, side, token) named by the request's token; LinkRefused otherwise."""
    token = token_from(request)
    pk, side = tokens.read(purpose, token)
    application = (
        Application.objects.select_related("mission__association").filter(pk=pk, anonymised_at__isnull=True).first()
    )
    if application is None:
        raise LinkInvalid()
    return application, side, token


def signed_link_view(purpose):
    """Decorate a view(request, application, side, token): a bad or expired link gets the polite
    page (400, 410); a 503 (TryAgainLater) says when to try again."""
    def decorate(view):
        @never_cache
        @require_http_methods(["GET", "POST"])
        def wrapper(request):
            try:
                application, side, token = _from_token(request, purpose)
            except LinkRefused as error:
                return refused_response(request, error, next_url="/missions/", next_label=_("Voir les missions ouvertes"),
                                        reply_for_help=True)
            return with_retry_after(view(request, application, side, token))
        wrapper.__name__ = view.__name__
        wrapper.__doc__ = view.__doc__
        return wrapper
    return decorate


@signed_link_view(tokens.FOLLOW)
def follow(request, application, side, token):
    """Where the application stands: status, each step with its date, the mission, suggestions
    after a decline, and the button to withdraw."""
    mission = application.mission
    suggestions = []
    if application.is_declined:  # in the order of their ranking, as the decline e-mail lists them
        ranked = services.suggestions_for(application)
        found = Mission.objects.filter(pk__in=ranked).select_related("association").in_bulk()
        suggestions = [found[pk] for pk in ranked if pk in found]
    steps = list(application.steps.all())
    return TemplateResponse(request, "missions/follow.html", context={
        "application": application,
        "mission": mission,
        "mission_url": mission.get_url(request) if mission.live else "",
        "steps": steps,
        # Back under study after the team undid a decision: said so, not "Nouvelle".
        "under_study_again": bool(steps) and steps[-1].is_reconsideration and steps[-1].status == application.status,
        "reason": application.decline_reason_for_volunteer(),
        "suggestions": [(m, m.get_url(request)) for m in suggestions],
        "withdraw_url": link(tokens.WITHDRAW_VIEW, token),
        "meta_title": _("Suivi de ma candidature"),
    })


@signed_link_view(tokens.FOLLOW)
def withdraw(request, application, side, token):
    """GET asks for confirmation; only POST withdraws. A second time says so politely."""
    status = 200
    if request.method == "POST":
        try:
            withdrawn = services.withdraw(application)
        except TryAgainLater as busy:
            messages.error(request, busy.message)
            status = 503
        else:
            if withdrawn:
                messages.success(request, _("Votre candidature est retirée. Merci de nous avoir prévenus !"))
            elif application.is_withdrawn:  # refreshed by withdraw()
                messages.info(request, _("Vous avez déjà retiré cette candidature : il n’y a plus rien à faire."))
            else:
                messages.info(request, _("Cette candidature ne peut plus être retirée : rien n’a changé."))
            return redirect(link(tokens.FOLLOW_VIEW, token))
    return TemplateResponse(request, "missions/withdraw.html", status=status, context={
        "application": application, "mission": application.mission, "follow_url": link(tokens.FOLLOW_VIEW, token),
        # Withdrawn already (the link visited again): the heading says it is done.
        "meta_title": _("Candidature déjà retirée") if application.is_withdrawn else _("Retirer ma candidature"),
    })


@signed_link_view(tokens.CHECKIN)
def checkin_fine(request, application, side, token):
    """"Oui, tout va bien": a button (GET), recorded on POST; a second time is thanked too."""
    recorded, status = None, 200
    if request.method == "POST":
        try:
            recorded = services.answer_checkin_fine(application, side)
        except TryAgainLater as busy:
            messages.error(request, busy.message)
            status = 503
    checkin = Checkin.objects.filter(application=application, side=side).first()
    return TemplateResponse(request, "missions/checkin_fine.html", status=status, context={
        "application": application, "mission": application.mission, "checkin": checkin, "recorded": recorded,
        "help_url": link(tokens.CHECKIN_HELP_VIEW, token), "meta_title": _("Tout se passe bien ?"),
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
            return redirect(link(tokens.CHECKIN_HELP_VIEW, token))
    sent = just_sent(request)
    already = not sent and Checkin.objects.filter(application=application, side=side, answer=CheckinAnswer.HELP).exists()
    response = TemplateResponse(request, "missions/checkin_help.html", context={
        "application": application, "mission": application.mission, "form": None if sent or already else form,
        "sent": sent, "already": already, "action": link(tokens.CHECKIN_HELP_VIEW, token),
        "meta_title": _("Demander l’aide de l’équipe"),
    })
    return form_response(request, response, form.http_status)


@signed_link_view(tokens.FEEDBACK)
def feedback(request, application, side, token):
    """One question (1–5) and a comment, once per side."""
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.accept(request, scope="followup-feedback"):
        try:
            services.give_feedback(application, side=side, rating=form.cleaned_data["rating"],
                                   comment=form.cleaned_data["comment"])
        except TryAgainLater as busy:  # the form again, with what was typed
            form.add_domain_error(busy)
        except DomainError as error:
            messages.info(request, error.message)
            return redirect(link(tokens.FEEDBACK_VIEW, token))
        else:
            messages.success(request, _("Merci pour votre avis ! Il aide l’équipe à mieux accompagner les missions."))
            return redirect(link(tokens.FEEDBACK_VIEW, token))
    answered = Feedback.objects.filter(application=application, side=side, answered_at__isnull=False).exists()
    expected = Feedback.objects.filter(application=application, side=side).exists()
    response = TemplateResponse(request, "missions/feedback.html", context={
        "application": application, "mission": application.mission,
        "form": form if expected and not answered else None, "answered": answered, "expected": expected,
        "action": link(tokens.FEEDBACK_VIEW, token), "meta_title": _("Votre avis sur la mission"),
    })
    return form_response(request, response, form.http_status)


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
