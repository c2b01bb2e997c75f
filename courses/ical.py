"""iCalendar files for sessions, built with the `icalendar` library.

Times carry the Europe/Paris TZID with its VTIMEZONE, so calendars show the
right hour on both sides of a daylight-saving change. The UID is stable per
session and SEQUENCE rises when the schedule changes (see services.session_published).
Never put the meeting link in an event: people share their calendars.
"""

from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PARIS = ZoneInfo("Europe/Paris")


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
    for session in sessions:
        calendar.add_component(session_event(session, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(content, filename, *, inline=False):
    """An .ics file: downloaded (one session), or shown inline (the feed calendars subscribe to)."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    return response
