"""The signed links of the matchmaking loop (no account needed): follow an application, answer a
check-in, give feedback (webassoc.signed_links). A token holds the application's id and, for
answers, the side it speaks for (nothing personal): "<id>.<side>", "<id>." for the follow link.
A salt per purpose, so that a link made for one purpose or one record never works for another.
Links expire: FOLLOW_LINK_DAYS for the follow link, ANSWER_LINK_DAYS for the answers (settings,
read when a link is made or read). Salts and format are those of the links already sent."""

from datetime import timedelta

from django.conf import settings

from missions.enums import Side
from webassoc.signed_links import LinkInvalid, SignedLink

FOLLOW = SignedLink("missions.links.suivi", lambda: timedelta(days=settings.FOLLOW_LINK_DAYS))
CHECKIN = SignedLink("missions.links.nouvelles", lambda: timedelta(days=settings.ANSWER_LINK_DAYS))
FEEDBACK = SignedLink("missions.links.avis", lambda: timedelta(days=settings.ANSWER_LINK_DAYS))

# The views the links open (missions/urls.py), for the emails that make them and the views that
# point to each other: here, not in views.py, which imports the services that send the emails.
FOLLOW_VIEW = "missions:follow"
WITHDRAW_VIEW = "missions:withdraw"
CHECKIN_FINE_VIEW = "missions:checkin_fine"
CHECKIN_HELP_VIEW = "missions:checkin_help"
FEEDBACK_VIEW = "missions:feedback"


def make(purpose, application, side=""):
    return purpose.make(application.pk, side)


def read(purpose, token):
    """(application id, side) from a token; LinkExpired or LinkInvalid (webassoc.signed_links) otherwise."""
    parts = purpose.read(token)
    if len(parts) != 2:
        raise LinkInvalid()
    pk, side = parts
    if not pk.isdigit() or (side and side not in Side.values) or (purpose is not FOLLOW and not side):
        raise LinkInvalid()
    return int(pk), side
