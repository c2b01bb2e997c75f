import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from courses.enums import SessionMode
from courses.models import Registration
from missions.models import Skill
from webassoc.errors import TryAgainLater
from webassoc.forms import RATE_LIMITED

from .factories import (
    RegistrationFactory,
    TrainingPageFactory,
    TrainingSessionPageFactory,
    in_days,
    registration_data,
    training_index,
)

pytestmark = pytest.mark.django_db


def test_catalogue_groups_upcoming_sessions_by_course_and_hides_past_ones(client):
    course = TrainingPageFactory(title="Accessibilité numérique")
    TrainingSessionPageFactory(parent=course, title="Session de mars", start=in_days(20))
    TrainingSessionPageFactory(parent=course, title="Session passée", start=in_days(-3))

    response = client.get("/formations/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "courses/training_index_page.html" in [t.name for t in response.templates]
    assert "Accessibilité numérique" in html
    assert "Session de mars" in html
    assert "Session passée" not in html
    assert "1 session à venir" in html


def test_catalogue_shows_seats_left_and_full_sessions(client):
    course = TrainingPageFactory()
    open_session = TrainingSessionPageFactory(parent=course, capacity=5)
    RegistrationFactory(session=open_session, attendees=2)
    full = TrainingSessionPageFactory(parent=course, capacity=2)
    RegistrationFactory(session=full, attendees=2)

    html = client.get("/formations/").content.decode()

    assert "3 places restantes" in html
    assert "Complet – liste d’attente" in html


def test_catalogue_filters_by_theme_and_mode(client):
    seo = TrainingPageFactory(title="Référencement")
    seo.skills.add(Skill.objects.get(slug="referencement"))
    seo.save()
    video = TrainingPageFactory(title="Tourner une vidéo")
    video.skills.add(Skill.objects.get(slug="video"))
    video.save()
    TrainingSessionPageFactory(parent=seo, title="SEO en ligne", mode=SessionMode.REMOTE)
    TrainingSessionPageFactory(parent=seo, title="SEO à Lyon", mode=SessionMode.ON_SITE, address="Lyon")
    TrainingSessionPageFactory(parent=video, title="Vidéo en ligne", mode=SessionMode.REMOTE)

    html = client.get("/formations/", {"theme": "referencement", "mode": "sur_place"}).content.decode()

    assert "SEO à Lyon" in html
    assert "SEO en ligne" not in html
    assert "Vidéo en ligne" not in html


def test_catalogue_filter_without_result_shows_an_empty_state(client):
    TrainingSessionPageFactory(mode=SessionMode.REMOTE)

    html = client.get("/formations/", {"mode": "sur_place"}).content.decode()

    assert "Aucune session ne correspond à ces filtres." in html


def test_catalogue_without_courses_shows_an_empty_state(client):
    training_index()

    html = client.get("/formations/").content.decode()

    assert "Aucune formation publiée pour le moment." in html


def _catalogue_queries(client):
    client.get("/formations/")  # warm the per-process caches (site root paths…)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/formations/").status_code == 200
    return len(queries)


def test_catalogue_query_count_does_not_grow_with_the_number_of_sessions(client):
    skill = Skill.objects.get(slug="referencement")
    course = TrainingPageFactory()
    course.skills.add(skill)
    course.save()
    TrainingSessionPageFactory(parent=course)
    few = _catalogue_queries(client)

    for _ in range(6):
        other = TrainingPageFactory()
        other.skills.add(skill)
        other.save()
        for _ in range(3):
            session = TrainingSessionPageFactory(parent=other)
            RegistrationFactory(session=session)
    many = _catalogue_queries(client)

    assert many == few


def test_course_page_lists_its_upcoming_sessions(client):
    course = TrainingPageFactory(title="Emailing", objectives="<p>Écrire une newsletter</p>")
    TrainingSessionPageFactory(parent=course, title="Session d'avril")

    html = client.get(course.url).content.decode()

    assert "Écrire une newsletter" in html
    assert "Session d&#x27;avril" in html or "Session d'avril" in html or "Session d\u2019avril" in html


def test_session_page_never_shows_the_meeting_link(client):
    session = TrainingSessionPageFactory(meeting_url="https://visio.example.org/salle-secrete")

    html = client.get(session.url).content.decode()

    assert "salle-secrete" not in html
    assert "S’inscrire" in html


def test_full_session_warns_before_submitting_that_it_will_be_a_waitlist(client):
    session = TrainingSessionPageFactory(capacity=1)
    RegistrationFactory(session=session)

    html = client.get(session.url).content.decode()

    assert "votre inscription sera placée sur liste d" in html


def test_registration_form_confirms_and_redirects_with_a_message(client):
    session = TrainingSessionPageFactory()

    response = client.post(session.url, registration_data(attendees="2"), follow=True)

    registration = Registration.objects.get()
    assert registration.status == "confirmed" and registration.attendees == 2
    assert response.redirect_chain[0][1] == 302
    assert "Votre inscription est confirmée" in response.content.decode()
    assert "Ajouter la session à mon agenda" in response.content.decode()
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["camille@jardins.example.org"]
    assert "https://visio.example.org/salle-secrete" in confirmation.body
    assert registration.get_cancel_url() in confirmation.body
    assert confirmation.attachments[0][0].endswith(".ics")
    assert "text/html" in confirmation.alternatives[0][1]


def test_registration_on_a_full_session_says_waitlist_in_the_message_and_the_email(client):
    session = TrainingSessionPageFactory(capacity=1)
    RegistrationFactory(session=session)

    response = client.post(session.url, registration_data(), follow=True)

    assert "vous êtes sur la liste d" in response.content.decode()
    # Next steps without a calendar invitation: no seat was given.
    assert "Ce qui se passe maintenant" in response.content.decode()
    assert "Ajouter la session à mon agenda" not in response.content.decode()
    assert mail.outbox[-1].subject.startswith("Liste d’attente")
    assert "salle-secrete" not in mail.outbox[-1].body


def test_form_with_errors_keeps_typed_values_and_links_errors_to_fields(client):
    session = TrainingSessionPageFactory(max_attendees_per_registration=3)

    response = client.post(session.url, registration_data(email="pas-un-email", attendees="9", consent=""))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Les Jardins Partagés"' in html
    assert 'value="pas-un-email"' in html
    assert 'data-error-summary' in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_email"' in html
    assert "au plus 3 participants" in html
    assert not Registration.objects.exists()


def test_duplicate_registration_gets_a_polite_message_on_the_email_field(client):
    session = TrainingSessionPageFactory()
    RegistrationFactory(session=session, email="camille@jardins.example.org")

    response = client.post(session.url, registration_data(email="CAMILLE@jardins.example.org"))

    assert "existe déjà avec cette adresse" in response.content.decode()
    assert session.registrations.count() == 1


def test_honeypot_filled_registration_is_refused(client):
    session = TrainingSessionPageFactory()

    response = client.post(session.url, registration_data(site_web_entreprise="http://spam.example"))

    assert "robot" in response.content.decode()
    assert not Registration.objects.exists()


def test_registrations_are_rate_limited_per_client(client, settings):
    session = TrainingSessionPageFactory(capacity=100)
    for number in range(10):
        client.post(session.url, registration_data(email=f"p{number}@example.org"))

    response = client.post(session.url, registration_data(email="onze@example.org"))

    assert response.status_code == 429
    assert escape(str(RATE_LIMITED)) in response.content.decode()
    assert session.registrations.count() == 10


def test_closed_session_shows_why_and_takes_no_registration(client):
    session = TrainingSessionPageFactory(cancelled=True, cancellation_reason="Formatrice indisponible")

    get = client.get(session.url).content.decode()
    post = client.post(session.url, registration_data())

    assert "Formatrice indisponible" in get
    assert "<form class=\"form\"" not in get
    assert post.status_code == 200
    assert not Registration.objects.exists()


def test_lock_timeout_shows_the_form_again_with_a_try_again_message(client, monkeypatch):
    from courses import services

    session = TrainingSessionPageFactory()

    def busy(*args, **kwargs):
        raise TryAgainLater("Merci de réessayer dans quelques secondes.")

    monkeypatch.setattr(services, "register", busy)

    response = client.post(session.url, registration_data())

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "réessayer dans quelques secondes" in response.content.decode()
    assert 'value="Les Jardins Partagés"' in response.content.decode()


def test_unpublished_session_is_a_404(client):
    session = TrainingSessionPageFactory()
    session.unpublish()

    assert client.get(session.url or "/formations/x/session/").status_code == 404


def test_home_page_lists_the_next_sessions(client, home_page):
    course = TrainingPageFactory(title="Réussir sa collecte")
    TrainingSessionPageFactory(parent=course)

    html = client.get("/").content.decode()

    assert "Réussir sa collecte" in html
    assert "Aucune session de formation programmée" not in html


def test_past_session_says_it_is_over_and_offers_no_form_nor_calendar_file(client):
    session = TrainingSessionPageFactory(start=in_days(-3))

    html = client.get(session.url).content.decode()

    assert "Cette session est terminée." in html
    assert "calendrier/" not in html
    assert "Envoyer mon inscription" not in html


def test_session_page_is_titled_with_the_course_and_the_date(client):
    course = TrainingPageFactory(title="Emailing solidaire", summary="Écrire une lettre d'information.")
    session = TrainingSessionPageFactory(parent=course)

    html = client.get(session.url).content.decode()

    assert "<h1>Emailing solidaire<span" in html
    assert "Écrire une lettre d" in html


def test_sessions_are_the_site_card_with_their_dates_place_and_seats(client):
    course = TrainingPageFactory(title="Emailing solidaire")
    session = TrainingSessionPageFactory(parent=course, title="Session de juin", mode=SessionMode.ON_SITE,
                                         venue="Maison des associations", address="Lyon", capacity=4)
    RegistrationFactory(session=session, attendees=1)

    for url in ("/formations/", course.url):
        html = client.get(url).content.decode()
        assert f'<h3 class="card__title"><a href="{session.url}">Session de juin</a></h3>' in html
        assert '<span class="visually-hidden">Date\u00a0: </span>' in html
        assert '<span class="visually-hidden">Lieu\u00a0: </span>Maison des associations, Lyon' in html
        assert '<span class="badge badge--success">3 places restantes</span>' in html


def test_home_page_session_cards_are_titled_with_the_course(client, home_page):
    course = TrainingPageFactory(title="Réussir sa collecte")
    session = TrainingSessionPageFactory(parent=course, title="Session de juin")

    html = client.get("/").content.decode()

    assert f'<h3 class="card__title"><a href="{session.url}">Réussir sa collecte</a></h3>' in html
