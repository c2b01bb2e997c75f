"""iCalendar files for sessions, built with the `icalendar` library.

Times carry the Europe/Paris TZID with its VTIMEZONE, so calendars show the
right hour on both sides of a daylight-saving change. The VTIMEZONE describes the
changes with yearly RRULEs (last Sunday of March / October), as calendar clients
write it: icalendar's own list every change as one RDATE with dozens of values, and
vobject or ical.js read only the first of them (an October session came out an hour
off). The UID is stable per
session and SEQUENCE rises when the schedule changes (see services.session_published).
Never put the meeting link in an event: people share their calendars.
"""

import calendar as calendar_module
from datetime import datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

PARIS = ZoneInfo("Europe/Paris")


WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _transitions(tz, year):
    """The UTC offset changes of `tz` in `year`, hour by hour.

    Each is (wall time of the change in the old offset, old offset, new offset, first moment after).
    """
    utc = ZoneInfo("UTC")
    moment, end = datetime(year, 1, 1, tzinfo=utc), datetime(year + 1, 1, 1, tzinfo=utc)
    offset = moment.astimezone(tz).utcoffset()
    changes = []
    while moment < end:
        moment += timedelta(hours=1)
        new = moment.astimezone(tz).utcoffset()
        if new != offset:
            changes.append((moment.replace(tzinfo=None) + offset, offset, new, moment.astimezone(tz)))
            offset = new
    return changes


def _rule(local):
    """RRULE of the yearly change that happened at `local` (nth or last weekday of its month)."""
    last_day = calendar_module.monthrange(local.year, local.month)[1]
    nth = -1 if local.day + 7 > last_day else (local.day - 1) // 7 + 1
    return {"FREQ": "YEARLY", "BYMONTH": local.month, "BYDAY": f"{nth}{WEEKDAYS[local.weekday()]}"}


def rrule_timezone(tzid="Europe/Paris", year=None):
    """A VTIMEZONE whose daylight-saving changes are yearly RRULEs, read right by every parser.

    The rule is the one in force in `year` (this year by default); it starts in 1970 as the
    calendar clients write it. A zone without changes that year gets one STANDARD component.
    """
    tz = ZoneInfo(tzid)
    year = year or timezone.now().year
    vtimezone = Timezone()
    vtimezone.add("tzid", tzid)
    changes = _transitions(tz, year)
    if not changes:
        standard = TimezoneStandard()
        offset = datetime(year, 1, 1, tzinfo=tz).utcoffset()
        standard.add("dtstart", datetime(1970, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", datetime(year, 1, 1, tzinfo=tz).tzname())
        vtimezone.add_component(standard)
        return vtimezone
    for local, old, new, after in changes:
        component = TimezoneDaylight() if after.dst() else TimezoneStandard()
        rule = _rule(local)
        first = _first_in(1970, rule, local)
        component.add("dtstart", first)
        component.add("tzoffsetfrom", old)
        component.add("tzoffsetto", new)
        component.add("tzname", after.tzname())
        component.add("rrule", rule)
        vtimezone.add_component(component)
    return vtimezone


def _first_in(year, rule, local):
    """The date of `rule` in `year`, at the wall time of the change."""
    nth, weekday = int(rule["BYDAY"][:-2]), WEEKDAYS.index(rule["BYDAY"][-2:])
    month = rule["BYMONTH"]
    days = [day for day in range(1, calendar_module.monthrange(year, month)[1] + 1)
            if calendar_module.weekday(year, month, day) == weekday]
    return datetime(year, month, days[nth - 1 if nth > 0 else nth], local.hour, local.minute)


def session_uid(session):
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "webassoc.local"
    return f"session-{session.pk}@{host}"


def session_event(session, request=None):
    event = Event()
    event.add("uid", session_uid(session))
    event.add("sequence", session.ical_sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.start.astimezone(PARIS))
    event.add("dtend", session.end.astimezone(PARIS))
    title = session.course.title
    summary = _("[ANNULÉE] %(title)s") if session.cancelled else _("%(title)s – Webassoc")
    event.add("summary", summary % {"title": title})
    if session.is_online:
        event.add("location", _("En ligne (le lien est envoyé par e-mail aux inscrits confirmés)"))
    else:
        place = [session.venue, session.address.replace("\n", ", ")]
        event.add("location", ", ".join(part for part in place if part))
    event.add("url", session.get_full_url(request))
    event.add("status", "CANCELLED" if session.cancelled else "CONFIRMED")
    if session.notes:
        event.add("description", session.notes)
    return event


def build_calendar(sessions, request=None, name=None):
    calendar = Calendar()
    calendar.add("prodid", "-//Webassoc//Formations//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name or _("Formations Webassoc"))
    calendar.add("x-wr-timezone", "Europe/Paris")
    calendar.add_component(rrule_timezone("Europe/Paris"))
    for session in sessions:
        calendar.add_component(session_event(session, request))
    return calendar.to_ical()


def calendar_response(content, filename, *, inline=False):
    """An .ics file: downloaded (one session), or shown inline (the feed calendars subscribe to)."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    return response
