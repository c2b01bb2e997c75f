"""A request for a mission done on site (even in part) says where; the team's e-mail about a new
request gives everything needed to call the association back: place and format, website, phone."""

import pytest
from django.core import mail

from missions.forms import MissionRequestForm
from missions.models import MissionRequest

from .test_pages import REQUEST

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("format_", "message"), [
    ("sur_place", "Indiquez la ville, puisque la mission se fait sur place."),
    ("hybride", "Indiquez la ville, puisque la mission se fait en partie sur place."),
])
def test_an_on_site_or_hybrid_request_without_a_town_is_refused_on_the_town_field(client, index_page, format_, message):
    response = client.post("/missions/proposer/", {**REQUEST, "format": format_, "city": "  "})

    assert response.status_code == 200
    assert response.context["form"].errors == {"city": [message]}
    assert message in response.content.decode()
    assert not MissionRequest.objects.exists()
    assert mail.outbox == []


def test_a_remote_request_needs_no_town(client, index_page):
    response = client.post("/missions/proposer/", {**REQUEST, "format": "a_distance", "city": ""})

    assert response.status_code == 302
    assert MissionRequest.objects.get().city == ""


def test_the_town_field_says_when_it_is_needed(client, index_page):
    html = client.get("/missions/proposer/").content.decode()

    assert "Obligatoire si la mission se fait sur place, même en partie." in html


def team_email():
    [email] = [message for message in mail.outbox if message.to == ["equipe@webassoc.test"]]
    return email.body, email.alternatives[0][0]


def test_the_team_email_gives_the_place_the_website_and_the_phone(client, index_page, settings):
    settings.TEAM_EMAIL = "equipe@webassoc.test"

    client.post("/missions/proposer/", {**REQUEST, "format": "sur_place", "city": "Grenoble",
                                        "phone": "04 76 00 00 00"})

    text, html = team_email()
    assert "Format et lieu\u00a0: Sur place – Grenoble" in text
    assert "Site web\u00a0: https://amis-du-canal.example.org" in text
    assert "Téléphone\u00a0: 04 76 00 00 00" in text
    assert "Échéance souhaitée\u00a0: 30 juin 2031" in text
    assert "Sur place – Grenoble" in html
    assert 'href="https://amis-du-canal.example.org"' in html
    assert "04 76 00 00 00" in html


def test_the_team_email_says_when_no_website_nor_phone_was_given(client, index_page, settings):
    settings.TEAM_EMAIL = "equipe@webassoc.test"

    client.post("/missions/proposer/", {**REQUEST, "website": "", "phone": ""})

    text, _html = team_email()
    assert "Site web\u00a0: non indiqué" in text
    assert "Téléphone\u00a0: non indiqué" in text
    assert "Format et lieu\u00a0: À distance – Nantes" in text


def test_the_format_comes_before_the_town_it_makes_required(client, index_page):
    html = client.get("/missions/proposer/").content.decode()

    assert html.index('name="format"') < html.index('name="city"')
    assert list(MissionRequestForm().fields).index("city") == list(MissionRequestForm().fields).index("format") + 1
