"""Template tags of the training catalogue: session dates and place, session cards, home lists."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.formatting import other_date, session_dates, session_place
from courses.models import TrainingIndexPage, TrainingSessionPage, attach_courses

register = template.Library()


# The wording lives in courses/formatting.py (other apps' e-mails use it too); these are its filters.
register.filter("session_dates", session_dates)
register.filter("session_place", session_place)
register.filter("other_date", other_date)


def seats_badge(session):
    """The card's badge: cancelled, full (waitlist) or the seats left; needs with_seats()."""
    if session.cancelled:
        return _("Annulée"), "closed"
    if session.is_full:
        return _("Complet – liste d’attente"), "closed"
    left = session.seats_left
    return ngettext("%(count)s place restante", "%(count)s places restantes", left) % {"count": left}, "success"


@register.inclusion_tag("components/card.html", takes_context=True)
def session_card(context, session, *, course_title=False, heading_level=3):
    """A session as the site's card, titled with the session's title, or its course's
    (`course_title=True`, where sessions of several courses are listed: set `session.course`
    with attach_courses())."""
    badge, badge_class = seats_badge(session)
    hidden = '<span class="visually-hidden">{} </span>{}'
    return {
        "title": session.course.title if course_title else session.title,
        "url": session.get_url(context.get("request")),
        "heading_level": heading_level,
        "meta": [
            format_html(hidden, _("Date :"), session_dates(session)),
            format_html(hidden, _("Lieu :"), session_place(session)),
        ],
        "badge": badge,
        "badge_class": badge_class,
    }


@register.simple_tag
def upcoming_sessions(limit=3):
    """The next sessions for the home page, with seats and courses, in two queries."""
    return attach_courses(
        TrainingSessionPage.objects.upcoming().filter(cancelled=False).with_seats().order_by("start")[:limit]
    )


@register.simple_tag
def training_catalogue():
    """The catalogue page (for "see all" links), or None before it is created."""
    return TrainingIndexPage.objects.live().first()


@register.simple_tag
def course_format(course, sessions):
    """Where a course happens, following its listed sessions ("En ligne et sur place" when mixed)."""
    return course.format_label(sessions)
