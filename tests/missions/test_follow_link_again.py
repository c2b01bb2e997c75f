"""A volunteer who applies twice to a mission is offered the link to follow the first application,
sent again to that address only, at most once in ten minutes, with the same answer for any address."""

import re

import pytest
from django.core import mail

from missions.models import Application
from webassoc.forms import RATE_LIMITED

from .factories import ApplicationFactory, MissionFactory

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Camille Bénévole",
    "email": "Camille@Example.org",
    "message": "J’ai fait plusieurs audits d’accessibilité, je serais ravie d’aider.",
    "consent": "on",
}


def main_part(response):
    main = response.content.decode().split("<main", 1)[-1].split("</main>")[0]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)  # each answer has its own token


def ask_again(client, mission, email, **kwargs):
    return client.post(f"/missions/{mission.slug}/renvoyer-suivi/", {"renvoi-email": email}, **kwargs)


def test_a_duplicate_application_is_offered_its_follow_link_again_sent_to_that_address_only(client, index_page):
    mission = MissionFactory()
    application = ApplicationFactory(mission=mission, email="camille@example.org")
    mail.outbox.clear()

    refused = main_part(client.post(f"/missions/{mission.slug}/", VALID))
    answer = ask_again(client, mission, "camille@example.org", follow=True)

    assert "Me renvoyer le lien de suivi" in refused
    assert f'action="/missions/{mission.slug}/renvoyer-suivi/"' in refused
    assert 'value="camille@example.org"' in refused  # the address typed travels, hidden
    assert answer.redirect_chain[-1][0] == f"/missions/{mission.slug}/#candidater"
    assert "Si une candidature à cette mission correspond à cette adresse" in main_part(answer)
    assert [message.to for message in mail.outbox] == [["camille@example.org"]]
    sent = mail.outbox[0]
    assert sent.subject == f"Le lien pour suivre votre candidature à «\u00a0{mission.title}\u00a0»"
    follow_path = re.search(r"https?://[^/\s]+(/candidatures/suivi/\?jeton=\S+)", sent.body).group(1)
    assert "Suivre votre candidature" in sent.alternatives[0][0]
    followed = client.get(follow_path)
    assert followed.status_code == 200 and mission.title in followed.content.decode()
    assert Application.objects.get() == application


def test_asking_for_an_unknown_address_gets_the_same_answer_and_sends_nothing(client, index_page):
    mission = MissionFactory()
    ApplicationFactory(mission=mission, email="camille@example.org")
    mail.outbox.clear()

    known = main_part(ask_again(client, mission, "camille@example.org", follow=True))
    unknown = main_part(ask_again(client, mission, "personne@example.org", follow=True))

    assert known == unknown
    assert len(mail.outbox) == 1


def test_the_follow_link_is_resent_at_most_once_in_ten_minutes(client, index_page):
    mission = MissionFactory()
    ApplicationFactory(mission=mission, email="camille@example.org")
    mail.outbox.clear()

    for _ in range(3):
        ask_again(client, mission, "Camille@example.org")

    assert len(mail.outbox) == 1


def test_the_resend_form_is_rate_limited_per_client_and_keeps_the_address(client, index_page, settings):
    settings.RATELIMIT_ENABLED = True
    mission = MissionFactory()
    mail.outbox.clear()

    statuses = [ask_again(client, mission, f"x{n}@example.org").status_code for n in range(7)]

    assert statuses[:5] == [302] * 5 and statuses[5:] == [429, 429]
    over = main_part(ask_again(client, mission, "x@example.org"))
    assert str(RATE_LIMITED) in over and 'value="x@example.org"' in over
    assert len(mail.outbox) == 0


def test_asking_on_a_get_or_for_an_unknown_mission_changes_nothing(client, index_page):
    mission = MissionFactory()

    assert client.get(f"/missions/{mission.slug}/renvoyer-suivi/").status_code == 302
    assert ask_again(client, MissionFactory.build(slug="inconnue"), "a@example.org").status_code == 404
