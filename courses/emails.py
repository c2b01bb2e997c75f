"""Emails sent to registrants. Each goes through the outbox (a background task, retried).

They are queued while the session is locked, so their context and calendar file are computed
when the sending task renders the email, after the commit (`later`, outbox/rendering.py): the
lock is not kept for the course lookup, the URLs and the .ics.
"""

from outbox.rendering import computed_when_rendered, later
from outbox.services import absolute_url, prepare_email, queue_email, replacement, send_stored, store_emails

from .enums import RegistrationStatus
from .formatting import other_date
from .ical import build_calendar


@computed_when_rendered
def email_context(registration, session=None):
    """What every registrant email shows. Stored emails name it: keep its name and arguments."""
    session = session or registration.session
    return {
        "registration": registration,
        "session": session,
        "course": session.course,
        "session_url": session.get_full_url(),
        "cancel_url": absolute_url(registration.get_cancel_url()),
    }


@computed_when_rendered
def waitlist_context(registration):
    """email_context() and the course's other dates that still have seats (when the email is
    rendered). Stored emails name it: keep its name and arguments."""
    session = registration.session
    return {
        **email_context(registration),
        "other_dates": [{"label": other_date(other), "url": absolute_url(other.get_url())}
                        for other in session.other_dates()],
    }


@computed_when_rendered
def session_calendar(session):
    """The .ics attached to confirmations and reminders (with its VTIMEZONE)."""
    return build_calendar([session]).decode()


def _ics(session):
    return [("formation-webassoc.ics", later(session_calendar, session), "text/calendar")]


def registration_received(registration):
    if registration.status == RegistrationStatus.CONFIRMED:
        return queue_email(registration.email, "courses/registration_confirmed", later(email_context, registration),
                           attachments=_ics(registration.session))
    return queue_email(registration.email, "courses/registration_waitlisted", later(waitlist_context, registration))


class RegistrationReceipt:
    """The email answering a new registration, made ready before its session is locked.

    `register()` creates it right after inserting the registration (on the waitlist): the
    waitlist email is stored then, the confirmation prepared beside it. Under the lock,
    `confirm()` turns the stored row into the confirmation (one UPDATE) if a seat was given, and
    `send()` adds its sending task: the lock covers no email work but these two statements. All of
    it is in the registration's transaction: the email exists if and only if the registration
    does, and which one it is is decided under the lock.
    """

    def __init__(self, registration):
        [self.email] = store_emails([prepare_email(
            registration.email, "courses/registration_waitlisted", later(waitlist_context, registration))])
        # The switch to the confirmation, compiled now: under the lock it is one UPDATE to run.
        self._switch_to_confirmation = replacement(self.email, prepare_email(
            registration.email, "courses/registration_confirmed", later(email_context, registration),
            attachments=_ics(registration.session)))

    def confirm(self):
        self._switch_to_confirmation()

    def send(self):
        send_stored([self.email])
        return self.email


def registration_promoted(registration):
    return queue_email(registration.email, "courses/registration_promoted", later(email_context, registration),
                       attachments=_ics(registration.session))


@computed_when_rendered
def cancellation_context(registration, left_waitlist):
    """email_context() and whether the person was only on the waitlist (no seat freed, no "vos
    places reviennent…"). Stored emails name it: keep its name and arguments."""
    return {**email_context(registration), "left_waitlist": left_waitlist}


def registration_cancelled(registration, *, left_waitlist=False):
    return queue_email(registration.email, "courses/registration_cancelled",
                       later(cancellation_context, registration, left_waitlist))


def session_reminder(registration):
    return queue_email(registration.email, "courses/session_reminder", later(email_context, registration),
                       attachments=_ics(registration.session))


def session_cancelled(registration, session):
    return queue_email(registration.email, "courses/session_cancelled", later(email_context, registration, session))
