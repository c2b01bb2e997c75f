"""Registering, cancelling and promoting from the waitlist.

Every operation that counts seats locks the session row first
(`select_for_update()` inside `transaction.atomic()`), then re-counts: on
PostgreSQL concurrent registrations are serialised per session, so the capacity
is never exceeded. Promotion is one function, `promote_waitlist`, called from
every path that frees seats (self-cancel, team cancel, capacity raised); every
confirmation from the waitlist goes through `_confirm_from_waitlist`.
"""

import logging
import time
from contextlib import contextmanager
from datetime import timedelta

from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from outbox.services import resend_once
from webassoc.errors import AlreadyReceived, DomainError, polite_lock_timeouts
from webassoc.prepared_sql import Prepared

from . import emails
from .enums import ACTIVE, SEATED, CancelledBy, RegistrationStatus
from .models.registrations import Registration  # not .models: the page module imports this one
from .tasks import resend_confirmation_task

lock_logger = logging.getLogger("courses.locks")
LOCK_HELD_WARNING_MS = 250


class RegistrationError(DomainError):
    """A registration refused for a reason the person can read."""


class RegistrationClosed(RegistrationError):
    pass


class AlreadyRegistered(AlreadyReceived, RegistrationError):
    field = "email"


class TooManyAttendees(RegistrationError):
    pass


def session_pages():
    """The session page model, looked up when called: its module imports this one."""
    return apps.get_model("courses", "TrainingSessionPage").objects


def lock_session(session_pk):
    return session_pages().select_for_update(of=("self",)).get(pk=session_pk)


# What register() reads of the session it locks: what its checks need, nothing more.
LOCK_FIELDS = ("cancelled", "start", "end", "registration_opens_at", "registration_closes_at",
               "max_attendees_per_registration")


def prepared_session_lock(session_pk):
    """register()'s lock of the session, compiled before it is taken (`webassoc.prepared_sql`)."""
    return Prepared.select(
        session_pages().select_for_update(of=("self",)).filter(pk=session_pk).order_by().values_list(*LOCK_FIELDS)
    )


@contextmanager
def timed_session_lock(*, session_pk, operation):
    """A transaction (`transaction.atomic()`) that locks a session by running the prepared
    statement given to the `lock(statement)` it yields, and logs how long that lock was awaited
    and held.

    The row lock lasts until the commit (or the rollback), so "held" runs from `lock()` to the
    commit: the transaction's first on-commit hook, so that the hooks of what the transaction
    wrote (cache versions in Redis) do not count. Logged at INFO on `courses.locks`
    (LOCK_LOG_LEVEL=INFO shows them; bench/registrations.py reads them), at WARNING when held
    longer than LOCK_HELD_WARNING_MS.
    """
    timing = {}

    def lock(statement):
        timing["asked"] = time.perf_counter()
        row = statement.fetchone()
        timing["acquired"] = time.perf_counter()
        if row is None:
            raise session_pages().model.DoesNotExist(f"session {session_pk}")
        return row

    try:
        with transaction.atomic():
            transaction.on_commit(lambda: timing.setdefault("released", time.perf_counter()))
            yield lock
    finally:
        if "acquired" in timing:
            held_ms = (timing.get("released", time.perf_counter()) - timing["acquired"]) * 1000
            level = logging.WARNING if held_ms > LOCK_HELD_WARNING_MS else logging.INFO
            lock_logger.log(level, "session %s lock held %.2f ms, awaited %.2f ms (%s)", session_pk,
                            held_ms, (timing["acquired"] - timing["asked"]) * 1000, operation)


@polite_lock_timeouts
def register(session, *, association_name, contact_name, email, attendees=1, phone="", message="", now=None):
    """Register for a session: confirmed if the attendees fit, waitlisted otherwise.

    Before the session is locked: the registration is written on the waitlist (the unique
    constraint refuses a second active registration with the same address), its email is
    stored as the waitlist one (`emails.RegistrationReceipt`), and the statements to run under
    the lock are compiled. Under the lock: the session's dates and limits are read for the
    checks, then one UPDATE counts the seats and confirms if the attendees fit, the email
    becomes the confirmation when they did, and its sending task is queued. The email is
    rendered after the commit. The lock is held for three or four short statements, so a burst of
    registrants waits in line a millisecond or two each instead of being asked to retry.
    """
    now = now or timezone.now()
    try:
        with timed_session_lock(session_pk=session.pk, operation="register") as lock:
            registration = Registration.objects.create(
                session=session,
                association_name=association_name,
                contact_name=contact_name,
                email=email,
                phone=phone,
                attendees=attendees,
                message=message,
                consent_at=now,
                status=RegistrationStatus.WAITLISTED,
                created_at=now,
            )
            receipt = emails.RegistrationReceipt(registration)
            locking = prepared_session_lock(session.pk)
            confirming = Registration.objects.confirmation_if_it_fits(registration)

            for name, value in zip(LOCK_FIELDS, lock(locking), strict=True):
                setattr(session, name, value)  # the checks below read the locked values
            reason = session.closed_reason(now)
            if reason:
                raise RegistrationClosed(str(reason))
            if attendees > session.max_attendees_per_registration:
                raise TooManyAttendees(
                    _("Une inscription compte au plus %(max)s participants pour cette session.")
                    % {"max": session.max_attendees_per_registration}
                )
            if confirming.rowcount():
                registration.status = RegistrationStatus.CONFIRMED
                receipt.confirm()
            receipt.send()
    except IntegrityError as exc:  # the unique constraint: an active registration with this address
        raise AlreadyRegistered(duplicate_message()) from exc
    return registration


RESEND_INTERVAL = 10 * 60  # one re-sent confirmation per registration every 10 minutes at most


def resend_confirmation(session, *, email):
    """Send the confirmation (or waitlist) e-mail of the active registration of `email` to this
    session again, to that address only; at most once per RESEND_INTERVAL. Returns the
    registration, or None when there is none or it was re-sent a moment ago.

    The page answers the same whoever asks, and the work is the same too (its time would tell
    who registered): one query that finds the registration or nothing, then `resend_once` (one
    claim of the cap, one task queued: `send_confirmation_again`)."""
    registration = Registration.objects.filter(session=session, email__iexact=email.strip(), status__in=ACTIVE).first()
    return resend_once(resend_confirmation_task, registration, prefix="courses:resend",
                       asked=f"{session.pk}:{email}", seconds=RESEND_INTERVAL)


def send_confirmation_again(registration_id):
    """The task behind `resend_confirmation`: queue the e-mail of a registration still active;
    whether it was queued (None: nothing to send)."""
    if registration_id is None:
        return False
    registration = Registration.objects.filter(pk=registration_id, status__in=ACTIVE).first()
    if registration is None:
        return False
    emails.registration_received(registration)
    return True


def duplicate_message():
    return _("Une inscription à cette session existe déjà avec cette adresse e-mail. Retrouvez-la dans "
             "l’e-mail de confirmation que nous vous avons envoyé (il contient un lien d’annulation).")


def _confirm_from_waitlist(registration, *, now):
    """The one confirmation step of every promotion: status, date, email. The session is locked."""
    registration.status = RegistrationStatus.CONFIRMED
    registration.promoted_at = now
    registration.save(update_fields=["status", "promoted_at", "updated_at"])
    emails.registration_promoted(registration)
    return registration


def promote_waitlist(session, *, now=None):
    """Confirm waitlisted registrations in the order they came, as far as seats allow.

    A group too large for the seats left is skipped (it keeps its place) so that a
    smaller group behind it can take the seats. Returns the promoted registrations
    (each is emailed).
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = lock_session(session.pk)
        if locked.cancelled or locked.start <= now:
            return []
        seats_left = locked.capacity - locked.count_seats_taken()
        promoted = []
        for registration in locked.registrations.waitlist().select_for_update():
            if seats_left <= 0:
                break
            if registration.attendees > seats_left:
                continue
            promoted.append(_confirm_from_waitlist(registration, now=now))
            seats_left -= registration.attendees
    return promoted


@polite_lock_timeouts
def promote_one(registration, *, now=None):
    """A coordinator confirms one waitlisted registration, only if its attendees fit.

    Returns whether it was confirmed; `registration` is refreshed.
    """
    now = now or timezone.now()
    with transaction.atomic():
        session = lock_session(registration.session_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status != RegistrationStatus.WAITLISTED or session.cancelled or session.start <= now:
            return False
        if current.attendees > session.capacity - session.count_seats_taken():
            return False
        _confirm_from_waitlist(current, now=now)
    registration.refresh_from_db()
    return True


@polite_lock_timeouts
def cancel(registration, *, by=CancelledBy.REGISTRANT, now=None):
    """Cancel a registration; frees its seats for the waitlist. Returns False if it was not active.

    `registration` is refreshed and given a transient `promoted` list: the registrations confirmed
    from the waitlist with the freed seats (each emailed), so the admin can say who they are.
    """
    now = now or timezone.now()
    registration.promoted = []
    with transaction.atomic():
        lock_session(registration.session_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if not current.is_active:
            return False
        was_seated = current.status == RegistrationStatus.CONFIRMED
        left_waitlist = current.status == RegistrationStatus.WAITLISTED
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = now
        current.cancelled_by = by
        current.save(update_fields=["status", "cancelled_at", "cancelled_by", "updated_at"])
        emails.registration_cancelled(current, left_waitlist=left_waitlist)
        promoted = promote_waitlist(current.session, now=now) if was_seated else []
    registration.refresh_from_db()
    registration.promoted = promoted
    return True


def mark_attendance(registration, *, attended):
    """After the session: attended or no-show. Only registrations holding seats are concerned."""
    status = RegistrationStatus.ATTENDED if attended else RegistrationStatus.NO_SHOW
    return bool(
        Registration.objects.filter(pk=registration.pk, status__in=SEATED).update(
            status=status, updated_at=timezone.now()
        )
    )


def session_published(session, *, now=None):
    """After an editor publishes a session: calendar sequence, cancellation emails, waitlist.

    Raising the capacity frees seats, so the waitlist is promoted; lowering it never
    un-confirms anyone (the editor is warned instead, see capacity_warning).
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = lock_session(session.pk)
        fingerprint = locked.schedule_fingerprint()
        updates = {}
        if locked.ical_fingerprint and fingerprint != locked.ical_fingerprint:
            updates["ical_sequence"] = locked.ical_sequence + 1
        if fingerprint != locked.ical_fingerprint:
            updates["ical_fingerprint"] = fingerprint
        if locked.cancelled and not locked.cancellation_notified_at:
            updates["cancellation_notified_at"] = now
            for registration in locked.registrations.active():
                emails.session_cancelled(registration, locked)
        if updates:
            session_pages().filter(pk=locked.pk).update(**updates)
        if not locked.cancelled:
            return promote_waitlist(locked, now=now)
    return []


def send_reminders(*, now=None, ahead=None):
    """Remind confirmed registrants of sessions starting within `ahead` (2 days).

    Safe to run every hour and from several processes at once: each reminder is
    claimed with a conditional UPDATE on `reminder_sent_at`, so it is sent once.
    """
    now = now or timezone.now()
    ahead = ahead or timedelta(days=2)
    candidates = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        session__live=True,
        session__cancelled=False,
        session__start__gt=now,
        session__start__lte=now + ahead,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(candidates):
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if claimed:
                emails.session_reminder(Registration.objects.select_related("session").get(pk=pk))
                sent += 1
    return sent


def capacity_warning(session):
    """A French warning when the capacity is below the seats already confirmed, else None."""
    taken = session.count_seats_taken()
    if session.capacity < taken:
        return _(
            "Attention : la session « %(title)s » compte %(taken)s places confirmées pour une capacité de "
            "%(capacity)s. Personne n’a été désinscrit ; annulez des inscriptions si nécessaire."
        ) % {"title": session.title, "taken": taken, "capacity": session.capacity}
    return None


def order_sessions(course):
    """Put a course's sessions in tree order by start (earliest first). Returns how many moved."""
    TrainingSessionPage = apps.get_model("courses", "TrainingSessionPage")
    moved = 0
    wanted = list(TrainingSessionPage.objects.child_of(course).order_by("start", "pk").values_list("pk", flat=True))
    for position, pk in enumerate(wanted):
        current = list(course.get_children().values_list("pk", flat=True))
        if current[position] != pk:
            node = TrainingSessionPage.objects.get(pk=pk)
            target = course.get_children().get(pk=current[position])
            node.move(target, pos="left")
            moved += 1
    return moved
