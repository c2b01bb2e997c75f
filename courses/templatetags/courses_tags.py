from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from courses.models import TrainingSessionPage, attach_courses

register = template.Library()


@register.filter
def session_dates(session):
    """« mardi 9 mars 2027, 14 h 00 – 17 h 00 » in Paris time (two dates when it spans days)."""
    start, end = timezone.localtime(session.start), timezone.localtime(session.end)
    day = formats.date_format(start, "l j F Y")
    if start.date() == end.date():
        return _("%(day)s, %(start)s – %(end)s") % {
            # Non-breaking spaces: "14 h 00" never wraps in the middle.
            "day": day, "start": start.strftime("%H\u00a0h\u00a0%M"), "end": end.strftime("%H\u00a0h\u00a0%M"),
        }
    return _("du %(start)s au %(end)s") % {
        "start": formats.date_format(start, "l j F Y, H\u00a0\\h\u00a0i"),
        "end": formats.date_format(end, "l j F Y, H\u00a0\\h\u00a0i"),
    }


@register.filter
def session_place(session):
    if session.is_online:
        return _("En ligne")
    return ", ".join(part for part in [session.venue, session.address.replace("\n", ", ")] if part)


@register.simple_tag
def upcoming_sessions(limit=3):
    """The next sessions for the home page, with seats and courses, in two queries."""
    return attach_courses(
        TrainingSessionPage.objects.upcoming().filter(cancelled=False).with_seats().order_by("start")[:limit]
    )


@register.simple_tag
def training_catalogue():
    """The catalogue page (for "see all" links), or None before it is created."""
    from courses.models import TrainingIndexPage

    return TrainingIndexPage.objects.live().first()
