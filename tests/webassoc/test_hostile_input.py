"""Hostile input gets a 4xx or a form error, never a 500, and never changes what the site shows."""

import pytest
from django import forms

from courses.models import Registration
from home.models import Signature
from tests.courses.factories import TrainingSessionPageFactory, registration_data
from tests.home.factories import ManifestoPageFactory, NewsIndexPageFactory, SignatureFactory
from tests.missions.factories import MissionFactory, MissionIndexPageFactory
from tests.webassoc.test_public_forms import build, public_forms
from webassoc.forms import CheckboxInput, without_bidi_controls

pytestmark = pytest.mark.django_db

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.RATELIMIT_ENABLED = False


@pytest.fixture
def manifesto(home_page):
    return ManifestoPageFactory(parent=home_page, slug="manifeste")


SIGNATURE = {
    "first_name": "Camille", "last_name": "Exemple", "email": "camille@exemple.org",
    "profession": "Développeuse web", "organisation": "", "city": "Nantes", "consent": "on",
}


# --- NUL bytes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "/recherche/?q=%00",
    "/actualites/?tag=%00",
    "/formations/inscriptions/%00/annulation/",
    "/missions/?q=caf%00e",
    "/missions/competences/%00/",
    "/?utm%00=1",
])
def test_a_nul_byte_in_the_address_answers_400_in_french(client, home_page, url):
    NewsIndexPageFactory(parent=home_page, slug="actualites")
    MissionIndexPageFactory()

    response = client.get(url)

    assert response.status_code == 400
    assert "Demande incorrecte" in response.content.decode()


def test_a_nul_byte_in_a_form_value_answers_400_and_records_nothing(client, manifesto):
    response = client.post(manifesto.url, {**SIGNATURE, "city": "Nan\x00tes"})

    assert response.status_code == 400
    assert not Signature.objects.exists()


# --- Lengths and numbers -----------------------------------------------------------------------

def test_an_email_of_300_characters_is_a_form_error_on_the_registration_form(client):
    session = TrainingSessionPageFactory()
    email = "a" * 280 + "@exemple-long.org"

    response = client.post(session.url, registration_data(email=email))

    assert response.status_code == 200
    assert "254 caractères" in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.parametrize("form_class", public_forms(), ids=lambda form_class: form_class.__name__)
def test_every_text_field_of_every_public_form_has_a_maximum_length(form_class):
    form = build(form_class, {})
    unbounded = [name for name, field in form.fields.items()
                 if hasattr(field, "max_length") and field.max_length is None]

    assert unbounded == []


@pytest.mark.parametrize("query", ["?page=99999999999999999999", "?page=-1", "?page=1e400", "?page=%C2%B2"])
def test_huge_or_strange_page_numbers_show_a_page_of_missions(client, query):
    MissionIndexPageFactory()
    MissionFactory(skills=["video"])

    assert client.get("/missions/" + query).status_code == 200
    assert client.get("/missions/competences/video/" + query).status_code == 200


# --- Bidi controls and checkboxes --------------------------------------------------------------

def test_bidi_controls_are_stripped_from_every_value_of_every_public_form(client, manifesto):
    response = client.post(manifesto.url, {
        **SIGNATURE, "first_name": f"{RLO}Camille", "last_name": f"Ex{BIDI}emple", "city": "\u2067Nantes\u2069",
        "show_publicly": "on",
    })

    assert response.status_code == 302
    signature = Signature.objects.get()
    assert (signature.first_name, signature.last_name, signature.city) == ("Camille", "Exemple", "Nantes")


def test_without_bidi_controls_keeps_every_other_character():
    assert without_bidi_controls(f"Zoë{BIDI} O'Brien – عربي") == "Zoë O'Brien – عربي"


def test_the_public_list_isolates_each_name(client, manifesto):
    SignatureFactory(page=manifesto, confirmed=True, first_name="سارة", last_name=f"{RLO}Stored", city="Lyon")

    html = client.get(manifesto.url).content.decode()

    assert f"<bdi>سارة {RLO}Stored</bdi>" in html
    assert "(<bdi>Lyon</bdi>)" in html


@pytest.mark.parametrize("value", ["<script>", "yes", "true", "1", "off"])
def test_show_publicly_is_true_only_for_a_ticked_box(client, manifesto, value):
    client.post(manifesto.url, {**SIGNATURE, "show_publicly": value})

    assert Signature.objects.get().show_publicly is False


def test_a_ticked_box_still_shows_the_name(client, manifesto):
    client.post(manifesto.url, {**SIGNATURE, "show_publicly": "on"})

    assert Signature.objects.get().show_publicly is True


def test_consent_is_given_only_by_a_ticked_box(client, manifesto):
    response = client.post(manifesto.url, {**SIGNATURE, "consent": "<script>"})

    assert response.status_code == 200
    assert "Votre accord est nécessaire" in response.content.decode()
    assert not Signature.objects.exists()


@pytest.mark.parametrize("form_class", public_forms(), ids=lambda form_class: form_class.__name__)
def test_every_checkbox_of_every_public_form_is_strict(form_class):
    form = build(form_class, {})
    checkboxes = [field for field in form.fields.values() if isinstance(field, forms.BooleanField)]

    assert all(isinstance(field.widget, CheckboxInput) for field in checkboxes)
