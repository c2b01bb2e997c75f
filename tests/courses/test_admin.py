from urllib.parse import urlencode

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

from .factories import RegistrationFactory, TrainingSessionPageFactory, in_days

pytestmark = pytest.mark.django_db


def test_coordinator_sees_registrations_with_the_session_fill_rate(client, coordinator):
    session = TrainingSessionPageFactory(title="Session de Lyon", capacity=4)
    RegistrationFactory(session=session, association_name="Les Jardins", attendees=3)
    RegistrationFactory(session=session, status="waitlisted", attendees=2)

    response = client.get(reverse("courses_registrations:index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Les Jardins" in html
    assert "3/4 places · 2 personnes en attente" in html  # people, as the places: one group of 2


def test_the_waitlist_of_a_session_counts_people_as_its_places_do(client, coordinator):
    session = TrainingSessionPageFactory(capacity=6)
    RegistrationFactory(session=session, attendees=6)
    for attendees in (2, 2, 1):
        RegistrationFactory(session=session, status="waitlisted", attendees=attendees)

    html = client.get(reverse("courses_registrations:index")).content.decode()

    assert "6/6 places · 5 personnes en attente" in html
    assert "3 en attente" not in html


def test_a_waitlist_of_one_person_is_written_in_the_singular(client, coordinator):
    session = TrainingSessionPageFactory(capacity=1)
    RegistrationFactory(session=session)
    RegistrationFactory(session=session, status="waitlisted", attendees=1)

    assert "1/1 places · 1 personne en attente" in client.get(reverse("courses_registrations:index")).content.decode()


def test_the_list_writes_when_a_registration_was_made_as_the_site_does(client, coordinator):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    RegistrationFactory(created_at=datetime(2026, 11, 26, 14, 45, tzinfo=ZoneInfo("UTC")))

    html = client.get(reverse("courses_registrations:index")).content.decode()

    assert "26 novembre 2026 à 15\u00a0h\u00a045" in html  # Paris time
    assert "15:45" not in html


@pytest.mark.parametrize("typed", ["Lyon", "lyon", "Canva", "Maison des associations"])
def test_searching_the_list_finds_registrations_by_their_session_place_and_course(client, coordinator, typed):
    from courses.enums import SessionMode

    from .factories import TrainingPageFactory

    canva = TrainingPageFactory(title="Atelier Canva")
    lyon = TrainingSessionPageFactory(parent=canva, title="Session du 5 décembre", mode=SessionMode.ON_SITE,
                                      venue="Maison des associations",
                                      address="12 rue de la République\n69002 Lyon")
    RegistrationFactory(session=lyon, association_name="Les Jardins")
    RegistrationFactory(session=TrainingSessionPageFactory(title="En ligne"), association_name="Vélo Solidaire")

    html = client.get(reverse("courses_registrations:index"), {"q": typed}).content.decode()

    assert "Les Jardins" in html
    assert "Vélo Solidaire" not in html


def test_searching_the_list_costs_the_same_queries_whatever_the_rows(client, coordinator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("courses_registrations:index")
    RegistrationFactory(session=TrainingSessionPageFactory(venue="Lyon"))
    client.get(url, {"q": "Lyon"})
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"q": "Lyon"})
    for _ in range(10):
        RegistrationFactory(session=TrainingSessionPageFactory(venue="Lyon"))
    with CaptureQueriesContext(connection) as many:
        client.get(url, {"q": "Lyon"})

    assert len(many) == len(few)


def test_registration_list_filters_by_session_status_and_period(client, coordinator):
    upcoming = TrainingSessionPageFactory()
    past = TrainingSessionPageFactory(start=in_days(-5))
    RegistrationFactory(session=upcoming, association_name="AssoFuture", status="waitlisted")
    RegistrationFactory(session=past, association_name="AssoAncienne")

    url = reverse("courses_registrations:index")
    assert "AssoAncienne" not in client.get(url, {"period": "upcoming"}).content.decode()
    assert "AssoFuture" not in client.get(url, {"period": "past"}).content.decode()
    assert "AssoFuture" not in client.get(url, {"status": "confirmed"}).content.decode()
    assert "AssoAncienne" not in client.get(url, {"session": upcoming.pk}).content.decode()


def test_registration_list_query_count_does_not_grow_with_rows(client, coordinator, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    session = TrainingSessionPageFactory()
    RegistrationFactory(session=session)
    url = reverse("courses_registrations:index")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(15):
        RegistrationFactory(session=TrainingSessionPageFactory())
    with CaptureQueriesContext(connection) as many:
        client.get(url)

    assert len(many) == len(few)


def test_registrations_export_as_csv_with_french_labels_and_local_times(client, coordinator):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    RegistrationFactory(association_name="Solidarité Vélo", email="velo@example.org", status="waitlisted",
                        created_at=datetime(2026, 11, 25, 17, 18, 48, 323461, tzinfo=ZoneInfo("UTC")))

    response = client.get(reverse("courses_registrations:index") + "?export=csv")

    content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert response.status_code == 200
    assert "Solidarité Vélo" in content and "velo@example.org" in content
    assert "Liste d’attente" in content and "waitlisted" not in content
    assert "25/11/2026 18:18" in content and "323461" not in content


def test_registrations_export_as_xlsx(client, coordinator):
    from io import BytesIO

    from openpyxl import load_workbook

    RegistrationFactory(association_name="Solidarité Vélo")

    response = client.get(reverse("courses_registrations:index") + "?export=xlsx")

    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(load_workbook(BytesIO(content)).active.values)
    assert "Contact" in rows[0]
    assert any("Solidarité Vélo" in row for row in rows[1:])


def test_admin_cancel_action_asks_then_cancels_and_promotes(client, coordinator):
    session = TrainingSessionPageFactory(capacity=1)
    registration = RegistrationFactory(session=session)
    waiting = RegistrationFactory(session=session, status="waitlisted")
    url = reverse("courses_registrations:action", args=[registration.pk, "cancel"])

    assert "Confirmer" in client.get(url).content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"

    client.post(url)

    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == "cancelled" and registration.cancelled_by == "team"
    assert waiting.status == "confirmed"
    assert any("L’équipe Webassoc a annulé" in message.body for message in mail.outbox)


def test_admin_marks_attendance_after_the_session(client, coordinator):
    registration = RegistrationFactory(session=TrainingSessionPageFactory(start=in_days(-1)))

    client.post(reverse("courses_registrations:action", args=[registration.pk, "absent"]))

    registration.refresh_from_db()
    assert registration.status == "no_show"


def test_attendance_cannot_be_marked_before_the_session(client, coordinator):
    registration = RegistrationFactory()

    client.post(reverse("courses_registrations:action", args=[registration.pk, "present"]))

    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_admin_promotes_a_waitlisted_registration_only_when_it_fits(client, coordinator):
    session = TrainingSessionPageFactory(capacity=2)
    RegistrationFactory(session=session, attendees=1)
    waiting = RegistrationFactory(session=session, status="waitlisted", attendees=1)

    client.post(reverse("courses_registrations:action", args=[waiting.pk, "promote"]))

    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_people_without_the_role_cannot_run_actions(client):
    client.force_login(UserFactory(is_staff=True))
    registration = RegistrationFactory()

    response = client.post(reverse("courses_registrations:action", args=[registration.pk, "cancel"]))

    assert response.status_code in (302, 403)
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_registrations_cannot_be_deleted_or_added_in_the_admin(client, coordinator):
    registration = RegistrationFactory()

    assert client.get(reverse("courses_registrations:delete", args=[registration.pk])).status_code in (302, 403)
    assert client.get(reverse("courses_registrations:add")).status_code in (302, 403)


def test_deleting_a_session_page_with_registrations_is_refused_with_a_message(client):
    from tests.factories import SuperUserFactory

    client.force_login(SuperUserFactory())
    registration = RegistrationFactory()
    session = registration.session

    response = client.post(reverse("wagtailadmin_pages:delete", args=[session.pk]), follow=True)

    assert "Impossible de supprimer" in response.content.decode()
    assert type(session).objects.filter(pk=session.pk).exists()


def test_editing_capacity_below_confirmed_seats_warns_the_editor():
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.test import RequestFactory

    from courses.admin_guards import warn_when_capacity_is_below_confirmed_seats

    session = TrainingSessionPageFactory(capacity=5)
    RegistrationFactory(session=session, attendees=4)
    session.capacity = 2
    session.save()
    request = RequestFactory().get("/")
    request.session = {}
    request._messages = FallbackStorage(request)

    warn_when_capacity_is_below_confirmed_seats(request, session)

    assert "4 places confirmées pour une capacité de 2" in [str(m) for m in request._messages][0]


def test_admin_dashboard_lists_the_next_sessions_with_their_fill_rate(client, coordinator):
    session = TrainingSessionPageFactory(title="Session de Nantes", capacity=4)
    RegistrationFactory(session=session, attendees=2)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Prochaines sessions de formation" in html
    assert "Session de Nantes" in html
    assert "50&nbsp;%" in html


def test_the_dashboard_counts_the_people_waiting_as_the_list_does(client, coordinator):
    session = TrainingSessionPageFactory(capacity=6)
    RegistrationFactory(session=session, attendees=6)
    for attendees in (2, 2, 1):
        RegistrationFactory(session=session, status="waitlisted", attendees=attendees)

    assert "6/6 places · 5 personnes en attente" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_editors_can_open_the_course_and_session_edit_forms(client):
    from tests.factories import SuperUserFactory

    client.force_login(SuperUserFactory())
    session = TrainingSessionPageFactory()
    course = session.get_parent()

    for page in (course, session, course.get_parent()):
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:add", args=["courses", "trainingsessionpage", course.pk])).status_code == 200


def test_after_an_action_the_coordinator_is_back_on_the_same_filtered_list(client, coordinator):
    session = TrainingSessionPageFactory()
    registration = RegistrationFactory(session=session)
    back = reverse("courses_registrations:index") + f"?session={session.pk}&status=confirmed"

    response = client.post(reverse("courses_registrations:action", args=[registration.pk, "cancel"]) + "?" +
                           urlencode({"next": back}))

    assert response["Location"] == back


def test_next_parameter_cannot_send_elsewhere(client, coordinator):
    registration = RegistrationFactory()

    response = client.post(reverse("courses_registrations:action", args=[registration.pk, "cancel"])
                           + "?next=https://evil.example/")

    assert response["Location"] == reverse("courses_registrations:index")


def test_training_coordinators_edit_the_catalogue_but_not_the_rest_of_the_site(client, coordinator, home_page):
    from tests.factories import StandardPageFactory

    from .factories import training_index

    index = training_index()
    about = StandardPageFactory(parent=home_page)

    assert client.get(reverse("wagtailadmin_pages:add", args=["courses", "trainingpage", index.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[about.pk])).status_code in (302, 403)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk])).status_code in (302, 403)


def test_bulk_deleting_a_course_with_registrations_is_refused_with_a_message(client):
    from tests.factories import SuperUserFactory

    client.force_login(SuperUserFactory())
    registration = RegistrationFactory()
    course = registration.session.get_parent()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={course.pk}"

    response = client.post(url, follow=True)

    assert response.status_code == 200
    assert "Suppression refusée" in response.content.decode()
    assert type(registration).objects.filter(pk=registration.pk).exists()


def test_editing_a_registration_email_to_one_already_registered_is_refused_politely(client, coordinator):
    session = TrainingSessionPageFactory()
    RegistrationFactory(session=session, email="deja@asso.example.org")
    registration = RegistrationFactory(session=session, email="autre@asso.example.org")

    response = client.post(reverse("courses_registrations:edit", args=[registration.pk]), {
        "association_name": registration.association_name, "contact_name": "Camille",
        "email": "DEJA@asso.example.org", "phone": "", "message": "",
    })

    assert response.status_code == 200
    assert "utilise déjà cet e-mail" in response.content.decode()
    registration.refresh_from_db()
    assert registration.email == "autre@asso.example.org"


def test_registration_actions_are_buttons_on_the_list_and_on_the_edit_view(client, coordinator):
    waiting = RegistrationFactory(session=TrainingSessionPageFactory(capacity=1), status="waitlisted")
    promote = reverse("courses_registrations:action", args=[waiting.pk, "promote"])
    cancel = reverse("courses_registrations:action", args=[waiting.pk, "cancel"])
    present = reverse("courses_registrations:action", args=[waiting.pk, "present"])

    listing = client.get(reverse("courses_registrations:index")).content.decode()
    edit = client.get(reverse("courses_registrations:edit", args=[waiting.pk])).content.decode()

    for html in (listing, edit):
        assert promote in html and cancel in html
        assert present not in html  # the session has not started


def test_action_confirmation_page_shows_the_registration(client, coordinator):
    registration = RegistrationFactory(association_name="Solidarité Vélo", contact_name="Zoé", attendees=2)

    html = client.get(reverse("courses_registrations:action", args=[registration.pk, "cancel"])).content.decode()

    assert "Annuler l’inscription" in html
    assert "Solidarité Vélo" in html and "Zoé" in html and "Confirmée" in html


def test_promoting_without_enough_seats_says_why_and_changes_nothing(client, coordinator):
    session = TrainingSessionPageFactory(capacity=1)
    RegistrationFactory(session=session)
    waiting = RegistrationFactory(session=session, status="waitlisted")

    response = client.post(reverse("courses_registrations:action", args=[waiting.pk, "promote"]), follow=True)

    assert "Pas assez de places libres" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"


def test_session_pages_listings_and_admin_count_the_same_seats(client, coordinator):
    from courses.models import Registration, TrainingSessionPage
    from courses.viewsets import session_fill_annotations

    session = TrainingSessionPageFactory(start=in_days(-1), capacity=20)
    for status, attendees in [("attended", 2), ("no_show", 3), ("confirmed", 1), ("cancelled", 4), ("waitlisted", 5)]:
        RegistrationFactory(session=session, status=status, attendees=attendees)

    annotated = TrainingSessionPage.objects.with_seats().get(pk=session.pk)
    row = Registration.objects.annotate(**session_fill_annotations()).filter(session=session).first()

    assert session.count_seats_taken() == annotated.seats_taken == row.fill_seats == 6
    assert annotated.waitlist_length == row.fill_waitlist == 5  # people waiting, as seats count people


def test_deleting_a_course_with_registrations_names_the_sessions_concerned(client):
    from tests.factories import SuperUserFactory

    from .factories import TrainingPageFactory

    client.force_login(SuperUserFactory())
    course = TrainingPageFactory(title="Atelier Canva")
    lyon = TrainingSessionPageFactory(parent=course, title="Canva – Lyon", start=in_days(5))
    paris = TrainingSessionPageFactory(parent=course, title="Canva – Paris", start=in_days(9))
    TrainingSessionPageFactory(parent=course, title="Canva – sans inscrits")
    RegistrationFactory(session=lyon)
    RegistrationFactory(session=paris)

    response = client.post(reverse("wagtailadmin_pages:delete", args=[course.pk]), follow=True)

    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        "Impossible de supprimer «\u00a0Atelier Canva\u00a0»\u00a0: des inscriptions sont rattachées à ses sessions "
        "«\u00a0Canva – Lyon\u00a0», «\u00a0Canva – Paris\u00a0». Annulez ces sessions ou dépubliez-les\u00a0; "
        "les inscriptions restent consultables dans «\u00a0Inscriptions\u00a0»."
    ]
    assert type(course).objects.filter(pk=course.pk).exists()
