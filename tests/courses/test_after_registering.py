"""After registering, the session page shows the confirmation and the next steps instead of an
empty form; a registration refused as a duplicate is offered its confirmation e-mail again, with
the same answer whoever asks (courses.services.resend_confirmation)."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from webassoc.forms import RATE_LIMITED

from .factories import RegistrationFactory, TrainingSessionPageFactory, registration_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def main_part(response):
    main = response.content.decode().split("<main", 1)[-1].split("</main>")[0]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)  # each answer has its own token


def test_after_registering_the_page_shows_next_steps_instead_of_the_form(client):
    session = TrainingSessionPageFactory()

    html = main_part(client.post(session.url, registration_data(), follow=True))

    assert "Votre inscription est confirmée" in html
    assert "Envoyer mon inscription" not in html and 'name="association_name"' not in html
    assert "Un e-mail récapitulatif vient de partir" in html
    assert f"{session.url}calendrier/" in html
    assert "L’e-mail contient un lien pour annuler" in html
    assert "Inscrire une autre association" in html


def test_after_joining_the_waitlist_the_page_shows_next_steps_too(client):
    session = TrainingSessionPageFactory(capacity=1)
    RegistrationFactory(session=session)

    html = main_part(client.post(session.url, registration_data(), follow=True))

    assert "vous êtes sur la liste d’attente" in html and "message--warning" in html
    assert 'name="association_name"' not in html


def test_the_form_comes_back_on_the_next_visit_to_register_someone_else(client):
    session = TrainingSessionPageFactory()
    client.post(session.url, registration_data(), follow=True)

    html = main_part(client.get(session.url))

    assert 'name="association_name"' in html and "Un e-mail récapitulatif" not in html


def test_a_duplicate_is_offered_its_confirmation_again_and_it_goes_to_that_address_only(client):
    session = TrainingSessionPageFactory()
    RegistrationFactory(session=session, email="camille@jardins.example.org")
    mail.outbox.clear()

    refused = main_part(client.post(session.url, registration_data(email="Camille@jardins.example.org")))
    answer = main_part(client.post(f"{session.url}renvoyer-confirmation/",
                                   {"renvoi-email": "camille@jardins.example.org"}, follow=True))

    assert "Me renvoyer l’e-mail de confirmation" in refused
    # Set apart from the form, with a secondary button (the form's own submit stays the main one).
    assert 'class="form form--inline resend-link"' in refused
    assert '<button class="button button--secondary" type="submit">Me renvoyer' in refused
    assert "Si une inscription à cette session correspond à cette adresse" in answer
    assert [message.to for message in mail.outbox] == [["camille@jardins.example.org"]]
    assert mail.outbox[0].subject.startswith("Inscription confirmée")


def test_asking_for_an_unknown_address_gets_the_same_answer_and_sends_nothing(client):
    session = TrainingSessionPageFactory()
    RegistrationFactory(session=session, email="camille@jardins.example.org")
    mail.outbox.clear()

    known = main_part(client.post(f"{session.url}renvoyer-confirmation/",
                                  {"renvoi-email": "camille@jardins.example.org"}, follow=True))
    unknown = main_part(client.post(f"{session.url}renvoyer-confirmation/",
                                    {"renvoi-email": "personne@example.org"}, follow=True))

    assert known.replace("camille@jardins.example.org", "") == unknown.replace("personne@example.org", "")
    assert len(mail.outbox) == 1


def test_the_confirmation_is_resent_at_most_once_in_ten_minutes(client):
    session = TrainingSessionPageFactory()
    RegistrationFactory(session=session, email="camille@jardins.example.org")
    mail.outbox.clear()

    for _ in range(3):
        client.post(f"{session.url}renvoyer-confirmation/", {"renvoi-email": "camille@jardins.example.org"})

    assert len(mail.outbox) == 1


def test_the_resend_form_is_rate_limited_per_client(client, settings):
    settings.RATELIMIT_ENABLED = True
    session = TrainingSessionPageFactory()
    mail.outbox.clear()

    statuses = [client.post(f"{session.url}renvoyer-confirmation/", {"renvoi-email": f"x{n}@example.org"}).status_code
                for n in range(7)]

    assert statuses[:5] == [302] * 5 and statuses[5:] == [429, 429]
    over = client.post(f"{session.url}renvoyer-confirmation/", {"renvoi-email": "x@example.org"})
    assert str(RATE_LIMITED) in main_part(over) and len(mail.outbox) == 0
