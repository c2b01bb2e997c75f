"""Subscribing to alerts: double opt-in, one subscription per address, changing one's choices,
one-click unsubscribe (RFC 8058)."""

import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.test import Client

from alerts import services
from alerts.enums import Frequency
from alerts.models import Subscription
from missions.models import Skill

from .factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


def link(message, path):
    return re.search(rf"https?://[^\s\"]+{re.escape(path)}\?jeton=[^\s\"&]+", message.body).group(0)


def token_of(url):
    return parse_qs(urlsplit(url).query)["jeton"][0]


def subscribe_form(**overrides):
    return {"email": "Camille@Example.org", "skills": ["video", "accessibilite"], "format": "", "cause": "",
            "commitment": "", "frequency": "immediate", "in_pool": "on", "consent": "on", **overrides}


def test_the_form_is_prefilled_from_a_skill_page_link(client):
    html = client.get("/alertes/?competences=video").content.decode()

    assert re.search(r'value="video"[^>]*checked', html)


def test_subscribing_sends_only_a_confirmation_until_the_link_is_followed(client):
    response = client.post("/alertes/", subscribe_form())

    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.email == "camille@example.org" and subscription.in_pool
    assert not subscription.is_confirmed
    assert [m.to for m in mail.outbox] == [["camille@example.org"]]
    assert "Confirmez vos alertes" in mail.outbox[0].subject
    assert list(Subscription.objects.active()) == []

    url = link(mail.outbox[0], "/alertes/confirmer/")
    page = client.get(url)  # a mail scanner following the link confirms nothing
    assert page.status_code == 200 and "Je confirme" in page.content.decode()
    subscription.refresh_from_db()
    assert not subscription.is_confirmed

    response = client.post(url.split("?")[0], {"jeton": token_of(url)})
    assert response.status_code == 302 and "/alertes/preferences/?jeton=" in response["Location"]
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    assert client.get(url).status_code == 200  # second use: "déjà confirmée"
    assert "déjà confirmée" in client.get(url).content.decode()


def test_a_broken_or_expired_link_says_so(client, monkeypatch):
    assert client.get("/alertes/confirmer/?jeton=12:abc").status_code == 400
    subscription = SubscriptionFactory(confirmed_at=None)
    token = services.confirm_token(subscription)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + (services.CONFIRM.days + 1) * 86400)

    response = client.get(f"/alertes/confirmer/?jeton={token}")

    assert response.status_code == 410 and "expiré" in response.content.decode()
    assert services.CONFIRM.days == 7


def test_one_subscription_per_address_whatever_its_case_new_choices_wait_for_confirmation(client):
    existing = SubscriptionFactory(email="camille@example.org", skills=["video"], frequency=Frequency.IMMEDIATE)

    client.post("/alertes/", subscribe_form(email="CAMILLE@example.org", skills=["accessibilite"],
                                            frequency="hebdomadaire"))

    assert Subscription.objects.count() == 1
    existing.refresh_from_db()
    assert [s.slug for s in existing.skills.all()] == ["video"]  # nobody changes it by typing the address
    assert existing.frequency == Frequency.IMMEDIATE
    assert "nouveaux choix" in mail.outbox[-1].subject
    url = link(mail.outbox[-1], "/alertes/confirmer/")
    client.post("/alertes/confirmer/", {"jeton": token_of(url)})
    existing.refresh_from_db()
    assert [s.slug for s in existing.skills.all()] == ["accessibilite"]
    assert existing.frequency == Frequency.WEEKLY and existing.pending_choices == {}


def test_confirmation_emails_to_one_address_are_capped(client):
    client.post("/alertes/", subscribe_form())
    client.post("/alertes/", subscribe_form())

    assert len(mail.outbox) == 1


def test_the_preferences_page_changes_skills_and_frequency_with_the_signed_link_only(client):
    subscription = SubscriptionFactory(skills=["video"])
    token = services.manage_token(subscription)

    assert client.get("/alertes/preferences/?jeton=1:faux").status_code == 400
    response = client.post(f"/alertes/preferences/?jeton={token}", {
        "skills": ["emailing"], "frequency": "hebdomadaire", "format": "a_distance", "cause": "", "commitment": ""})

    assert response.status_code == 302
    subscription.refresh_from_db()
    assert [s.slug for s in subscription.skills.all()] == ["emailing"]
    assert subscription.frequency == Frequency.WEEKLY and subscription.format == "a_distance"
    assert not subscription.in_pool


def test_one_click_unsubscribe_works_by_post_without_session_nor_csrf_token():
    subscription = SubscriptionFactory(email="zoe@example.org", skills=["video"], in_pool=True)
    token = services.manage_token(subscription)
    client = Client(enforce_csrf_checks=True)

    # What a mail client sends for List-Unsubscribe-Post (RFC 8058).
    response = client.post(f"/alertes/desinscription/?jeton={token}", "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None and subscription.is_anonymised
    assert "zoe@example.org" not in subscription.email and not subscription.in_pool
    assert list(Subscription.objects.active()) == []
    again = client.post(f"/alertes/desinscription/?jeton={token}", "List-Unsubscribe=One-Click",
                        content_type="application/x-www-form-urlencoded")
    assert again.status_code == 200  # idempotent


def test_unsubscribe_link_opened_in_a_browser_asks_first(client):
    subscription = SubscriptionFactory()
    token = services.manage_token(subscription)

    response = client.get(f"/alertes/desinscription/?jeton={token}")

    assert response.status_code == 200 and "Me désinscrire" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.is_active


def test_the_form_refuses_an_empty_skill_list_with_a_french_message(client):
    response = client.post("/alertes/", subscribe_form(skills=[]))

    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()
    assert not Subscription.objects.exists() and Skill.objects.exists()


def test_an_absurd_course_number_is_a_404_not_a_database_error(client):
    assert client.get("/alertes/prochaine-session/9448599036319700992/").status_code == 404
    assert client.get("/alertes/prochaine-session/123456/").status_code == 404


def test_a_lock_timeout_while_subscribing_asks_to_try_again_and_keeps_the_answers(client, locks_time_out):
    response = client.post("/alertes/", subscribe_form())

    assert response.status_code == 503 and response["Retry-After"] == "5"
    html = response.content.decode()
    assert "réessayer dans quelques secondes" in html and 'value="Camille@Example.org"' in html
    assert not Subscription.objects.exists() and not mail.outbox


def test_a_lock_timeout_during_one_click_unsubscribe_answers_503_so_the_mail_client_retries(locks_time_out):
    subscription = SubscriptionFactory()

    response = Client(enforce_csrf_checks=True).post(
        f"/alertes/desinscription/?jeton={services.manage_token(subscription)}", "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded")

    assert response.status_code == 503 and response["Retry-After"] == "5"
    subscription.refresh_from_db()
    assert subscription.is_active


def test_the_link_to_change_or_stop_alerts_never_expires(client, monkeypatch):
    subscription = SubscriptionFactory()
    token = services.manage_token(subscription)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 10 * 365 * 86400)

    assert services.MANAGE.days is None
    assert client.get(f"/alertes/desinscription/?jeton={token}").status_code == 200
    assert client.get(f"/alertes/preferences/?jeton={token}").status_code == 200


def test_an_old_unsubscribe_or_preferences_link_opened_after_unsubscribing_says_it_is_done_and_offers_to_come_back(
    client,
):
    subscription = SubscriptionFactory(email="zoe@example.org", skills=["video"])
    token = services.manage_token(subscription)
    client.post("/alertes/desinscription/", {"jeton": token})

    for path in ("/alertes/desinscription/", "/alertes/preferences/"):
        response = client.get(f"{path}?jeton={token}")

        html = response.content.decode()
        assert response.status_code == 200, path
        assert "Votre désinscription est déjà faite" in html and "pas valide" not in html
        assert 'href="/alertes/"' in html  # subscribe again
        assert 'name="jeton"' not in html  # nothing left to change or stop
    again = client.post("/alertes/preferences/", {"jeton": token, "skills": ["video"], "frequency": "immediate"})
    assert again.status_code == 200 and "déjà faite" in again.content.decode()
    assert not Subscription.objects.active().exists()


def test_a_broken_preferences_link_is_still_refused_as_not_valid(client):
    SubscriptionFactory()

    response = client.get("/alertes/desinscription/?jeton=1:faux")

    assert response.status_code == 400 and "pas valide" in response.content.decode()


def test_subscribing_again_within_ten_minutes_promises_no_email_and_answers_like_for_anyone(client):
    first = client.post("/alertes/", subscribe_form(), follow=True).content.decode()
    second = client.post("/alertes/", subscribe_form(), follow=True).content.decode()
    stranger = client.post("/alertes/", subscribe_form(email="inconnue@example.org"), follow=True).content.decode()

    assert len([m for m in mail.outbox if m.to == ["camille@example.org"]]) == 1
    for html in (first, second, stranger):
        assert "vient de partir" not in html
        assert "Pour activer vos alertes, ouvrez le lien de l’e-mail de confirmation" in html
        assert "un seul e-mail part toutes les 10 minutes" in html
        assert "indésirables" in html
    assert services.EMAIL_INTERVAL.total_seconds() == 10 * 60  # the figure the page states


def test_the_confirmation_email_restates_the_chosen_skills_frequency_and_pool(client):
    client.post("/alertes/", subscribe_form(skills=["video", "accessibilite"], frequency="hebdomadaire",
                                            format="a_distance", in_pool="on"))

    message, = mail.outbox
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "Accessibilité" in body and "Vidéo" in body
        assert "Un résumé par semaine" in body and "À distance" in body
        assert "Vivier des bénévoles disponibles\u00a0: oui" in body or "Vivier des bénévoles disponibles&nbsp;: oui" in body


def test_new_choices_of_a_confirmed_subscriber_are_restated_not_the_old_ones(client):
    SubscriptionFactory(email="camille@example.org", skills=["video"])

    client.post("/alertes/", subscribe_form(skills=["emailing"], in_pool=""))

    body = mail.outbox[-1].body
    assert "Campagnes e-mail" in body.split("Les choix à confirmer")[1] and "Vidéo" not in body
    assert "Vivier des bénévoles disponibles\u00a0: non" in body


def test_confirming_sends_a_welcome_email_with_the_link_to_change_or_stop_the_alerts(client):
    client.post("/alertes/", subscribe_form(frequency="immediate"))
    url = link(mail.outbox[0], "/alertes/confirmer/")

    client.post("/alertes/confirmer/", {"jeton": token_of(url)})

    welcome = mail.outbox[-1]
    assert len(mail.outbox) == 2 and welcome.to == ["camille@example.org"]
    assert "activées" in welcome.subject
    assert "Dès qu’une mission paraît" in welcome.body and "Vidéo" in welcome.body
    manage = link(welcome, "/alertes/preferences/")
    assert client.get(manage).status_code == 200
    assert link(welcome, "/alertes/desinscription/")
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    client.post("/alertes/confirmer/", {"jeton": token_of(url)})  # a second click: no second welcome
    assert len(mail.outbox) == 2


def test_confirming_new_choices_sends_no_second_welcome(client):
    SubscriptionFactory(email="camille@example.org", skills=["video"])
    client.post("/alertes/", subscribe_form(skills=["emailing"]))
    url = link(mail.outbox[-1], "/alertes/confirmer/")

    client.post("/alertes/confirmer/", {"jeton": token_of(url)})

    assert len(mail.outbox) == 1


def test_the_pool_help_text_is_conditional_since_the_box_starts_unticked(client):
    html = client.get("/alertes/").content.decode()

    assert re.search(r'<input type="checkbox" name="in_pool"(?![^>]*checked)', html)
    assert "Si vous cochez cette case, vous rejoignez le vivier" in html
    assert "Vous rejoignez le vivier" not in html


def test_the_alert_form_offers_the_vocabulary_and_skills_of_open_missions_not_a_drafts_typo(client, index_page):
    from tests.missions.factories import MissionFactory

    Skill.objects.create(name="Zèbrécriture", slug="zebrecriture")
    MissionFactory(skills=["zebrecriture"], live=False)  # typed in a draft only
    Skill.objects.create(name="Podcast", slug="podcast")
    MissionFactory(skills=["podcast"])

    html = client.get("/alertes/").content.decode()

    assert 'value="podcast"' in html and 'value="video"' in html
    assert "zebrecriture" not in html
