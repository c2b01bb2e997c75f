"""A session that cannot seat anyone (full, closed) points to the course's other dates that can,
says that its button puts you on the waitlist, and offers the next-session alert when there is
no other date; the waitlist e-mail lists those dates too."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.enums import SessionMode
from outbox.services import absolute_url

from .factories import (
    RegistrationFactory,
    TrainingPageFactory,
    TrainingSessionPageFactory,
    in_days,
    registration_data,
)

pytestmark = pytest.mark.django_db


def full_session(course, **kwargs):
    session = TrainingSessionPageFactory(parent=course, capacity=2, **kwargs)
    RegistrationFactory(session=session, attendees=2)
    return session


def lyon(course, days=40, **kwargs):
    return TrainingSessionPageFactory(parent=course, start=in_days(days), mode=SessionMode.ON_SITE,
                                      venue="Maison des associations", address="12 rue de la Paix\n69007 Lyon",
                                      **kwargs)


def test_a_full_session_links_to_the_other_date_with_seats_and_its_button_says_waitlist(client):
    course = TrainingPageFactory()
    nantes = full_session(course, start=in_days(20))
    other = lyon(course, capacity=10)
    day = timezone.localtime(other.start)

    html = client.get(nantes.url).content.decode()

    assert "Autre date disponible\u00a0:" in html
    assert f'<a href="{other.url}">{day.day} ' in html
    assert f"{day.year} – Lyon (10 places libres)</a>" in html
    assert "M’inscrire sur la liste d’attente" in html and "Envoyer mon inscription" not in html
    assert "Prévenez-moi de la prochaine session" not in html


def test_only_other_dates_that_can_still_seat_someone_are_offered(client):
    course = TrainingPageFactory()
    here = full_session(course)
    full_elsewhere = full_session(course, start=in_days(30))
    cancelled = TrainingSessionPageFactory(parent=course, start=in_days(31), cancelled=True,
                                           cancellation_reason="Salle fermée")
    closed = TrainingSessionPageFactory(parent=course, start=in_days(32),
                                        registration_closes_at=timezone.now() - timedelta(hours=1))
    past = TrainingSessionPageFactory(parent=course, start=in_days(-3))
    of_another_course = TrainingSessionPageFactory()

    html = client.get(here.url).content.decode()

    for unwanted in (full_elsewhere, cancelled, closed, past, of_another_course):
        assert f'href="{unwanted.url}"' not in html
    assert "Autre date disponible" not in html and "Autres dates disponibles" not in html


def test_a_full_session_without_any_other_date_offers_to_hear_of_the_next_session(client):
    course = TrainingPageFactory()
    session = full_session(course)

    html = client.get(session.url).content.decode()

    assert "Prévenez-moi de la prochaine session" in html
    assert f"/alertes/prochaine-session/{course.pk}/" in html


def test_a_session_with_seats_shows_neither_other_dates_nor_the_next_session_alert(client):
    course = TrainingPageFactory()
    session = TrainingSessionPageFactory(parent=course, capacity=5)
    lyon(course)

    html = client.get(session.url).content.decode()

    assert "Envoyer mon inscription" in html and "M’inscrire sur la liste d’attente" not in html
    assert "Autre date disponible" not in html and "Prévenez-moi de la prochaine session" not in html


def test_a_closed_session_points_to_the_other_dates(client):
    course = TrainingPageFactory()
    closed = TrainingSessionPageFactory(parent=course, registration_closes_at=timezone.now() - timedelta(hours=1))
    other = lyon(course)

    html = client.get(closed.url).content.decode()

    assert "Les inscriptions sont closes." in html and f'href="{other.url}"' in html


def test_the_course_page_still_offers_the_next_session_alert_when_every_session_is_full_or_none_is_planned(
    client,
):
    empty = TrainingPageFactory()
    all_full = TrainingPageFactory()
    full_session(all_full)
    one_open = TrainingPageFactory()
    full_session(one_open)
    lyon(one_open)

    assert "Prévenez-moi de la prochaine session" in client.get(empty.url).content.decode()
    assert "Prévenez-moi de la prochaine session" in client.get(all_full.url).content.decode()
    assert "Prévenez-moi de la prochaine session" not in client.get(one_open.url).content.decode()


def _session_page_queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths…)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_full_session_page_costs_the_same_queries_whatever_the_number_of_other_dates(client):
    course = TrainingPageFactory()
    session = full_session(course)
    lyon(course)
    few = _session_page_queries(client, session.url)

    for days in range(50, 56):
        RegistrationFactory(session=lyon(course, days=days))
    many = _session_page_queries(client, session.url)

    assert many == few


def test_the_waitlist_email_lists_the_other_dates_with_seats(client):
    course = TrainingPageFactory()
    nantes = full_session(course)
    other = lyon(course)

    client.post(nantes.url, registration_data())

    message = mail.outbox[-1]
    assert "est sur liste d’attente" in message.body
    assert "Une autre date de cette formation a encore des places" in message.body
    assert "Lyon (10 places libres)" in message.body
    url = absolute_url(other.url)
    assert f"{url}\n" in message.body and f'href="{url}"' in message.alternatives[0][0]


def test_the_waitlist_wording_promises_arrival_order_only_as_far_as_freed_places_fit_the_group(client):
    session = full_session(TrainingPageFactory())

    page = client.get(session.url).content.decode()
    after = client.post(session.url, registration_data(), follow=True).content.decode()

    message = mail.outbox[-1]
    for text in (message.body, message.alternatives[0][0]):
        assert "dans l’ordre d’arrivée" not in text
        assert "par ordre d’arrivée, dès qu’elles suffisent pour votre groupe" in text
        assert "un groupe plus petit inscrit après vous peut donc passer avant" in text
    assert "par ordre d’arrivée, dès qu’elles suffisent pour votre groupe" in page
    assert "dès que les places libérées suffiront pour votre groupe" in after
    assert "si une place se libère" not in after


def test_the_next_session_form_says_whether_no_session_is_planned_or_none_has_a_seat(client):
    empty = TrainingPageFactory(title="Mesurer son audience")
    all_full = TrainingPageFactory(title="Réussir sa collecte")
    full_session(all_full)

    nothing_planned = client.get(f"/alertes/prochaine-session/{empty.pk}/").content.decode()
    no_seat = client.get(f"/alertes/prochaine-session/{all_full.pk}/").content.decode()

    assert "n’est programmée pour le moment" in nothing_planned and "Aucune place disponible" not in nothing_planned
    assert "Aucune place disponible pour" in no_seat and "n’est programmée" not in no_seat
