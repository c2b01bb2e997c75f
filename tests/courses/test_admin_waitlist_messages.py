"""Waitlist in the admin (review item 12): cancelling says who left the waitlist and which e-mails
went out; "Sortir de la liste d’attente" is offered only when the registration fits in the seats left."""

import pytest
from django.urls import reverse

from .factories import RegistrationFactory, TrainingSessionPageFactory

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def action_url(registration, name):
    return reverse("courses_registrations:action", args=[registration.pk, name])


def messages_after(response):
    return [str(message) for message in response.context["messages"]]


def test_cancelling_names_who_left_the_waitlist_and_every_email_sent(client, coordinator):
    session = TrainingSessionPageFactory(capacity=2)
    anne = RegistrationFactory(session=session, contact_name="Anne Un", association_name="Les Amis",
                               email="anne@example.org", attendees=2)
    RegistrationFactory(session=session, contact_name="Denis Quatre", association_name="Vélo Club",
                        email="denis@example.org", status="waitlisted")

    response = client.post(action_url(anne, "cancel"), follow=True)

    assert messages_after(response) == [
        f"Inscription annulée{NBSP}: Anne Un (Les Amis). "
        f"Sortie de la liste d’attente{NBSP}: Denis Quatre (Vélo Club). "
        f"E-mails envoyés{NBSP}: «{NBSP}Inscription annulée{NBSP}» à anne@example.org{NBSP}; "
        f"«{NBSP}Une place s’est libérée{NBSP}» à denis@example.org."
    ]


def test_cancelling_says_when_nobody_on_the_waitlist_fits_in_the_freed_seats(client, coordinator):
    session = TrainingSessionPageFactory(capacity=1)
    anne = RegistrationFactory(session=session, contact_name="Anne Un", association_name="Les Amis",
                               email="anne@example.org")
    RegistrationFactory(session=session, status="waitlisted", attendees=3)

    response = client.post(action_url(anne, "cancel"), follow=True)

    assert messages_after(response) == [
        f"Inscription annulée{NBSP}: Anne Un (Les Amis). "
        "Personne sur la liste d’attente ne tient dans les places libérées. "
        f"E-mail envoyé{NBSP}: «{NBSP}Inscription annulée{NBSP}» à anne@example.org."
    ]


def test_leaving_the_waitlist_names_the_person_and_the_email_sent(client, coordinator):
    waiting = RegistrationFactory(session=TrainingSessionPageFactory(capacity=2), contact_name="Denis Quatre",
                                  association_name="Vélo Club", email="denis@example.org", status="waitlisted")

    response = client.post(action_url(waiting, "promote"), follow=True)

    assert messages_after(response) == [
        "Denis Quatre (Vélo Club) sort de la liste d’attente. "
        f"E-mail envoyé{NBSP}: «{NBSP}Une place s’est libérée{NBSP}» à denis@example.org."
    ]


def test_leaving_the_waitlist_is_not_offered_when_the_session_has_not_enough_free_seats(client, coordinator):
    session = TrainingSessionPageFactory(capacity=3)
    RegistrationFactory(session=session, attendees=2)
    too_big = RegistrationFactory(session=session, status="waitlisted", attendees=2)
    fits = RegistrationFactory(session=session, status="waitlisted", attendees=1)

    listing = client.get(reverse("courses_registrations:index")).content.decode()
    edit = client.get(reverse("courses_registrations:edit", args=[too_big.pk])).content.decode()

    assert action_url(too_big, "promote") not in listing and action_url(too_big, "promote") not in edit
    assert action_url(fits, "promote") in listing
    assert action_url(too_big, "cancel") in listing and action_url(too_big, "cancel") in edit


def test_the_confirmation_page_of_leaving_the_waitlist_says_why_it_cannot_be_done(client, coordinator):
    session = TrainingSessionPageFactory(capacity=3)
    RegistrationFactory(session=session, attendees=2)
    too_big = RegistrationFactory(session=session, status="waitlisted", attendees=2)

    html = client.get(action_url(too_big, "promote")).content.decode()

    assert f"Pas assez de places libres{NBSP}: 1 place libre pour 2 participants." in html
