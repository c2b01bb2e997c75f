"""Signed links of the matchmaking loop (no account needed): follow an application, answer a
check-in, give feedback. A token holds the application's id and, for answers, the side it speaks
for (nothing personal), signed with a salt per purpose so that a link made for one purpose or one
record never works for another. Links expire: FOLLOW_LINK_DAYS for the follow link,
ANSWER_LINK_DAYS for the answers (settings)."""

from datetime import timedelta

from django.conf import settings
from django.core import signing

from missions.enums import Side

FOLLOW = "suivi"
CHECKIN = "nouvelles"
FEEDBACK = "avis"
PURPOSES = (FOLLOW, CHECKIN, FEEDBACK)


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def _signer(purpose):
    if purpose not in PURPOSES:
        raise ValueError(purpose)
    return signing.TimestampSigner(salt=f"missions.links.{purpose}")


def max_age(purpose):
    days = settings.FOLLOW_LINK_DAYS if purpose == FOLLOW else settings.ANSWER_LINK_DAYS
    return timedelta(days=days)


def make(purpose, application, side=""):
    return _signer(purpose).sign(f"{application.pk}.{side}")


def read(purpose, token):
    """(application id, side) from a token; LinkExpired or LinkInvalid otherwise."""
    try:
        value = _signer(purpose).unsign(str(token or ""), max_age=max_age(purpose))
    except signing.SignatureExpired as exc:
        raise LinkExpired from exc
    except signing.BadSignature as exc:
        raise LinkInvalid from exc
    pk, _sep, side = value.partition(".")
    if not pk.isdigit() or (side and side not in Side.values) or (purpose != FOLLOW and not side):
        raise LinkInvalid
    return int(pk), side
