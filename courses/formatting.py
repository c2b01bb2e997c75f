"""How a training session reads in French, wherever it is shown: pages, cards, admin, e-mails (the
`session_dates` and `session_place` filters of `courses_tags`, and other apps' e-mails such as
the alerts' "a session is announced")."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from webassoc.typography import french_time


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


def session_place(session):
    """« En ligne », or the venue and its address on one line."""
    if session.is_online:
        return _("En ligne")
    return ", ".join(part for part in [session.venue, session.address.replace("\n", ", ")] if part)
