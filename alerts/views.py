"""The alerts' pages: subscribe, confirm (GET shows a button, POST confirms), change one's
choices, one-click unsubscribe (RFC 8058: a POST without session nor CSRF token), and the
"next session" waiting list of a course. The admin's pool page is `pool_for_mission`."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from webassoc.errors import TryAgainLater, with_retry_after
from webassoc.forms import form_response, just_sent
from webassoc.pagination import page_number, paginate
from webassoc.signed_links import AlreadyUsed, LinkRefused, confirmation_response, link, refused_response, token_from

from . import services
from .forms import ChoicesForm, SubscribeForm, WaitForSessionForm, initial_from_query, is_prefill

NOINDEX = {"noindex": True}


def _refused(request, error):
    if isinstance(error, AlreadyUsed):  # an old email's link, after unsubscribing: no error
        return _unsubscribed(request, already=True)
    return refused_response(request, error, next_url=reverse("alerts:subscribe"),
                            next_label=_("S’inscrire aux alertes missions"))


def _unsubscribed(request, *, already=False):
    """"Votre désinscription est faite" (or "déjà faite", for a link used again), with the way back."""
    return TemplateResponse(request, "alerts/unsubscribed.html", context={
        "already": already, "meta_title": _("Désinscription"), **NOINDEX})


@require_http_methods(["GET", "POST"])
def subscribe(request):
    """GET: the form (skills pre-filled from the link). POST from the alert box (`is_prefill`): the
    form pre-filled with the address and skills typed there, nothing saved nor checked yet
    (consent is asked here). POST of the form itself: the subscription, confirmed by e-mail."""
    if is_prefill(request):
        form = SubscribeForm(initial=initial_from_query(request.POST, with_email=True))
    else:
        form = SubscribeForm(request.POST if request.method == "POST" else None,
                             initial=initial_from_query(request.GET))
    if request.method == "POST" and form.is_bound and form.accept(request, scope="alerts-subscribe"):
        data = form.submitted()
        try:
            services.subscribe(email=data.pop("email"), **data)
        except TryAgainLater as busy:
            form.add_domain_error(busy)
        else:
            # The same answer whoever asks (it must not tell whether the address is known), and no
            # promise that an e-mail left: at most one every services.EMAIL_INTERVAL per address.
            messages.success(request, _(
                "Merci ! Pour activer vos alertes, ouvrez le lien de l’e-mail de confirmation. "
                "Rien ne vous sera envoyé avant cette confirmation."))
            return redirect("alerts:subscribe")
    sent = just_sent(request)
    # The empty form of a plain GET is served from the page cache (each visitor gets their own CSRF
    # token); answers to a POST and the thank-you page are never stored.
    response = TemplateResponse(request, "alerts/subscribe.html", context={
        "form": None if sent else form, "sent": sent, "meta_title": _("Alertes missions"),
    })
    return form_response(request, response, form.http_status)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request):
    return confirmation_response(
        request, check=services.check_confirm_token, confirm=services.confirm,
        success=_("C’est confirmé : vous recevrez les nouvelles missions qui vous correspondent."),
        redirect_to=lambda subscription: link("alerts:manage", services.manage_token(subscription)),
        render=lambda subscription, error, token: TemplateResponse(request, "alerts/confirm.html", context={
            "subscription": subscription, "error": error, "token": token, "meta_title": _("Confirmer mes alertes"),
            **NOINDEX,
        }),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request):
    """Change skills, frequency, pool; or unsubscribe. The signed link is the only key."""
    token = token_from(request)
    try:
        subscription = services.subscription_for_manage_token(token)
    except LinkRefused as error:
        return _refused(request, error)
    initial = {"skills": list(subscription.skills.all()), "format": subscription.format,
               "cause": subscription.cause, "commitment": subscription.commitment,
               "frequency": subscription.frequency, "in_pool": subscription.in_pool}
    form = ChoicesForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.accept(request, scope="alerts-manage", limit=30):
        services.change_choices(subscription, **form.submitted())
        messages.success(request, _("Vos choix sont enregistrés."))
        return redirect(link("alerts:manage", token))
    response = TemplateResponse(request, "alerts/manage.html", context={
        "subscription": subscription, "form": form, "token": token, "meta_title": _("Mes alertes missions"),
        **NOINDEX,
    })
    return form_response(request, response, form.http_status)


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without cookie nor token
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request):
    """GET asks (mail scanners follow links); POST unsubscribes, with or without a session."""
    token, status = token_from(request), 200
    try:
        subscription = services.subscription_for_manage_token(token)
    except LinkRefused as error:
        if request.method == "POST":  # a mail client's one-click on an old or broken link: nothing to do
            return _unsubscribed(request, already=isinstance(error, AlreadyUsed))
        return _refused(request, error)
    if request.method == "POST":
        try:
            services.unsubscribe(subscription)
        except TryAgainLater as busy:  # the question again, with "réessayez" (mail clients retry on 503)
            messages.error(request, busy.message)
            status = 503
        else:
            return _unsubscribed(request)
    return with_retry_after(TemplateResponse(request, "alerts/unsubscribe.html", status=status, context={
        "token": token, "manage_url": link("alerts:manage", token),
        "meta_title": _("Me désinscrire des alertes"), **NOINDEX}))


# --- "prévenez-moi de la prochaine session" ------------------------------------------------------

MAX_ID = 2**31 - 1  # page ids are 32-bit integers: a bigger number is no page (not a database error)


def _course(course_id):
    from courses.models import TrainingPage

    if course_id > MAX_ID:
        raise Http404
    return get_object_or_404(TrainingPage.objects.live().public(), pk=course_id)


@require_http_methods(["GET", "POST"])
def wait_for_session(request, course_id):
    course = _course(course_id)
    form = WaitForSessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.accept(request, scope="alerts-waiter"):
        try:
            services.wait_for_session(course, email=form.cleaned_data["email"])
        except TryAgainLater as busy:
            form.add_domain_error(busy)
        else:
            messages.success(request, _(
                "Merci ! Confirmez votre demande avec le lien envoyé par e-mail : nous vous écrirons une "
                "fois, dès qu’une nouvelle session sera ouverte. Rien reçu d’ici quelques minutes ? Regardez "
                "dans les indésirables ; un seul e-mail part toutes les 10 minutes vers une même adresse."))
            return redirect("alerts:wait_for_session", course_id=course.pk)
    sent = just_sent(request)
    response = TemplateResponse(request, "alerts/wait_for_session.html", context={
        "course": course, "form": None if sent else form, "sent": sent,
        # "No session at all" or "no seat left": the first line says which.
        "has_upcoming_session": course.upcoming_sessions().filter(cancelled=False).exists(),
        "meta_title": _("Prévenez-moi de la prochaine session"),
    })
    return form_response(request, response, form.http_status)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_waiter(request):
    return confirmation_response(
        request, check=services.check_waiter_token, confirm=services.confirm_waiter,
        success=_("C’est confirmé : nous vous écrirons dès qu’une nouvelle session sera ouverte."),
        redirect_to=lambda waiter: waiter.course.url,
        render=lambda waiter, error, token: TemplateResponse(request, "alerts/confirm_waiter.html", context={
            "waiter": waiter, "error": error, "token": token, "meta_title": _("Confirmer ma demande"), **NOINDEX,
        }),
    )


# --- admin: "Inviter le vivier" ---------------------------------------------

POOL_PAGE_SIZE = 50  # the pool may hold hundreds of volunteers: invite them a page at a time


# Wagtail guards its admin URLs (login and "access_admin"); the mission right is checked here.
# Not Django's staff_member_required: coordinators are not "staff" and it redirects to a login
# URL this site does not have.
@require_http_methods(["GET", "POST"])
@permission_required("missions.change_mission", raise_exception=True)
def pool_for_mission(request, mission_id):
    from missions.models import Mission

    mission = get_object_or_404(Mission.objects.select_related("association"), pk=mission_id)
    if not mission.accepts_applications and request.method == "POST":
        raise Http404
    pool = services.pool_for(mission)
    number = page_number(request)
    if request.method == "POST":
        chosen = {int(pk) for pk in request.POST.getlist("membres") if pk.isdigit()}
        members = pool.filter(pk__in=chosen, already_invited=False) if chosen else []
        sent = services.invite(mission, list(members), invited_by=request.user)
        if sent:
            messages.success(request, ngettext("%(count)s invitation envoyée.", "%(count)s invitations envoyées.",
                                               sent) % {"count": sent})
        elif chosen:
            messages.warning(request, _("Aucune invitation envoyée : les personnes choisies ont déjà été "
                                              "invitées à cette mission."))
        else:
            messages.warning(request, _("Aucune invitation envoyée : cochez au moins une personne du vivier."))
        return redirect(reverse("alerts_admin_pool", args=[mission.pk]) + (f"?page={number}" if number > 1 else ""))
    page_obj = paginate(pool, number, POOL_PAGE_SIZE)
    return TemplateResponse(request, "alerts/admin/pool.html", context={
        "mission": mission, "page_obj": page_obj, "members": page_obj.object_list,
    })
