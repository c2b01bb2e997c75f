"""Skill alerts, the volunteer pool and the "next session" waiting lists.

- subscribe / confirm (double opt-in: nothing is sent before the link is followed), change the
  choices, unsubscribe (which forgets the address at once);
- when a mission goes live, `fan_out()` writes one MissionAlert per matching subscriber (one
  query to find them, bulk inserts; a unique constraint keeps it to one per person and mission);
  `send_due_alerts()` then queues the emails through the outbox, at most ALERTS_PER_RUN per run,
  in transactions of ALERTS_BATCH, so a mission for 5,000 people never holds a worker for long;
- `send_digests()` gathers a week of alerts in one email per person (Mondays);
- `invite()`: a coordinator proposes a mission to pool members, once per person and mission;
- `wait_for_session()` / `confirm_waiter()` / `announce_session()`: people waiting for a course.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from missions.enums import COMMITMENT_HOURS
from missions.models.missions import Mission
from outbox.services import claim_send_slot, queue_emails
from webassoc.enums import Format
from webassoc.errors import polite_lock_timeouts
from webassoc.signed_links import AlreadyUsed, LinkInvalid, SignedLink

from . import emails
from .enums import AlertStatus, Frequency
from .models import MissionAlert, PoolInvitation, SessionWaiter, Subscription

# Signed links (webassoc.signed_links); the lifetimes are those written in the emails and pages.
CONFIRM = SignedLink("alerts.subscription.confirm", timedelta(days=7))
WAITER = SignedLink("alerts.waiter.confirm", timedelta(days=7))
# Change one's choices, unsubscribe: never expires, deliberately. Every alert carries it and an
# unsubscribe link must work from any old email (RFC 8058 one-click, the right to object); it can
# only change or stop alerts, and dies with the subscription (unsubscribing forgets it).
MANAGE = SignedLink("alerts.subscription.manage", None)
EMAIL_INTERVAL = timedelta(minutes=10)  # at most one confirmation email per address every 10 minutes
CHOICE_FIELDS = ("format", "cause", "commitment", "frequency", "in_pool")
DIGEST_WEEKDAY, DIGEST_HOUR = 0, 8  # Mondays from 8:00 (Paris)


def alerts_per_run():
    return getattr(settings, "ALERTS_PER_RUN", 500)


def alerts_batch():
    return getattr(settings, "ALERTS_BATCH", 100)


def already_confirmed():
    return AlreadyUsed(_("Votre adresse est déjà confirmée"))


def already_unsubscribed():
    return AlreadyUsed(_("Votre désinscription est déjà faite"))


# --- tokens ----------------------------------------------------------------------------------

def confirm_token(subscription):
    return CONFIRM.make(subscription.pk)


def manage_token(subscription):
    return MANAGE.make(subscription.pk)


def waiter_token(waiter):
    return WAITER.make(waiter.pk)


def subscription_for_manage_token(token):
    """The subscription a preferences/unsubscribe link points to. A well-signed link whose
    subscription is gone (unsubscribed: the address is forgotten) is an old email's link used
    again: AlreadyUsed ("déjà faite", 200), not an error; a broken token is LinkInvalid."""
    subscription = Subscription.objects.filter(pk=MANAGE.read_id(token)).first()
    if subscription is None or subscription.is_anonymised or subscription.unsubscribed_at is not None:
        raise already_unsubscribed()
    return subscription


# --- subscribing -----------------------------------------------------------------------------

def _choices(skills, **choices):
    return {"skills": sorted(skill.pk for skill in skills), **{name: choices[name] for name in CHOICE_FIELDS}}


def _apply(subscription, choices):
    for name in CHOICE_FIELDS:
        setattr(subscription, name, choices[name])
    subscription.save()
    subscription.skills.set(choices["skills"])


def choices_of(subscription):
    """The subscription's current choices, as `_choices()` writes them."""
    return _choices(subscription.skills.all(), **{name: getattr(subscription, name) for name in CHOICE_FIELDS})


def _send_confirmation(subscription, choices, *, changes=False):
    """Email the confirmation link (restating `choices`), at most once every EMAIL_INTERVAL per address."""
    claimed = claim_send_slot(Subscription.objects.filter(pk=subscription.pk), field="confirmation_sent_at",
                              interval=EMAIL_INTERVAL)
    if claimed:
        emails.subscription_confirmation(subscription, token=confirm_token(subscription), changes=changes,
                                         valid_days=CONFIRM.days, choices=choices)
    return claimed


@polite_lock_timeouts
def subscribe(*, email, skills, format="", cause="", commitment="", frequency=Frequency.IMMEDIATE, in_pool=False):
    """Record a subscription (or new choices for an existing one) and email the link to confirm it.

    The answer is the same whether or not the address was subscribed: a confirmed subscriber's new
    choices wait in `pending_choices` until the link is followed.
    """
    email = email.strip().lower()
    choices = _choices(skills, format=format, cause=cause, commitment=commitment, frequency=frequency,
                       in_pool=in_pool)
    try:
        with transaction.atomic():
            subscription = Subscription.objects.select_for_update().filter(
                email__iexact=email, anonymised_at__isnull=True).first()
            if subscription is None:
                subscription = Subscription.objects.create(email=email)
                _apply(subscription, choices)
            elif subscription.is_confirmed:
                subscription.pending_choices = choices
                subscription.save(update_fields=["pending_choices", "updated_at"])
            else:
                _apply(subscription, choices)
            _send_confirmation(subscription, choices, changes=subscription.is_confirmed)
    except IntegrityError:  # the same address at the same instant: the other one won
        return Subscription.objects.get(email__iexact=email, anonymised_at__isnull=True)
    return subscription


def check_confirm_token(token):
    """The subscription a confirmation link would confirm (the GET page); raises LinkRefused."""
    subscription = Subscription.objects.filter(
        pk=CONFIRM.read_id(token), anonymised_at__isnull=True).first()
    if subscription is None:
        raise LinkInvalid()
    if subscription.is_confirmed and not subscription.pending_choices:
        raise already_confirmed()
    return subscription


@polite_lock_timeouts
def confirm(token):
    """Confirm the subscription (and the choices waiting for confirmation); works once. The first
    confirmation sends the welcome email, which carries the link to change or stop the alerts."""
    checked = check_confirm_token(token)
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=checked.pk)
        if subscription.is_confirmed and not subscription.pending_choices:
            raise already_confirmed()
        first = not subscription.is_confirmed
        if subscription.pending_choices:
            _apply(subscription, subscription.pending_choices)
            subscription.pending_choices = {}
        subscription.confirmed_at = subscription.confirmed_at or timezone.now()
        subscription.save()
        if first:  # the manage link at once, not only with the first alert
            emails.subscription_welcome(subscription, token=manage_token(subscription),
                                        choices=choices_of(subscription))
    return subscription


def change_choices(subscription, *, skills, format="", cause="", commitment="", frequency=Frequency.IMMEDIATE,
                   in_pool=False):
    """From the preferences page (its signed link proves who it is): applied at once."""
    with transaction.atomic():
        _apply(subscription, _choices(skills, format=format, cause=cause, commitment=commitment,
                                      frequency=frequency, in_pool=in_pool))
        subscription.pending_choices = {}
        subscription.save(update_fields=["pending_choices"])
    return subscription


@polite_lock_timeouts
def unsubscribe(subscription):
    """Stop every alert and forget the address at once; True if it was still subscribed."""
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().filter(pk=subscription.pk,
                                                                 anonymised_at__isnull=True).first()
        if locked is None:
            return False
        MissionAlert.objects.filter(subscription=locked, status=AlertStatus.PENDING).update(
            status=AlertStatus.SKIPPED)
        locked.unsubscribed_at = timezone.now()
        locked.in_pool = False
        locked.save(update_fields=["unsubscribed_at", "in_pool"])
        locked.anonymise()
    subscription.refresh_from_db()
    return True


# --- a mission goes live: fan-out, then sending in capped runs --------------------------------

def commitment_of(mission):
    """The commitment value whose range holds the mission's effort, or "" (no estimate)."""
    hours = mission.effort_hours
    if hours is None:
        return ""
    for value, (low, high) in COMMITMENT_HOURS.items():
        if (low is None or hours >= low) and (high is None or hours <= high):
            return value
    return ""


def matching(mission, queryset=None):
    """Active subscriptions wanting this mission: one of its skills, and its format (a hybrid
    mission suits both), cause and commitment when they chose one."""
    queryset = Subscription.objects.active() if queryset is None else queryset
    skill_ids = [item.tag_id for item in mission.tagged_items.all()]
    formats = ["", mission.format] + ([Format.ON_SITE, Format.REMOTE] if mission.format == Format.HYBRID else [])
    commitments = ["", commitment_of(mission)] if mission.effort_hours is not None else None
    queryset = queryset.filter(skills__in=skill_ids, format__in=formats,
                               cause__in=["", mission.association.cause])
    if commitments is not None:
        queryset = queryset.filter(commitment__in=commitments)
    return queryset.distinct()


def fan_out(mission):
    """One pending alert per matching subscriber who never had this mission; how many were added."""
    if not mission.accepts_applications:
        return 0
    subscribers = matching(mission).exclude(alerts__mission=mission).values_list("pk", "frequency")
    now = timezone.now()
    alerts = [MissionAlert(subscription_id=pk, mission=mission, digest=frequency == Frequency.WEEKLY, created_at=now)
              for pk, frequency in subscribers]
    MissionAlert.objects.bulk_create(alerts, batch_size=1000, ignore_conflicts=True)
    return len(alerts)


def send_due_alerts(limit=None, batch=None):
    """Queue the emails of pending immediate alerts: at most `limit` (ALERTS_PER_RUN) in this run,
    `batch` (ALERTS_BATCH) per transaction. Returns (queued, whether some remain)."""
    limit, batch = limit or alerts_per_run(), batch or alerts_batch()
    due = MissionAlert.objects.filter(status=AlertStatus.PENDING, digest=False).order_by("pk")
    ids = list(due.values_list("pk", flat=True)[:limit + 1])
    more, ids = len(ids) > limit, ids[:limit]
    queued = 0
    for start in range(0, len(ids), batch):
        queued += _send_batch(ids[start:start + batch])
    return queued, more


def _send_batch(ids):
    now = timezone.now()
    with transaction.atomic():
        alerts = list(
            MissionAlert.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk__in=ids, status=AlertStatus.PENDING)
            .select_related("subscription", "mission__association")
        )
        sent, skipped, prepared, summaries = [], [], [], {}
        links = emails.mission_links() if alerts else None
        for alert in alerts:
            if alert.subscription.is_active and alert.mission.accepts_applications:
                if alert.mission_id not in summaries:
                    summaries[alert.mission_id] = emails.mission_summary(alert.mission, links)
                prepared.append(emails.mission_alert(alert.subscription, summaries[alert.mission_id],
                                                     token=manage_token(alert.subscription)))
                sent.append(alert.pk)
            else:
                skipped.append(alert.pk)
        queue_emails(prepared)
        MissionAlert.objects.filter(pk__in=sent).update(status=AlertStatus.SENT, sent_at=now)
        MissionAlert.objects.filter(pk__in=skipped).update(status=AlertStatus.SKIPPED)
    return len(sent)


def digest_week_start(now=None):
    """The start of this week's digest: the last Monday 8:00 (Paris) at or before `now`."""
    local = timezone.localtime(now or timezone.now())
    monday = local.date() - timedelta(days=(local.weekday() - DIGEST_WEEKDAY) % 7)
    start = timezone.make_aware(datetime.combine(monday, time(DIGEST_HOUR)))
    return start if start <= local else start - timedelta(days=7)


def send_digests(now=None, limit=None):
    """Once a week (from Monday 8:00), one email per weekly subscriber listing the week's matching
    missions still open. At most `limit` people per run; returns (emails queued, whether some remain)."""
    now = now or timezone.now()
    week = digest_week_start(now)
    limit = limit or alerts_per_run()
    due = (Subscription.objects.active()
           .filter(alerts__status=AlertStatus.PENDING, alerts__digest=True, alerts__created_at__lt=week)
           .filter(models.Q(last_digest_at__isnull=True) | models.Q(last_digest_at__lt=week))
           .distinct().order_by("pk"))
    ids = list(due.values_list("pk", flat=True)[:limit + 1])
    queued = 0
    # The week's missions are few and shared by everybody: their links and summaries once per run.
    links, summaries = emails.mission_links(), {}
    for pk in ids[:limit]:
        queued += _send_digest(pk, week, now, links, summaries)
    return queued, len(ids) > limit


def _send_digest(subscription_id, week, now, links, summaries):
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription_id)
        if subscription.last_digest_at and subscription.last_digest_at >= week:
            return 0  # another run sent it
        pending = MissionAlert.objects.filter(subscription=subscription, status=AlertStatus.PENDING, digest=True,
                                              created_at__lt=week)
        mission_ids = list(pending.values_list("mission_id", flat=True))
        open_ids = set(Mission.objects.open().filter(pk__in=mission_ids).values_list("pk", flat=True))
        unknown = [pk for pk in mission_ids if pk in open_ids and pk not in summaries]
        for mission in Mission.objects.filter(pk__in=unknown).for_listing():
            summaries[mission.pk] = emails.mission_summary(mission, links)
        shown = [summaries[pk] for pk in mission_ids if pk in open_ids]
        if shown:
            emails.weekly_digest(subscription, shown, token=manage_token(subscription), links=links)
        pending.filter(mission_id__in=open_ids).update(status=AlertStatus.SENT, sent_at=now)
        pending.exclude(mission_id__in=open_ids).update(status=AlertStatus.SKIPPED)
        subscription.last_digest_at = now
        subscription.save(update_fields=["last_digest_at"])
    return int(bool(shown))


# --- the volunteer pool ------------------------------------------------------------------------

def pool_for(mission):
    """Pool members with one of the mission's skills (other choices ignored: the team judges): those
    not invited yet first, the best matches (most skills in common) first among them, then by
    address; each with `already_invited` and `skills_in_common`."""
    skill_ids = [item.tag_id for item in mission.tagged_items.all()]
    invited = PoolInvitation.objects.filter(mission=mission, subscription=models.OuterRef("pk"))
    return (Subscription.objects.pool().filter(skills__in=skill_ids)
            .annotate(skills_in_common=models.Count("skills", distinct=True),
                      already_invited=models.Exists(invited))
            .prefetch_related("skills").order_by("already_invited", "-skills_in_common", "email"))


def invite(mission, subscriptions, *, invited_by=None):
    """Email each pool member an invitation to apply, once per person and mission; how many were sent."""
    sent = 0
    for subscription in subscriptions:
        if not subscription.is_active or not subscription.in_pool:
            continue
        with transaction.atomic():
            _invitation, created = PoolInvitation.objects.get_or_create(
                subscription=subscription, mission=mission, defaults={"invited_by": invited_by})
            if created:
                emails.pool_invitation(subscription, mission, token=manage_token(subscription))
                sent += 1
    return sent


# --- "prévenez-moi de la prochaine session" ----------------------------------------------------

@polite_lock_timeouts
def wait_for_session(course, *, email):
    """Record (or renew) someone waiting for a new session of `course`, and email the link to confirm:
    at most one such email per address every EMAIL_INTERVAL, whatever the course."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            waiter, created = SessionWaiter.objects.select_for_update().get_or_create(
                course=course, email__iexact=email, anonymised_at__isnull=True, defaults={"email": email})
            if not created and waiter.notified_at is not None:  # told once: waiting again needs a new yes
                waiter.notified_at, waiter.notified_session, waiter.confirmed_at = None, None, None
                waiter.save(update_fields=["notified_at", "notified_session", "confirmed_at"])
            if waiter.confirmed_at is None and _may_email_waiter(waiter):
                emails.waiter_confirmation(waiter, token=waiter_token(waiter), valid_days=WAITER.days)
    except IntegrityError:
        waiter = SessionWaiter.objects.get(course=course, email__iexact=email, anonymised_at__isnull=True)
    return waiter


def _may_email_waiter(waiter):
    """Claim the one confirmation email the address may get now (the same address waiting for
    another course counts too)."""
    recent = SessionWaiter.objects.filter(email__iexact=waiter.email, anonymised_at__isnull=True,
                                          confirmation_sent_at__gt=timezone.now() - EMAIL_INTERVAL)
    if recent.exclude(pk=waiter.pk).exists():
        return False
    return claim_send_slot(SessionWaiter.objects.filter(pk=waiter.pk), field="confirmation_sent_at",
                           interval=EMAIL_INTERVAL)


def check_waiter_token(token):
    waiter = SessionWaiter.objects.filter(pk=WAITER.read_id(token),
                                          anonymised_at__isnull=True).select_related("course").first()
    if waiter is None:
        raise LinkInvalid()
    if waiter.is_confirmed:
        raise already_confirmed()
    return waiter


def confirm_waiter(token):
    waiter = check_waiter_token(token)
    updated = SessionWaiter.objects.filter(pk=waiter.pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())
    if not updated:
        raise already_confirmed()
    waiter.refresh_from_db()
    return waiter


def announce_session(session):
    """A session of a course was published: tell each confirmed person waiting for it, once."""
    if session.cancelled or session.start <= timezone.now() or not session.live:
        return 0
    course = session.course
    told = 0
    with transaction.atomic():
        waiters = list(SessionWaiter.objects.select_for_update().filter(
            course=course, confirmed_at__isnull=False, notified_at__isnull=True, anonymised_at__isnull=True))
        for waiter in waiters:
            emails.session_announcement(waiter, session)
            told += 1
        SessionWaiter.objects.filter(pk__in=[waiter.pk for waiter in waiters]).update(
            notified_at=timezone.now(), notified_session=session)
    return told
