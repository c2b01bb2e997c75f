"""How a training session reads in French, wherever it is shown: pages, cards, admin, e-mails (the
`session_dates` and `session_place` filters of `courses_tags`, and other apps' e-mails such as
the alerts' "a session is announced"), and the label the team knows it by (`session_label`)."""


from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from webassoc.addresses import split_address
from webassoc.typography import french_date, french_datetime, french_time


def session_dates(session):
    """« mardi 9 mars 2027, 14 h – 17 h 30 » in Paris time (two dates when it spans days); times
    by `webassoc.typography.french_time` ("9 h", "9 h 30", no-break spaces)."""
    start, end = timezone.localtime(session.start), timezone.localtime(session.end)
    day = french_date(start, "l j F Y")
    if start.date() == end.date():
        # No-break spaces around the dash, and a word joiner (U+2060) after it: browsers may break
        # after a dash even before a no-break space; "14 h – 17 h 30" never wraps in the middle.
        return _("%(day)s, %(start)s –⁠ %(end)s") % {
            "day": day, "start": french_time(start), "end": french_time(end)}
    return _("du %(start)s au %(end)s") % {
        "start": _("%(day)s, %(time)s") % {"day": day, "time": french_time(start)},
        "end": _("%(day)s, %(time)s") % {"day": french_date(end, "l j F Y"), "time": french_time(end)},
    }


def session_label(session, course_title=None):
    """A session as the team names it everywhere in the admin (columns, filters, a registration's
    name, exports): « Atelier SEO – 03/03/2026 à 9 h 30 – Maison des associations ». The course
    title comes from `course_title`, an annotation of that name (`with_course_title()`) or the
    parent page; the place is « En ligne », the venue or the first line of the address."""
    if session.is_online:
        place = _("En ligne")
    else:
        place = session.venue or (session.address.splitlines() or [""])[0]
    course_title = course_title or getattr(session, "course_title", None) or session.course.title
    when = french_datetime(session.start, "d/m/Y")
    return " – ".join(str(part) for part in (course_title, when, place) if part)


def session_place(session):
    """« En ligne », or the venue and its address on one line."""
    if session.is_online:
        return _("En ligne")
    return ", ".join(part for part in [session.venue, session.address.replace("\n", ", ")] if part)


def session_town(session):
    """« En ligne », or the town: the last part of the address without its postcode (the venue
    when there is no address)."""
    if session.is_online:
        return _("En ligne")
    _street, _postcode, town = split_address(session.address)
    return town or session.venue


def other_date(session):
    """Another date of a course, in a list of choices: « 16 janvier 2027 – Lyon (10 places libres) »
    (needs the seats: with_seats())."""
    day = french_date(timezone.localtime(session.start))
    seats = ngettext("%(count)s place libre", "%(count)s places libres", session.seats_left) % {
        "count": session.seats_left}
    return _("%(day)s – %(town)s (%(seats)s)") % {"day": day, "town": session_town(session), "seats": seats}
