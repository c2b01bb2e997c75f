import pytest
from django import forms
from django.template.loader import render_to_string
from django.test import RequestFactory

from webassoc.forms import HONEYPOT_FIELD, ConsentField, PublicFormMixin
from webassoc.ratelimit import client_ip, is_rate_limited


class ContactForm(PublicFormMixin, forms.Form):
    name = forms.CharField(label="Nom", help_text="Votre nom complet.")
    email = forms.EmailField(label="E-mail")
    consent = ConsentField()


def valid_data(**overrides):
    return {"name": "Awa", "email": "awa@example.org", "consent": "on", **overrides}


def test_form_without_honeypot_value_is_valid():
    assert ContactForm(data=valid_data()).is_valid()


def test_filled_honeypot_is_refused_as_spam():
    form = ContactForm(data=valid_data(**{HONEYPOT_FIELD: "http://spam.example"}))

    assert not form.is_valid()
    assert form.non_field_errors().as_data()[0].code == "spam"


def test_consent_is_required_with_a_french_message():
    form = ContactForm(data=valid_data(consent=""))

    assert not form.is_valid()
    assert form.errors["consent"] == ["Votre accord est nécessaire pour envoyer ce formulaire."]


def test_invalid_field_is_tied_to_its_error_and_help_text():
    form = ContactForm(data=valid_data(name=""))
    form.is_valid()

    html = render_to_string("components/form_field.html", {"field": form["name"]})

    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'id="id_name_error"' in html
    assert 'id="id_name_helptext"' in html


def test_error_summary_links_to_each_invalid_field():
    form = ContactForm(data=valid_data(name="", email="pas-un-email"))
    form.is_valid()

    html = render_to_string("components/error_summary.html", {"form": form})

    assert 'role="alert"' in html and "data-error-summary" in html
    assert 'href="#id_name"' in html
    assert 'href="#id_email"' in html
    assert "Le formulaire contient 2 erreurs" in html


def test_error_summary_writes_each_message_after_its_colon_with_a_small_letter():
    form = ContactForm(data=valid_data(name=""))
    form.is_valid()

    html = render_to_string("components/error_summary.html", {"form": form})

    assert "Nom&nbsp;: ce champ est obligatoire." in html


def test_form_fields_component_keeps_typed_values_and_hides_the_honeypot():
    form = ContactForm(data=valid_data(email="pas-un-email"))
    form.is_valid()

    html = render_to_string("components/form_fields.html", {"form": form})

    assert 'value="pas-un-email"' in html
    assert 'class="hp-field" aria-hidden="true"' in html
    assert 'tabindex="-1"' in html


@pytest.mark.django_db
def test_rate_limit_refuses_hits_beyond_the_limit():
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")

    results = [is_rate_limited(request, "test", limit=3) for _ in range(4)]

    assert results == [False, False, False, True]


@pytest.mark.django_db
def test_rate_limit_counts_each_client_separately():
    first = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    second = RequestFactory().post("/", REMOTE_ADDR="203.0.113.8")
    for _ in range(3):
        is_rate_limited(first, "test", limit=3)

    assert is_rate_limited(first, "test", limit=3) is True
    assert is_rate_limited(second, "test", limit=3) is False


def test_client_ip_trusts_forwarded_header_only_behind_configured_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.9"
    )

    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.9"


def test_consent_checkbox_links_to_the_privacy_policy_and_has_a_short_summary_label(client, home_page):
    from home.models import SiteSettings
    from tests.courses.factories import TrainingSessionPageFactory, registration_data
    from tests.factories import StandardPageFactory

    privacy = StandardPageFactory(title="Politique de confidentialité", slug="confidentialite")
    settings_ = SiteSettings.for_site(home_page.get_site())
    settings_.privacy_page = privacy
    settings_.save()
    session = TrainingSessionPageFactory()

    html = client.post(session.url, registration_data(consent="")).content.decode()

    assert '<a href="/confidentialite/">Lire la politique de confidentialité</a>' in html
    assert '<a href="#id_consent">Consentement&nbsp;: votre accord est nécessaire' in html


def test_public_forms_say_a_field_is_required_in_a_full_sentence(client, home_page):
    from tests.courses.factories import TrainingSessionPageFactory

    session = TrainingSessionPageFactory()

    html = client.post(session.url, {"consent": "on"}).content.decode()

    assert "Nom de l’association&nbsp;: ce champ est obligatoire." in html
