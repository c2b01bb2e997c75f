"""The one view of the catalogue that is not a page route: the cancel link sent in the emails."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from webassoc.errors import TryAgainLater

from . import services
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
        try:
            services.cancel(registration)
        except TryAgainLater as error:
            messages.error(request, error.message)
            status = 503
        else:
            messages.success(request, _("Votre inscription est annulée. Merci de nous avoir prévenus : la place "
                                        "revient à une autre association."))
            return redirect(request.path)
    return TemplateResponse(request, "courses/cancel_registration.html", status=status, context={
        "registration": registration,
        "session": session,
        "course": session.course,
        "past": past,
        "meta_title": _("Annuler une inscription"),
    })
