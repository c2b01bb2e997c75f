"""The association request form ("Proposer une mission") files nothing under a cause nobody
chose, and lets browsers and phones help with the contact fields."""

import re

import pytest

from missions.forms import MissionRequestForm
from missions.models import MissionRequest

from .test_pages import REQUEST

pytestmark = pytest.mark.django_db


def field_html(html, name):
    return re.search(rf'<(?:input|select|textarea)[^>]*name="{name}"[^>]*>', html).group(0)


def test_the_cause_starts_empty_with_an_invitation_to_choose(client, index_page):
    html = client.get("/missions/proposer/").content.decode()

    select = re.search(r'<select[^>]*name="cause".*?</select>', html, re.S).group(0)
    options = re.findall(r"<option([^>]*)>([^<]*)</option>", select)
    assert options[0][1] == "— Choisissez —"
    assert 'value=""' in options[0][0]
    assert not any("selected" in attrs for attrs, _label in options[1:])


def test_a_request_without_a_cause_is_refused_with_a_french_message_and_nothing_saved(client, index_page):
    response = client.post("/missions/proposer/", {**REQUEST, "cause": ""})

    assert response.status_code == 200
    assert response.context["form"].errors["cause"] == ["Ce champ est obligatoire."]
    assert not MissionRequest.objects.exists()


def test_the_chosen_cause_is_kept(client, index_page):
    client.post("/missions/proposer/", {**REQUEST, "cause": "humanitaire"})

    assert MissionRequest.objects.get().cause == "humanitaire"


def test_the_phone_is_a_tel_field_and_the_contact_fields_say_what_to_autofill(client, index_page):
    html = client.get("/missions/proposer/").content.decode()

    assert 'type="tel"' in field_html(html, "phone")
    assert 'autocomplete="tel"' in field_html(html, "phone")
    assert 'autocomplete="name"' in field_html(html, "contact_name")
    assert 'autocomplete="email"' in field_html(html, "email")
    assert 'autocomplete="organization"' in field_html(html, "association_name")


def test_the_cause_is_required_since_every_request_is_filed_under_one():
    assert MissionRequestForm().fields["cause"].required
