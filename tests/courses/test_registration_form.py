"""The registration form speaks like every public form of the site (webassoc.forms)."""

import pytest
from django.test import RequestFactory

from courses.forms import RegistrationForm
from webassoc.forms import RATE_LIMITED, REQUIRED

from .factories import RegistrationFactory, TrainingSessionPageFactory, registration_data

pytestmark = pytest.mark.django_db


def test_every_required_field_of_the_registration_form_says_the_one_required_message():
    form = RegistrationForm(data={}, session=TrainingSessionPageFactory(max_attendees_per_registration=3))

    assert not form.is_valid()
    for name in ("association_name", "contact_name", "email", "attendees"):
        assert form.errors[name] == [REQUIRED], name


def test_attendees_field_keeps_the_session_maximum_and_its_own_wording():
    form = RegistrationForm(data=registration_data(attendees="4"),
                            session=TrainingSessionPageFactory(max_attendees_per_registration=3))

    assert not form.is_valid()
    assert form.errors["attendees"] == ["Une inscription compte au plus 3 participants pour cette session."]
    assert 'max="3"' in str(form["attendees"]) and 'min="1"' in str(form["attendees"])
    assert str(form.fields["attendees"].help_text) == "De 1 à 3 personnes de votre association."


def test_zero_attendees_is_refused_with_its_own_wording():
    form = RegistrationForm(data=registration_data(attendees="0"), session=TrainingSessionPageFactory())

    assert form.errors["attendees"] == ["Indiquez au moins 1 participant."]


def test_registration_form_over_the_rate_limit_says_the_one_rate_limit_message_with_a_429():
    session = TrainingSessionPageFactory()
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    for _ in range(10):
        assert RegistrationForm(data=registration_data(), session=session).accept(
            request, scope="course-registration")

    form = RegistrationForm(data=registration_data(), session=session)

    assert form.accept(request, scope="course-registration") is False
    assert form.non_field_errors() == [RATE_LIMITED]
    assert form.http_status == 429


def test_a_duplicate_registration_is_said_as_information_above_the_form_kept_as_typed(client):
    """Received already (webassoc.errors.AlreadyReceived), as a duplicate application is: not an
    error to correct. (This test asserted an error on the e-mail field before the rule became one
    for both apps.)"""
    session = TrainingSessionPageFactory()
    RegistrationFactory(session=session, email="camille@jardins.example.org")

    response = client.post(session.url, registration_data(association_name="Les Jardins"))

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors == {}
    assert 'data-testid="already-received"' in html and "existe déjà avec cette adresse" in html
    assert 'class="error-summary' not in html
    assert 'value="Les Jardins"' in html  # what was typed is kept
    assert "Me renvoyer l’e-mail de confirmation" in html
    assert session.registrations.count() == 1
