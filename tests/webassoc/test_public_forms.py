"""Every public form of the site speaks with one voice: one "required" message, one consent message,
one "invalid e-mail" message, one rate-limit message.

The forms are discovered (every subclass of PublicFormMixin in the apps), not listed: a new public
form is checked without anyone remembering to add it here.
"""

import inspect

import pytest
from django import forms
from django.test import RequestFactory

import alerts.forms
import courses.forms
import home.forms
import missions.forms
import webassoc.forms
from webassoc.forms import CONSENT_REQUIRED, INVALID_EMAIL, RATE_LIMITED, REQUIRED, ConsentField, PublicFormMixin

pytestmark = pytest.mark.django_db

APP_FORM_MODULES = {module.__name__ for module in (alerts.forms, courses.forms, home.forms, missions.forms, webassoc.forms)}


def public_forms():
    found, pending = [], list(PublicFormMixin.__subclasses__())
    while pending:
        form_class = pending.pop()
        pending.extend(form_class.__subclasses__())
        if form_class.__module__ in APP_FORM_MODULES:
            found.append(form_class)
    return sorted(found, key=lambda form_class: (form_class.__module__, form_class.__name__))


def required_fields(fields):
    return sorted(
        name for name, field in fields.items() if field.required and not isinstance(field, ConsentField)
    )


def required_field_cases():
    for form_class in public_forms():
        for name in required_fields(form_class.base_fields):
            yield pytest.param(form_class, name, id=f"{form_class.__name__}-{name}")


def fields_of_type(field_type):
    for form_class in public_forms():
        for name, field in form_class.base_fields.items():
            if isinstance(field, field_type):
                yield pytest.param(form_class, name, id=f"{form_class.__name__}-{name}")


def build(form_class, data):
    """The form, with what its constructor requires (a session for a registration…)."""
    from tests.courses.factories import TrainingSessionPageFactory
    from tests.missions.factories import MissionFactory

    arguments = {"session": TrainingSessionPageFactory, "mission": MissionFactory}
    parameters = inspect.signature(form_class.__init__).parameters.values()
    needed = [p.name for p in parameters if p.kind is p.KEYWORD_ONLY and p.default is p.empty]
    return form_class(data=data, **{name: arguments[name]() for name in needed})


def test_the_site_has_public_forms_to_check():
    names = {form_class.__name__ for form_class in public_forms()}

    assert {"SignatureForm", "ResendForm", "ResendLinkForm", "RegistrationForm", "ApplicationForm",
            "SubscribeForm", "WaitForSessionForm"} <= names


@pytest.mark.parametrize("form_class", public_forms(), ids=lambda form_class: form_class.__name__)
def test_every_required_field_is_checked_below(form_class):
    """The cases below come from the class's fields; an instance must not add required ones."""
    assert required_fields(build(form_class, {}).fields) == required_fields(form_class.base_fields)


@pytest.mark.parametrize(("form_class", "field_name"), list(required_field_cases()))
def test_an_empty_required_field_says_ce_champ_est_obligatoire(form_class, field_name):
    form = build(form_class, {})

    assert not form.is_valid()
    assert form.errors[field_name] == [str(REQUIRED)] == ["Ce champ est obligatoire."]


def test_the_forms_asking_for_an_address_or_a_consent_are_checked_below():
    emails = {param.id for param in fields_of_type(forms.EmailField)}
    consents = {param.id for param in fields_of_type(ConsentField)}

    assert {"SignatureForm-email", "ResendForm-email", "ResendLinkForm-email", "RegistrationForm-email",
            "ApplicationForm-email", "SubscribeForm-email", "WaitForSessionForm-email"} <= emails
    assert {"SignatureForm-consent", "RegistrationForm-consent", "ApplicationForm-consent"} <= consents


@pytest.mark.parametrize(("form_class", "field_name"), list(fields_of_type(forms.EmailField)))
def test_a_mistyped_address_gets_the_one_invalid_email_message(form_class, field_name):
    key = build(form_class, {}).add_prefix(field_name)  # ResendLinkForm is prefixed
    form = build(form_class, {key: "nom.exemple.fr"})

    assert not form.is_valid()
    assert form.errors[field_name] == [str(INVALID_EMAIL)] == [
        "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."]


@pytest.mark.parametrize(("form_class", "field_name"), list(fields_of_type(ConsentField)))
def test_an_unticked_consent_box_gets_the_one_consent_message(form_class, field_name):
    form = build(form_class, {})

    assert not form.is_valid()
    assert form.errors[field_name] == [str(CONSENT_REQUIRED)] == [
        "Votre accord est nécessaire pour envoyer ce formulaire."]


@pytest.mark.parametrize("form_class", public_forms(), ids=lambda form_class: form_class.__name__)
def test_over_the_rate_limit_every_form_gives_the_one_message_and_a_429(form_class, settings):
    settings.RATELIMIT_ENABLED = True
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    form = build(form_class, {})

    assert form.accept(request, scope="test-public-forms", limit=0) is False
    assert form.non_field_errors() == [str(RATE_LIMITED)]
    assert form.http_status == 429


@pytest.mark.parametrize("form_class", public_forms(), ids=lambda form_class: form_class.__name__)
def test_every_link_of_the_error_summary_leads_to_an_element_of_the_form(form_class):
    """A group of checkboxes or radios has no id of its own: its link goes to its first choice."""
    import re

    from django.template.loader import render_to_string

    form = build(form_class, {})
    form.is_valid()
    html = render_to_string("components/public_form.html", {"form": form, "action": "/", "submit_label": "Envoyer"})

    targets = re.findall(r'<li><a href="#([^"]*)">', html)
    assert targets, "the summary lists the errors"
    for target in targets:
        assert target and f'id="{target}"' in html, target


def test_correcting_ones_own_mistakes_does_not_use_up_the_rate_limit(settings):
    """Only valid posts count against the limit; every post counts against four times as many."""
    from courses.forms import RegistrationForm
    from tests.courses.factories import TrainingSessionPageFactory, registration_data

    settings.RATELIMIT_ENABLED = True
    session = TrainingSessionPageFactory()
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.8")

    def post(**data):
        return RegistrationForm(data=registration_data(**data), session=session)

    for _ in range(5):  # five attempts with a mistake (attempts in all: at most 4 × 2)
        assert post(email="pas-une-adresse").accept(request, scope="test-mistakes", limit=2) is False
    assert post().accept(request, scope="test-mistakes", limit=2) is True
    assert post().accept(request, scope="test-mistakes", limit=2) is True
    third = post()
    assert third.accept(request, scope="test-mistakes", limit=2) is False  # over the 2 valid posts
    assert third.non_field_errors() == [str(RATE_LIMITED)] and third.http_status == 429
    assert third["email"].value() == "camille@jardins.example.org"  # what was typed is kept


def test_a_flood_of_invalid_posts_is_still_refused(settings):
    from courses.forms import RegistrationForm
    from tests.courses.factories import TrainingSessionPageFactory, registration_data

    settings.RATELIMIT_ENABLED = True
    session = TrainingSessionPageFactory()
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    for _ in range(8):  # 4 × the limit of 2
        RegistrationForm(data=registration_data(email="x"), session=session).accept(request, scope="t-flood", limit=2)

    valid = RegistrationForm(data=registration_data(), session=session)

    assert valid.accept(request, scope="t-flood", limit=2) is False
    assert valid.http_status == 429
