import re

import pytest

from courses.enums import RegistrationStatus
from webassoc.errors import TryAgainLater

from .factories import RegistrationFactory, TrainingSessionPageFactory, in_days

pytestmark = pytest.mark.django_db


def test_cancel_link_get_asks_for_confirmation_and_changes_nothing(client):
    registration = RegistrationFactory()

    response = client.get(registration.get_cancel_url())

    assert response.status_code == 200
    assert "Oui, annuler mon inscription" in response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0")
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_cancel_link_post_cancels_and_promotes_the_waitlist(client):
    session = TrainingSessionPageFactory(capacity=1)
    registration = RegistrationFactory(session=session)
    waiting = RegistrationFactory(session=session, status="waitlisted")

    response = client.post(registration.get_cancel_url(), follow=True)

    assert "Votre inscription est annulée" in response.content.decode()
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == "cancelled" and registration.cancelled_by == "registrant"
    assert waiting.status == "confirmed"


def test_already_cancelled_registration_gets_a_clear_message(client):
    registration = RegistrationFactory(status=RegistrationStatus.CANCELLED)

    html = client.get(registration.get_cancel_url()).content.decode()

    assert "déjà annulée" in html
    assert "Oui, annuler" not in html
    assert "<h1>Inscription annulée</h1>" in html  # not "Annuler une inscription"


def test_past_session_cannot_be_cancelled(client):
    registration = RegistrationFactory(session=TrainingSessionPageFactory(start=in_days(-2)))

    html = client.post(registration.get_cancel_url()).content.decode()

    assert "a déjà eu lieu" in html
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_unknown_token_is_a_404(client):
    assert client.get("/formations/inscriptions/devine-moi/annulation/").status_code == 404


def test_cancel_tokens_are_long_random_and_unique():
    first, second = RegistrationFactory(), RegistrationFactory()

    assert len(first.token) >= 40
    assert first.token != second.token


def test_cancelled_session_says_so_and_offers_no_cancel_button(client):
    registration = RegistrationFactory(
        session=TrainingSessionPageFactory(cancelled=True, cancellation_reason="Salle fermée")
    )

    html = client.post(registration.get_cancel_url()).content.decode()

    assert "annulée par l’équipe" in html
    assert "Oui, annuler" not in html
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_lock_timeout_while_cancelling_is_a_polite_503(client, monkeypatch):
    from courses import services

    registration = RegistrationFactory()

    def busy(*args, **kwargs):
        raise TryAgainLater("Merci de réessayer dans quelques secondes.")

    monkeypatch.setattr(services, "cancel", busy)

    response = client.post(registration.get_cancel_url())

    assert response.status_code == 503
    assert "réessayer dans quelques secondes" in response.content.decode()


def test_lock_timeout_while_cancelling_says_when_to_try_again_like_every_form(client, monkeypatch):
    from courses import services

    registration = RegistrationFactory()

    def busy(*args, **kwargs):
        raise TryAgainLater("Merci de réessayer dans quelques secondes.")

    monkeypatch.setattr(services, "cancel", busy)

    response = client.post(registration.get_cancel_url())

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]


def test_cancel_service_turns_a_lock_timeout_into_try_again(monkeypatch):
    from django.db import OperationalError

    from courses import services

    registration = RegistrationFactory()

    class LockNotAvailable(Exception):
        sqlstate = "55P03"

    def locked_out(pk):
        raise OperationalError("canceling statement due to lock timeout") from LockNotAvailable()

    monkeypatch.setattr(services, "lock_session", locked_out)

    with pytest.raises(TryAgainLater):
        services.cancel(registration)


def main_text(response):
    html = response.content.decode()
    return re.sub(r"[ \t\r\n]+", " ", html.split("<main", 1)[-1].split("</main>")[0])  # no-break spaces kept


def test_after_cancelling_the_page_says_only_that_the_seats_are_freed_in_the_right_number(client):
    pair = RegistrationFactory(attendees=2)
    alone = RegistrationFactory(attendees=1)

    for_two = main_text(client.post(pair.get_cancel_url(), follow=True))
    for_one = main_text(client.post(alone.get_cancel_url(), follow=True))

    assert "Votre inscription est annulée. Merci de nous avoir prévenus\u00a0: vos 2 places sont libérées" in for_two
    assert "Votre inscription est annulée. Merci de nous avoir prévenus\u00a0: votre place est libérée" in for_one
    for text in (for_two, for_one):
        assert "déjà annulée" not in text and "Oui, annuler" not in text


def test_after_cancelling_the_heading_says_the_registration_is_cancelled(client):
    response = client.post(RegistrationFactory().get_cancel_url(), follow=True)

    text = main_text(response)
    assert "<h1>Inscription annulée</h1>" in text
    assert "<title>Inscription annulée" in response.content.decode()
    assert "Annuler une inscription" not in response.content.decode()


def test_cancelling_from_the_waitlist_frees_no_seat_and_says_so(client):
    waiting = RegistrationFactory(session=TrainingSessionPageFactory(capacity=1), status="waitlisted", attendees=2)

    text = main_text(client.post(waiting.get_cancel_url(), follow=True))

    assert "Vous avez quitté la liste d’attente. Merci de nous avoir prévenus." in text
    assert "<h1>Vous avez quitté la liste d’attente</h1>" in text  # done, no longer a question
    assert "places sont libérées" not in text and "déjà annulée" not in text


def test_the_link_of_a_waitlisted_registration_offers_to_leave_the_waitlist_not_to_free_places(client):
    waiting = RegistrationFactory(session=TrainingSessionPageFactory(capacity=1), status="waitlisted", attendees=2)

    response = client.get(waiting.get_cancel_url())

    text = main_text(response)
    assert "<h1>Quitter la liste d’attente</h1>" in text
    assert "<title>Quitter la liste d’attente" in response.content.decode()
    assert "Oui, quitter la liste d’attente" in text and "Non, rester sur la liste d’attente" in text
    assert "Annuler une inscription" not in text and "Oui, annuler mon inscription" not in text
    assert "place" not in text.replace("des places se libèrent", "")  # it holds none, frees none


def test_the_link_of_a_confirmed_registration_still_offers_to_free_its_places(client):
    text = main_text(client.get(RegistrationFactory(attendees=2).get_cancel_url()))

    assert "<h1>Annuler une inscription</h1>" in text
    assert "vous libérez vos places" in text and "Oui, annuler mon inscription" in text
    assert "liste d’attente" not in text


def test_the_link_visited_again_after_cancelling_shows_the_already_cancelled_state_only(client):
    registration = RegistrationFactory(attendees=2)
    client.post(registration.get_cancel_url(), follow=True)

    text = main_text(client.get(registration.get_cancel_url()))

    assert "Cette inscription est déjà annulée ou terminée" in text
    assert "Votre inscription est annulée" not in text


def cancellation_email(registration):
    from django.core import mail

    [email] = [message for message in mail.outbox if message.to == [registration.email]]
    return email.subject, email.body


def test_leaving_the_waitlist_is_confirmed_by_an_email_that_frees_no_place():
    from courses import services

    waiting = RegistrationFactory(session=TrainingSessionPageFactory(capacity=1), status="waitlisted")

    services.cancel(waiting)

    subject, body = cancellation_email(waiting)
    assert subject.startswith("Liste d’attente quittée\u00a0: ")
    assert "Vous avez bien quitté la liste d’attente\u00a0: l’inscription pour" in body
    assert "Merci de nous avoir prévenus." in body
    assert "places reviennent" not in body


def test_a_registrant_who_cancels_is_thanked_and_told_the_places_go_to_others():
    from courses import services

    registration = RegistrationFactory()

    services.cancel(registration)

    subject, body = cancellation_email(registration)
    assert subject.startswith("Inscription annulée\u00a0: ")
    assert "Nous avons bien annulé votre inscription" in body
    assert "Merci de nous avoir prévenus\u00a0: vos places reviennent à d’autres associations." in body


@pytest.mark.parametrize("status", ["confirmed", "waitlisted"])
def test_a_registration_cancelled_by_the_team_is_not_thanked_for_telling_us(status):
    from courses import services
    from courses.enums import CancelledBy

    registration = RegistrationFactory(session=TrainingSessionPageFactory(capacity=1), status=status)

    services.cancel(registration, by=CancelledBy.TEAM)

    subject, body = cancellation_email(registration)
    assert subject.startswith("Inscription annulée\u00a0: ")
    assert "L’équipe Webassoc a" in body
    assert "Merci de nous avoir prévenus" not in body and "places reviennent" not in body
    assert ("de la liste d’attente" in body) == (status == "waitlisted")
