"""Registrations admin (issue 11, item 9): course + date + place everywhere, attendance marked for
a whole session at once with the right message, sessions listed by start, derived session titles."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.forms import derived_session_title
from courses.models import Registration, TrainingSessionPage
from tests.factories import SuperUserFactory, UserFactory

from .factories import RegistrationFactory, TrainingPageFactory, TrainingSessionPageFactory, in_days

pytestmark = pytest.mark.django_db

INDEX = "courses_registrations:index"


@pytest.fixture
def lyon_session():
    course = TrainingPageFactory(title="Atelier référencement")
    return TrainingSessionPageFactory(parent=course, title="02/01/2027 – Lyon", start=in_days(-1, hour=9),
                                      mode="sur_place", venue="Maison des associations", address="1 rue X, Lyon")


def test_the_session_column_names_course_date_and_place(client, coordinator, lyon_session):
    RegistrationFactory(session=lyon_session)

    html = client.get(reverse(INDEX)).content.decode()

    day = timezone.localtime(lyon_session.start).strftime("%d/%m/%Y")
    assert f"Atelier référencement – {day} à 9\u00a0h – Maison des associations" in html


def test_the_session_filter_and_the_export_name_the_course_too(client, coordinator, lyon_session):
    RegistrationFactory(session=lyon_session)

    html = client.get(reverse(INDEX)).content.decode()
    response = client.get(reverse(INDEX), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")),
                               dialect="excel-fr"))

    assert f'<option value="{lyon_session.pk}">Atelier référencement – ' in html
    assert rows[0]["Session"] == str(Registration.objects.get().session_label()) == (
        f"Atelier référencement – {timezone.localtime(lyon_session.start):%d/%m/%Y} à 9\u00a0h – "
        "Maison des associations")


def test_an_online_session_says_so():
    session = TrainingSessionPageFactory(parent=TrainingPageFactory(title="Canva"), mode="a_distance")

    assert RegistrationFactory(session=session).session_label().endswith(" – En ligne")


def test_marking_someone_absent_says_absence(client, coordinator, lyon_session):
    registration = RegistrationFactory(session=lyon_session)

    response = client.post(reverse("courses_registrations:action", args=[registration.pk, "absent"]), follow=True)

    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["Absence enregistrée."]


def test_the_attendance_sheet_marks_a_whole_session_at_once(client, coordinator, lyon_session):
    present = RegistrationFactory.create_batch(2, session=lyon_session)
    absent = RegistrationFactory(session=lyon_session)
    unsaid = RegistrationFactory(session=lyon_session)
    url = reverse("courses_registrations:attendance", args=[lyon_session.pk])

    listing = client.get(reverse(INDEX), {"session": lyon_session.pk}).content.decode()
    sheet = client.get(url).content.decode()
    data = {f"r{r.pk}": "present" for r in present} | {f"r{absent.pk}": "absent", f"r{unsaid.pk}": ""}
    response = client.post(url, data, follow=True)

    assert url in listing and "Feuille de présence" in sheet
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert [statuses[r.pk] for r in present] == ["attended", "attended"]
    assert statuses[absent.pk] == "no_show" and statuses[unsaid.pk] == "confirmed"
    assert [str(m) for m in response.context["messages"]] == ["2 présences et 1 absence enregistrées."]


def test_the_attendance_sheet_waits_for_the_session_to_start(client, coordinator):
    session = TrainingSessionPageFactory(start=in_days(3))
    registration = RegistrationFactory(session=session)

    client.post(reverse("courses_registrations:attendance", args=[session.pk]), {f"r{registration.pk}": "present"})

    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_the_attendance_sheet_needs_the_registration_permission(client, lyon_session):
    """Refused before the session is looked up (a missing session is refused too, not a 404);
    Wagtail's admin answers a refusal by sending back to the dashboard with a message."""
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"),
                              Permission.objects.get(codename="view_registration"))
    client.force_login(user)
    registration = RegistrationFactory(session=lyon_session)

    sheet = client.get(reverse("courses_registrations:attendance", args=[lyon_session.pk]))
    missing = client.get(reverse("courses_registrations:attendance", args=[lyon_session.pk + 1000]))
    posted = client.post(reverse("courses_registrations:attendance", args=[lyon_session.pk]),
                         {f"r{registration.pk}": "present"})
    listing = client.get(reverse(INDEX), {"session": lyon_session.pk}).content.decode()

    home = reverse("wagtailadmin_home")
    assert [(r.status_code, r["Location"]) for r in (sheet, missing, posted)] == [(302, home)] * 3
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert "Feuille de présence" not in listing  # no button that would be refused


def test_sessions_of_a_course_are_kept_in_order_of_start():
    course = TrainingPageFactory()
    late = TrainingSessionPageFactory(parent=course, start=in_days(30))
    early = TrainingSessionPageFactory(parent=course, start=in_days(5))
    middle = TrainingSessionPageFactory(parent=course, start=in_days(12))

    services.order_sessions(course)

    assert list(course.get_children().values_list("pk", flat=True)) == [early.pk, middle.pk, late.pk]
    assert TrainingPageFactory._meta.model.admin_default_ordering == "ord"
    assert late.pk  # unchanged pages


@pytest.mark.parametrize(("place", "town"), [
    ({"mode": "a_distance"}, "En ligne"),
    ({"mode": "sur_place", "venue": "Maison des associations", "address": "12 rue Mercière\n69002 Lyon"}, "Lyon"),
])
def test_a_new_session_gets_its_title_from_date_and_place_the_course_shown_beside_it(place, town):
    course = TrainingPageFactory(title="Atelier SEO")
    form_class = TrainingSessionPage.get_edit_handler().get_form_class()
    start = in_days(20, hour=9)
    form = form_class(
        {"title": "", "slug": "", "start": start.strftime("%Y-%m-%d %H:%M"),
         "end": in_days(20, hour=12).strftime("%Y-%m-%d %H:%M"), "capacity": 12,
         "max_attendees_per_registration": 3, **place},
        instance=TrainingSessionPage(), parent_page=course, for_user=UserFactory(is_superuser=True),
    )

    form.is_valid()

    assert form.cleaned_data["title"] == derived_session_title(start, town) == f"{start:%d/%m/%Y} – {town}"
    assert form.cleaned_data["slug"] == f"{start:%d%m%Y}-{town.lower().replace(' ', '-')}"
    session = TrainingSessionPage(title=form.cleaned_data["title"])
    session.course = course  # what shared pages show: the course once
    assert TrainingSessionPage.get_meta_title(session).count("Atelier SEO") == 1


def test_the_attendance_sheet_groups_each_registrations_choices_under_its_name(client, coordinator, lyon_session):
    """One fieldset per registration whose legend names the association, the contact and the
    number of participants in words, so a screen reader announces whose presence each radio sets."""
    two = RegistrationFactory(session=lyon_session, association_name="Les Amis du Parc", contact_name="Alice Martin",
                              attendees=2)
    one = RegistrationFactory(session=lyon_session, association_name="Club Échecs", contact_name="Bob Petit",
                              attendees=1)

    html = client.get(reverse("courses_registrations:attendance", args=[lyon_session.pk])).content.decode()
    sheet = BeautifulSoup(html, "html.parser").find("form", attrs={"data-attendance-sheet": True})

    fieldsets = sheet.find_all("fieldset")
    legends = [" ".join(fieldset.legend.get_text().split()) for fieldset in fieldsets]
    assert legends == ["Club Échecs – Bob Petit, 1 participant", "Les Amis du Parc – Alice Martin, 2 participants"]
    for fieldset, registration in zip(fieldsets, [one, two], strict=True):
        radios = fieldset.find_all("input", type="radio")
        assert {radio["name"] for radio in radios} == {f"r{registration.pk}"}
        labels = [" ".join(sheet.find("label", attrs={"for": radio["id"]}).get_text().split()) for radio in radios]
        assert labels == ["Non renseigné", "Présente", "Absente"]
    assert not [label for label in sheet.find_all("label") if not label.get("for")]
    assert "(2)" not in sheet.get_text()


def test_the_attendance_sheet_is_offered_only_once_the_session_has_started(client, coordinator, lyon_session):
    future = TrainingSessionPageFactory(start=in_days(3))
    RegistrationFactory(session=future)
    RegistrationFactory(session=lyon_session)

    before = client.get(reverse(INDEX), {"session": future.pk}).content.decode()
    started = client.get(reverse(INDEX), {"session": lyon_session.pk}).content.decode()

    assert reverse("courses_registrations:attendance", args=[future.pk]) not in before
    assert "Feuille de présence" not in before
    assert reverse("courses_registrations:attendance", args=[lyon_session.pk]) in started


def test_sessions_published_out_of_order_outside_the_admin_are_listed_by_start(client):
    """A script, the demo loader or a scheduled publication: no admin hook runs, the order holds."""
    course = TrainingPageFactory()
    sessions = {}
    for name, days in (("milieu", 12), ("tard", 30), ("tôt", 5)):
        session = TrainingSessionPage(title=f"Session {name}", slug=f"session-{days}", start=in_days(days),
                                      end=in_days(days) + datetime.timedelta(hours=3), capacity=10)
        course.add_child(instance=session)
        session.save_revision().publish()
        sessions[name] = session.pk
    assert list(course.get_children().values_list("pk", flat=True)) == [
        sessions["tôt"], sessions["milieu"], sessions["tard"]]
    late = TrainingSessionPage.objects.get(pk=sessions["tard"])
    late.start, late.end = in_days(2), in_days(2) + datetime.timedelta(hours=3)
    late.save_revision().publish()  # moved earlier than the others (as a scheduled revision would)
    client.force_login(SuperUserFactory())

    html = client.get(f"/admin/pages/{course.pk}/").content.decode()

    assert list(course.get_children().values_list("pk", flat=True)) == [
        sessions["tard"], sessions["tôt"], sessions["milieu"]]
    assert html.index("Session tard") < html.index("Session tôt") < html.index("Session milieu")


def test_the_demo_courses_list_their_sessions_by_start(demo_site):
    from courses.models import TrainingPage

    for course in TrainingPage.objects.all():
        children = list(TrainingSessionPage.objects.child_of(course).order_by("path").values_list("start", flat=True))
        assert children == sorted(children), course.title
