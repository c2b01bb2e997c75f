"""Mission emails: every link is absolute, the wording is right."""

import re
from html import unescape

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
    services.submit_request(
        association_name="Les Amis QA", contact_name="Paul", email="paul@example.org",
        title="Un besoin", description="Un besoin précis.", consent=True,
    )
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


def by_subject(prefix):
    return next(message for message in mail.outbox if message.subject.startswith(prefix))


def test_emails_name_the_association_as_such_and_never_escape_apostrophes(client, index_page):
    mission = MissionFactory(association__name="Les Amis d'Artagnan", title="L'audit")
    services.introduce(ApplicationFactory(mission=mission, status="preselectionnee"))
    services.submit_request(
        association_name="Les Amis QA", contact_name="Paul", email="paul@example.org",
        title="Un besoin", description="Un besoin précis.", consent=True,
    )

    introduction = by_subject("Mise en relation")
    assert introduction.subject == "Mise en relation avec l’association «\u00a0Les Amis d’Artagnan\u00a0»"
    assert "avec l’association «\u00a0Les Amis d’Artagnan\u00a0»" in introduction.body
    assert by_subject("Une personne bénévole").subject == "Une personne bénévole pour «\u00a0L’audit\u00a0»"
    acknowledgement = by_subject("Votre demande")
    assert "la demande «\u00a0Un besoin\u00a0» de l’association «\u00a0Les Amis QA\u00a0»" in acknowledgement.body
    assert by_subject("Nouvelle demande").subject == "Nouvelle demande de mission de l’association «\u00a0Les Amis QA\u00a0»"
    assert all("&#x27;" not in message.subject + message.body for message in mail.outbox)


def test_the_volunteer_is_not_told_the_association_gets_the_same_email(index_page):
    services.introduce(ApplicationFactory(status="preselectionnee", email="vol@example.org"))

    volunteer = next(message for message in mail.outbox if message.to == ["vol@example.org"])
    assert "le même e-mail" not in volunteer.body
    assert "Nous lui envoyons en même temps vos coordonnées et votre message." in volunteer.body


def test_mission_emails_write_e_mail_with_a_hyphen(client, index_page):
    send_every_mission_email(client)

    for message in mail.outbox:
        text = re.sub(r"\S+@\S+|https?://\S+", "", message.subject + message.body)
        assert not re.search(r"(?<![-\w])(e?mails?|courriels?)\b", text, re.I), message.subject


def html_version(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def readable(html):
    """What a reader of the HTML email sees, link addresses included."""
    return unescape(re.sub(r"<[^>]+>", " ", re.sub(r'<a href="([^"]+)"[^>]*>', r" \1 ", html)))


def test_every_mission_email_has_an_html_version_saying_what_the_text_says(client, index_page):
    send_every_mission_email(client)

    for message in mail.outbox:
        html = html_version(message)
        missing = [word for word in message.body.split() if word != "-" and word not in readable(html)]
        assert html.startswith("<!DOCTYPE html>") and "Webassoc" in html  # emails/base.html
        assert missing == [], f"{message.subject}: {missing}"


def send_every_loop_email(index_page):
    """Every email of the matchmaking loop once."""
    from datetime import timedelta

    from django.utils import timezone

    from .factories import MissionRequestFactory

    mission = MissionFactory(skills=["collecte"])
    MissionFactory(title="Une autre", skills=["collecte"])
    services.change_status(ApplicationFactory(mission=mission, skills=["collecte"]), status="declinee",
                           decline_reason="autre", decline_detail="Trop tard", show_decline_detail=True)
    shortlisted = services.change_status(ApplicationFactory(mission=mission), status="preselectionnee")
    services.change_status(shortlisted, status="nouvelle", notify_again=True)
    services.withdraw(shortlisted)
    ApplicationFactory(mission=mission, created_at=timezone.now() - timedelta(days=3))
    ApplicationFactory(mission=mission, created_at=timezone.now() - timedelta(days=9))
    services.send_application_reminders()
    introduced = services.introduce(ApplicationFactory(mission=mission))
    services.send_checkins(now=introduced.matched_at + timedelta(days=15))
    services.open_case(introduced, side="benevole", description="Besoin d'un conseil")
    services.record_outcome(introduced, outcome="realisee")
    request_ = MissionRequestFactory()
    converted = services.convert_request(request_)
    converted.contact_email = "autre@example.org"
    converted.save_revision().publish()
    converted.refresh_from_db()
    services.introduce(services.apply(converted, name="A", email="a@example.org", message="…", consent=True))


def test_every_loop_email_is_in_french_with_absolute_links_and_an_html_version(index_page):
    send_every_loop_email(index_page)

    templates = {message.subject.split(" ")[0] for message in mail.outbox}
    assert len(mail.outbox) >= 20 and len(templates) > 5
    for message in mail.outbox:
        html = html_version(message)
        missing = [word for word in message.body.split() if word != "-" and word not in readable(html)]
        assert missing == [], f"{message.subject}: {missing}"
        for link in links(message.body):
            assert link.startswith("http"), f"{message.subject}: {link}"
        text = re.sub(r"\S+@\S+|https?://\S+", "", message.subject + message.body)
        assert not re.search(r"(?<![-\w])(e?mails?|courriels?)\b", text, re.I), message.subject
        assert "&#x27;" not in message.subject + message.body, message.subject
