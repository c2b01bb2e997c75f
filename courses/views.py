"""The one view of the catalogue that is not a page route: the cancel link sent in the emails."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from webassoc.errors import TryAgainLater
from webassoc.forms import form_response, just_sent

from . import services
from .enums import SEATED, RegistrationStatus
from .models import Registration


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
        seated = registration.status in SEATED
        try:
            services.cancel(registration)
        except TryAgainLater as error:
            messages.error(request, error.message)
            status = 503
        else:
            messages.success(request, cancelled_message(registration, seated=seated),
                             extra_tags="" if seated else LEFT_WAITLIST)
            return redirect(request.path)
    # Someone on the waitlist holds no seats: they leave the list, they free nothing.
    leaving_waitlist = registration.is_waitlisted or just_sent(request, tag=LEFT_WAITLIST)
    just_cancelled = just_sent(request)  # the success message says it all: no state block under it
    response = TemplateResponse(request, "courses/cancel_registration.html", context={
        "registration": registration,
        "session": session,
        "course": session.course,
        "past": past,
        "leaving_waitlist": leaving_waitlist,
        "just_cancelled": just_cancelled,
        # Cancelled now or earlier (the link visited again): the heading says it is done.
        "meta_title": cancel_page_title(
            leaving_waitlist=leaving_waitlist,
            done=just_cancelled or registration.status == RegistrationStatus.CANCELLED),
    })
    return form_response(request, response, status)


def cancel_page_title(*, leaving_waitlist, done):
    """The page's heading: what it asks, then, after the POST, what is done."""
    if done:
        return _("Vous avez quitté la liste d’attente") if leaving_waitlist else _("Inscription annulée")
    return _("Quitter la liste d’attente") if leaving_waitlist else _("Annuler une inscription")


LEFT_WAITLIST = "left-waitlist"  # the success message's extra tag: the page after it still says "liste d’attente"


def cancelled_message(registration, *, seated):
    """What the person reads once cancelled: the seats freed, in the right number (none from the waitlist)."""
    if not seated:
        return _("Vous avez quitté la liste d’attente. Merci de nous avoir prévenus.")
    return ngettext(
        "Votre inscription est annulée. Merci de nous avoir prévenus : votre place est libérée pour une autre "
        "association.",
        "Votre inscription est annulée. Merci de nous avoir prévenus : vos %(count)s places sont libérées pour "
        "d’autres associations.",
        registration.attendees,
    ) % {"count": registration.attendees}
