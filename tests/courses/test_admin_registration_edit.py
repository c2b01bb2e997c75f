"""The registration edit page (review item 13): a read-only summary of the registration and its
session above the contact fields, its actions as buttons, at a constant number of queries."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .factories import RegistrationFactory, TrainingPageFactory, TrainingSessionPageFactory, in_days

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def edit_url(registration):
    return reverse("courses_registrations:edit", args=[registration.pk])


def summary_of(html):
    panel = BeautifulSoup(html, "html.parser").select_one("dl.registration-summary")
    return dict(zip((dt.get_text(" ", strip=True) for dt in panel.find_all("dt")),
                    (dd.get_text(" ", strip=True) for dd in panel.find_all("dd")), strict=True))


def test_the_edit_page_summarises_the_registration_and_its_session(client, coordinator):
    session = TrainingSessionPageFactory(parent=TrainingPageFactory(title="Atelier Canva"), capacity=4,
                                         start=in_days(10, hour=9))
    RegistrationFactory(session=session, attendees=3)
    RegistrationFactory(session=session, status="waitlisted")
    waiting = RegistrationFactory(session=session, status="waitlisted", attendees=2)

    summary = summary_of(client.get(edit_url(waiting)).content.decode())

    assert summary["Session"].startswith(f"Atelier Canva – {session.start:%d/%m/%Y} à 9\u00a0h – En ligne")
    assert summary["Statut"] == "Liste d’attente – position 2 sur la liste d’attente"
    assert summary["Participants"] == "2"
    assert summary["Remplissage de la session"] == "3/4 places · 3 personnes en attente"  # 1 + 2 people
    assert summary["Sortie de la liste d’attente"] == (
        f"Pas assez de places libres{NBSP}: 1 place libre pour 2 participants.")
    assert "Inscrite le" in summary and "Modifiée le" in summary


def test_the_edit_page_offers_cancel_and_promote_as_buttons(client, coordinator):
    waiting = RegistrationFactory(session=TrainingSessionPageFactory(capacity=2), status="waitlisted")

    html = client.get(edit_url(waiting)).content.decode()

    buttons = BeautifulSoup(html, "html.parser").select("[data-registration-actions] a.button")
    assert [button.get_text(strip=True) for button in buttons] == [
        "Annuler l’inscription", "Sortir de la liste d’attente"]
    assert buttons[0]["href"].startswith(reverse("courses_registrations:action", args=[waiting.pk, "cancel"]))


def test_a_cancelled_registration_shows_when_and_by_whom(client, coordinator):
    from courses import services

    registration = RegistrationFactory()
    services.cancel(registration, by="team")

    html = client.get(edit_url(registration)).content.decode()

    summary = summary_of(html)
    assert summary["Statut"] == "Annulée"
    assert summary["Annulée le"].endswith("(par l’équipe)")
    assert not BeautifulSoup(html, "html.parser").select("[data-registration-actions]")


def test_the_edit_page_costs_the_same_queries_whatever_the_size_of_the_session(client, coordinator):
    session = TrainingSessionPageFactory(capacity=3)
    waiting = RegistrationFactory(session=session, status="waitlisted")
    client.get(edit_url(waiting))
    with CaptureQueriesContext(connection) as few:
        client.get(edit_url(waiting))
    RegistrationFactory.create_batch(3, session=session)
    RegistrationFactory.create_batch(5, session=session, status="waitlisted")
    with CaptureQueriesContext(connection) as many:
        client.get(edit_url(waiting))

    assert len(many) == len(few)
