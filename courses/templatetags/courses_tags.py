"""Template tags of the training catalogue: session dates and place, session cards, home lists."""

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import TrainingIndexPage, TrainingSessionPage, attach_courses
from webassoc.typography import french_time

register = template.Library()


@register.filter
def session_dates(session):
    """« mardi 9 mars 2027, 14 h – 17 h 30 » in Paris time (two dates when it spans days); times
    by `webassoc.typography.french_time` ("9 h", "9 h 30", no-break spaces)."""
    start, end = timezone.localtime(session.start), timezone.localtime(session.end)
    day = formats.date_format(start, "l j F Y")
    if start.date() == end.date():
        return _("%(day)s, %(start)s – %(end)s") % {"day": day, "start": french_time(start), "end": french_time(end)}
    return _("du %(start)s au %(end)s") % {
        "start": _("%(day)s, %(time)s") % {"day": day, "time": french_time(start)},
        "end": _("%(day)s, %(time)s") % {"day": formats.date_format(end, "l j F Y"), "time": french_time(end)},
    }


@register.filter
def session_place(session):
    if session.is_online:
        return _("En ligne")
    return ", ".join(part for part in [session.venue, session.address.replace("\n", ", ")] if part)


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
