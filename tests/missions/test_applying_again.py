"""A volunteer who withdrew may apply again to the same mission: the one application per address
and mission is reopened with what they send now, the team is told as for a new one, and the steps
keep the whole story. An application in progress or already declined is refused, with a true
message."""

import re

import pytest
from django.core import mail

from missions import services
from missions.models import Application

from .factories import ApplicationFactory, MissionFactory

pytestmark = pytest.mark.django_db

SAM = {"name": "Sam", "email": "sam@example.org", "message": "Je peux aider.", "consent": "on"}
FOLLOW = re.compile(r"https?://[^/\s]+(/candidatures/suivi/\?jeton=\S+)")


def apply(client, mission, **data):
    return client.post(f"/missions/{mission.slug}/", {**SAM, **data}, follow=True)


def withdraw_from_the_follow_link(client):
    follow = FOLLOW.search(mail.outbox[0].body).group(1)
    client.post(follow.replace("/suivi/", "/retrait/"))


def text_of(response):
    return response.content.decode().replace("&nbsp;", "\xa0").replace("&#x27;", "’")


def test_a_volunteer_who_withdrew_can_apply_again_with_a_new_message(client, index_page):
    mission = MissionFactory()
    apply(client, mission, availability="Le soir")
    withdraw_from_the_follow_link(client)
    mail.outbox.clear()

    response = apply(client, mission, message="Finalement, je suis disponible.", availability="Le week-end")

    assert "Vous avez déjà candidaté" not in text_of(response)
    application = Application.objects.get()  # still one application per address and mission
    assert application.status == "nouvelle"
    assert application.message == "Finalement, je suis disponible."
    assert application.availability == "Le week-end"
    assert "Retirée par le bénévole" in application.note
    assert "envoyée de nouveau par le bénévole" in application.note


def test_applying_again_notifies_the_team_and_confirms_to_the_volunteer_as_a_new_application(client, index_page):
    mission = MissionFactory()
    apply(client, mission)
    withdraw_from_the_follow_link(client)
    mail.outbox.clear()

    apply(client, mission)

    assert [m.to for m in mail.outbox if "Nouvelle candidature" in m.subject]
    assert any(m.to == ["sam@example.org"] for m in mail.outbox)
    team = next(m for m in mail.outbox if "Nouvelle candidature" in m.subject)
    assert "avait retiré sa candidature" in team.body


def test_the_steps_keep_the_first_application_the_withdrawal_and_the_new_one(client, index_page):
    mission = MissionFactory()
    apply(client, mission)
    withdraw_from_the_follow_link(client)

    apply(client, mission)

    steps = list(Application.objects.get().steps.order_by("at", "pk").values_list("previous_status", "status"))
    assert steps == [("", "nouvelle"), ("nouvelle", "retiree"), ("retiree", "nouvelle")]
    assert Application.objects.get().steps.last().by_volunteer


def test_a_reopened_application_counts_as_received_now_for_reminders_and_answer_times(index_page):
    from datetime import timedelta

    from django.utils import timezone

    long_ago = timezone.now() - timedelta(days=30)
    application = ApplicationFactory(created_at=long_ago, reminded_at=long_ago, late_reminded_at=long_ago)
    services.change_status(application, status="mise_en_relation")
    services.withdraw(application)

    again = services.apply(application.mission, name="Sam", email=application.email, message="Me revoilà.",
                           consent=True)

    assert again.pk == application.pk
    assert again.created_at > long_ago
    assert again.reminded_at is None and again.late_reminded_at is None
    assert again.first_answered_at is None and again.matched_at is None


@pytest.mark.parametrize("status", ["nouvelle", "preselectionnee", "mise_en_relation"])
def test_an_application_in_progress_is_still_refused_politely(index_page, status):
    application = ApplicationFactory(status=status)

    with pytest.raises(services.DuplicateApplication) as refused:
        services.apply(application.mission, name="Sam", email=application.email, message="Encore moi.",
                       consent=True)

    assert "reviendra vers vous" in refused.value.message
    assert Application.objects.get().message != "Encore moi."


def test_a_declined_application_is_refused_saying_the_team_has_answered(client, index_page):
    mission = MissionFactory()
    application = ApplicationFactory(mission=mission, email="sam@example.org")
    services.change_status(application, status="declinee", decline_reason="profil")
    sent = len(mail.outbox)

    response = apply(client, mission)

    html = text_of(response)
    assert "l’équipe vous a répondu par e-mail" in html
    assert "reviendra vers vous" not in html
    application.refresh_from_db()
    assert application.status == "declinee" and len(mail.outbox) == sent


def test_an_anonymised_application_leaves_the_queue_but_an_introduction_stays_counted():
    from missions.enums import ApplicationStatus
    from missions.models import Application

    waiting = ApplicationFactory(status=ApplicationStatus.NEW)
    introduced = ApplicationFactory(status=ApplicationStatus.INTRODUCED)

    waiting.anonymise()
    introduced.anonymise()

    assert Application.objects.get(pk=waiting.pk).status == ApplicationStatus.WITHDRAWN
    assert Application.objects.get(pk=introduced.pk).status == ApplicationStatus.INTRODUCED
    assert not Application.objects.filter(status__in=[ApplicationStatus.NEW]).exists()  # no reminder


def test_the_follow_page_says_the_application_was_sent_again_after_the_withdrawal(client, index_page):
    mission = MissionFactory()
    apply(client, mission)
    withdraw_from_the_follow_link(client)
    apply(client, mission)

    follow = FOLLOW.search(mail.outbox[0].body).group(1)
    html = text_of(client.get(follow))

    steps = re.findall(r"</time> – ([^<]+)</li>", html)
    assert steps == ["Candidature reçue", "Retirée", "Candidature envoyée de nouveau"]
