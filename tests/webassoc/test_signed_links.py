"""Signed links (webassoc.signed_links): one helper for every link sent by email. Links already in
people's inboxes keep working, an expired link answers 410 with one polite page everywhere, and the
token is read the same way in every view."""

import time

import pytest
from django.core import signing
from django.test import RequestFactory

from alerts import services as alerts_services
from home import services as home_services
from missions import tokens as mission_tokens
from tests.alerts.factories import SessionWaiterFactory, SubscriptionFactory
from tests.courses.factories import TrainingPageFactory
from tests.home.factories import ManifestoPageFactory, SignatureFactory
from tests.missions.factories import ApplicationFactory, MissionIndexPageFactory
from webassoc.signed_links import LinkExpired, LinkInvalid, SignedLink, link, token_from

pytestmark = pytest.mark.django_db


def made_the_old_way(salt, value, *, expires=True):
    """A token as the three implementations before webassoc.signed_links made it."""
    signer = signing.TimestampSigner(salt=salt) if expires else signing.Signer(salt=salt)
    return signer.sign(value)


def later(monkeypatch, days):
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + days * 86400)


def test_links_already_sent_by_email_are_still_read(home_page):
    signature = SignatureFactory(page=ManifestoPageFactory(parent=home_page, slug="manifeste"), confirmed_at=None)
    subscription, application = SubscriptionFactory(confirmed_at=None), ApplicationFactory()
    waiter = SessionWaiterFactory(course=TrainingPageFactory())

    assert home_services.CONFIRM.read_id(made_the_old_way("home.manifesto.signature", str(signature.pk))) == signature.pk
    assert alerts_services.CONFIRM.read_id(
        made_the_old_way("alerts.subscription.confirm", str(subscription.pk))) == subscription.pk
    assert alerts_services.MANAGE.read_id(
        made_the_old_way("alerts.subscription.manage", str(subscription.pk), expires=False)) == subscription.pk
    assert alerts_services.WAITER.read_id(made_the_old_way("alerts.waiter.confirm", str(waiter.pk))) == waiter.pk
    assert mission_tokens.read(mission_tokens.FOLLOW, made_the_old_way(
        "missions.links.suivi", f"{application.pk}.")) == (application.pk, "")
    assert mission_tokens.read(mission_tokens.CHECKIN, made_the_old_way(
        "missions.links.nouvelles", f"{application.pk}.benevole")) == (application.pk, "benevole")
    assert mission_tokens.read(mission_tokens.FEEDBACK, made_the_old_way(
        "missions.links.avis", f"{application.pk}.association")) == (application.pk, "association")


def test_links_made_now_have_the_format_of_before():
    assert signing.TimestampSigner(salt="missions.links.suivi").unsign(
        SignedLink("missions.links.suivi", mission_tokens.FOLLOW.max_age).make(12, "")) == "12."
    assert signing.Signer(salt="alerts.subscription.manage").unsign(alerts_services.MANAGE.make(12)) == "12"


def test_a_link_for_one_purpose_never_works_for_another():
    confirm, other = SignedLink("test.confirm", None), SignedLink("test.other", None)

    with pytest.raises(LinkInvalid):
        other.read(confirm.make(12))


def test_a_link_expires_after_its_lifetime_and_says_how_long_it_lasted(monkeypatch):
    from datetime import timedelta

    purpose = SignedLink("test.purpose", timedelta(days=3))
    token = purpose.make(12)
    later(monkeypatch, 4)

    with pytest.raises(LinkExpired) as refused:
        purpose.read_id(token)
    assert refused.value.http_status == 410 and refused.value.days == 3


def test_an_expired_link_answers_410_with_a_polite_page_in_every_app(client, monkeypatch):
    MissionIndexPageFactory()
    follow = mission_tokens.make(mission_tokens.FOLLOW, ApplicationFactory())
    confirm = alerts_services.confirm_token(SubscriptionFactory(confirmed_at=None))
    waiter = alerts_services.waiter_token(SessionWaiterFactory(course=TrainingPageFactory(), confirmed_at=None))
    later(monkeypatch, 400)

    for url in [link("missions:follow", follow), link("alerts:confirm", confirm),
                link("alerts:confirm_waiter", waiter)]:
        response = client.get(url)
        assert response.status_code == 410, url
        assert "Ce lien a expiré" in response.content.decode()


def test_the_token_comes_from_the_form_or_the_query_string_and_is_capped():
    factory = RequestFactory()

    assert token_from(factory.get("/", {"jeton": "abc"})) == "abc"
    assert token_from(factory.post("/?jeton=ignored", {"jeton": "posted"})) == "posted"
    assert token_from(factory.post("/?jeton=from-url", {})) == "from-url"
    assert len(token_from(factory.get("/", {"jeton": "x" * 5000}))) == 200


def test_links_are_built_with_the_token_in_the_query_string():
    assert link("alerts:manage", "12:abc") == "/alertes/preferences/?jeton=12%3Aabc"
    assert link("alerts:manage", "12:abc", absolute=True).endswith("/alertes/preferences/?jeton=12%3Aabc")
    assert link("alerts:manage", "12:abc", absolute=True).startswith("http")
