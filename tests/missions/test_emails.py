"""Mission emails: every link is absolute, the wording is right."""

import re

import pytest
from django.core import mail

from missions import services

from .factories import ApplicationFactory, MissionFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"(?:https?://)?[\w.:-]*/[\w/.?=&%-]*")


def links(text):
    """Every URL-like token of an email body (with or without scheme)."""
    return [token for token in text.split() if "/" in token and LINK.fullmatch(token)]


def send_every_mission_email(client):
    mission = MissionFactory(title="Relance des donateurs", slug="relance-des-donateurs")
    client.post(f"/missions/{mission.slug}/", {
        "name": "Camille", "email": "camille@example.org", "message": "Je peux aider.", "consent": "on",
    })
    services.introduce(ApplicationFactory(mission=mission, status="preselectionnee"))
    services.submit_request({
        "association_name": "Les Amis QA", "contact_name": "Paul", "email": "paul@example.org",
        "title": "Un besoin", "description": "Un besoin précis.", "consent": True,
    })
    return mission


def test_every_link_in_mission_emails_is_absolute(client, index_page):
    send_every_mission_email(client)

    assert len(mail.outbox) == 6
    for message in mail.outbox:
        for link in links(message.body):
            assert link.startswith("http"), f"{message.subject}: {link}\n{message.body}"


def test_the_introduction_gives_both_sides_the_full_mission_url(index_page):
    mission = MissionFactory(slug="relance-des-donateurs")

    services.introduce(ApplicationFactory(mission=mission, status="preselectionnee"))

    for message in mail.outbox:
        assert "http://localhost/missions/relance-des-donateurs/" in message.body
