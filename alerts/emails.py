"""Emails of the alerts app, all through the outbox. Every email about alerts or the pool carries
the link to change one's choices and a one-click unsubscribe (RFC 8058 headers)."""

from missions.enums import Cause, Commitment
from missions.models.missions import mission_index
from missions.models.skills import Skill
from outbox.rendering import computed_when_rendered, later
from outbox.services import absolute_url, prepare_email, queue_email
from webassoc.enums import Format
from webassoc.signed_links import link

from .enums import Frequency


def manage_links(token):
    return {"manage_url": link("alerts:manage", token, absolute=True),
            "unsubscribe_url": link("alerts:unsubscribe", token, absolute=True)}


def unsubscribe_headers(token):
    """RFC 8058: mail clients show an "unsubscribe" button that POSTs to this address."""
    return {
        "List-Unsubscribe": f"<{link('alerts:unsubscribe', token, absolute=True)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def mission_links():
    """Absolute links of the missions pages, computed once for a batch of emails."""
    index = mission_index()
    return index.full_links() if index is not None else None


def mission_summary(mission, links):
    """What an email shows of a mission (plain values: nothing to read again when rendering)."""
    return {
        "title": mission.title,
        "summary": mission.summary,
        "association": mission.association.name,
        "facts": [str(fact) for fact in mission.facts()],
        "url": links.mission(mission) if links is not None else "",
    }


@computed_when_rendered
def choices_summary(choices):
    """The choices of a subscription as an email restates them (`choices` is what
    services._choices() returns: skill ids and stored values). Stored emails name it: keep its
    name and argument."""
    def label(enum, value):
        return str(enum(value).label) if value in enum.values else ""

    return {
        "skills": list(Skill.objects.filter(pk__in=choices.get("skills", [])).order_by("name")
                       .values_list("name", flat=True)),
        "frequency": label(Frequency, choices.get("frequency", "")),
        "format": label(Format, choices.get("format", "")),
        "cause": label(Cause, choices.get("cause", "")),
        "commitment": label(Commitment, choices.get("commitment", "")),
        "in_pool": bool(choices.get("in_pool")),
    }


def subscription_confirmation(subscription, *, token, valid_days, changes=False, choices=None):
    """`choices`: those to confirm (services._choices()), restated in the email."""
    return queue_email(
        subscription.email, "alerts/subscription_confirmation",
        {"confirm_url": link("alerts:confirm", token, absolute=True), "changes": changes, "valid_days": valid_days,
         "choices": later(choices_summary, choices) if choices is not None else None},
        tag="alerts_confirmation",
    )


def subscription_welcome(subscription, *, token, choices):
    """After the first confirmation: the alerts are on, with the link to change or stop them (kept
    until the first alert arrives)."""
    return queue_email(
        subscription.email, "alerts/subscription_welcome",
        {"choices": later(choices_summary, choices), **manage_links(token)},
        headers=unsubscribe_headers(token), tag="alerts_welcome",
    )


def mission_alert(subscription, summary, *, token):
    """Prepared, not stored: a fan-out stores a batch of them at once (outbox.queue_emails).
    `summary` is mission_summary(), computed once per mission for the whole batch."""
    return prepare_email(
        subscription.email, "alerts/mission_alert", {"mission": summary, **manage_links(token)},
        headers=unsubscribe_headers(token), tag="alerts_mission",
    )


def weekly_digest(subscription, summaries, *, token, links):
    """`summaries` are mission_summary() values and `links` mission_links(), both computed once for
    a whole run of digests."""
    return queue_email(
        subscription.email, "alerts/weekly_digest",
        {"missions": summaries, "list_url": absolute_url(links.index) if links else "", **manage_links(token)},
        headers=unsubscribe_headers(token), tag="alerts_digest",
    )


def pool_invitation(subscription, mission, *, token):
    return queue_email(
        subscription.email, "alerts/pool_invitation",
        {"mission": mission_summary(mission, mission_links()), **manage_links(token)},
        headers=unsubscribe_headers(token), tag="alerts_pool_invitation",
    )


def waiter_confirmation(waiter, *, token, valid_days):
    return queue_email(
        waiter.email, "alerts/waiter_confirmation",
        {"course_title": waiter.course.title, "confirm_url": link("alerts:confirm_waiter", token, absolute=True),
         "valid_days": valid_days},
        tag="alerts_waiter_confirmation",
    )


def session_announcement(waiter, session):
    from courses.formatting import session_dates, session_place

    return queue_email(
        waiter.email, "alerts/session_announcement",
        {"course_title": session.course.title, "session_url": absolute_url(session.get_url()),
         "dates": str(session_dates(session)), "place": str(session_place(session))},
        tag="alerts_session_announcement",
    )
