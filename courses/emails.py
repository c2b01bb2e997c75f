"""Emails sent to registrants. Each goes through the outbox (a background task, retried)."""

from outbox.services import absolute_url, queue_email

from .enums import RegistrationStatus
from .ical import build_calendar


def _context(registration, session=None):
    session = session or registration.session
    return {
        "registration": registration,
        "session": session,
        "course": session.course,
        "session_url": session.get_full_url(),
        "cancel_url": absolute_url(registration.get_cancel_url()),
    }


def _ics(session):
    return [("formation-webassoc.ics", build_calendar([session]).decode(), "text/calendar")]


def registration_received(registration):
    if registration.status == RegistrationStatus.CONFIRMED:
        return queue_email(registration.email, "courses/registration_confirmed", _context(registration),
                           attachments=_ics(registration.session))
    return queue_email(registration.email, "courses/registration_waitlisted", _context(registration))


def registration_promoted(registration):
    return queue_email(registration.email, "courses/registration_promoted", _context(registration),
                       attachments=_ics(registration.session))


def registration_cancelled(registration):
    return queue_email(registration.email, "courses/registration_cancelled", _context(registration))


def session_reminder(registration):
    return queue_email(registration.email, "courses/session_reminder", _context(registration),
                       attachments=_ics(registration.session))


def session_cancelled(registration, session):
    return queue_email(registration.email, "courses/session_cancelled", _context(registration, session))
