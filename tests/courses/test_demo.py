import re

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from courses.demo import WITHOUT_UPCOMING_SESSION
from courses.models import Registration, TrainingPage, TrainingSessionPage
from missions.models import Application, Association, Mission

pytestmark = pytest.mark.django_db


def test_demo_has_varied_trainings_and_missions_that_respect_their_own_rules(demo_site):
    """One test, one demo load (it takes seconds): courses, sessions, registrations, missions."""
    sessions = list(TrainingSessionPage.objects.live().with_seats())
    now = timezone.now()

    assert TrainingPage.objects.live().count() == 5
    assert len(sessions) >= 12
    assert any(s.end < now for s in sessions), "some past sessions"
    assert any(s.is_online for s in sessions), "an online session"
    assert any(s.start > now and s.is_full and s.waitlist_length for s in sessions), "a full session with a waitlist"
    assert not [s for s in sessions if (s.start.month, s.start.day) == (1, 1)], "no session on New Year's Day"
    for session in sessions:
        hours = int(session.get_parent().specific.duration.split()[0])
        assert session.end - session.start == timezone.timedelta(hours=hours), session.title
        assert session.seats_taken <= session.capacity, session.title
    assert not Registration.objects.filter(created_at__gt=now).exists()
    assert Association.objects.count() >= 12
    assert Mission.objects.count() >= 30
    answered = Application.objects.exclude(first_answered_at=None)
    assert answered.exists()
    assert not answered.filter(first_answered_at__lte=F("created_at")).exists(), "answers after the application"
    assert not Application.objects.filter(matched_at__lt=F("created_at")).exists()


# What the first demo wrote on its registrations to say they were invented.
DEMO_LABEL = re.compile(r"fictif|fictive|démonstration|\bdémo\b|\bdemo\b|\bexemple\b", re.I)


def test_demo_registrations_read_like_real_ones_with_no_demo_label(demo_site):
    """Visible in the admin: a person's first and last names, their own message (or none), an
    address like any other on the reserved example.org domain; no "– exemple" nor "Inscription de
    démonstration."."""
    rows = list(Registration.objects.values_list("contact_name", "message", "email", "association_name"))
    names = {name for name, _message, _email, _association in rows}
    messages = [message for _name, message, _email, _association in rows]

    assert rows
    assert all(len(name.split()) == 2 for name in names), names
    assert len({message for message in messages if message}) >= 5, "messages of their own"
    assert [row for row in rows if any(DEMO_LABEL.search(text) for text in row)] == []
    assert all(email.endswith("@example.org") for _name, _message, email, _association in rows)


def test_load_demo_relabels_the_first_demos_untouched_registrations(demo_site):
    registration, edited = Registration.objects.order_by("pk")[:2]
    Registration.objects.filter(pk=registration.pk).update(
        contact_name="Nadia – exemple", message="Inscription de démonstration.",
        email="nadia.0@asso-demo.example.org")
    # One the team edited since keeps what it says.
    Registration.objects.filter(pk=edited.pk).update(
        contact_name="Marc – exemple", message="Rappeler avant la session.", email="marc.1@asso-demo.example.org")

    call_command("load_demo", stdout=open("/dev/null", "w"))

    registration.refresh_from_db()
    edited.refresh_from_db()
    assert (registration.contact_name, registration.email) == ("Nadia Haddad", "nadia.haddad@example.org")
    assert registration.message and not DEMO_LABEL.search(registration.message)
    assert (edited.contact_name, edited.message) == ("Marc – exemple", "Rappeler avant la session.")


def test_one_demo_course_has_only_past_sessions_and_offers_to_be_told_of_the_next(client, demo_site):
    """"Prévenez-moi de la prochaine session" shows on a course with no upcoming session: the demo has one."""
    now = timezone.now()
    without = [course for course in TrainingPage.objects.live()
               if not TrainingSessionPage.objects.live().child_of(course).filter(start__gt=now).exists()]

    assert [course.slug for course in without] == [WITHOUT_UPCOMING_SESSION]
    assert TrainingSessionPage.objects.live().child_of(without[0]).filter(end__lt=now).count() >= 2
    html = client.get(without[0].url).content.decode()
    assert "Prévenez-moi de la prochaine session" in html
    for course in TrainingPage.objects.live().exclude(slug=WITHOUT_UPCOMING_SESSION):
        assert "Prévenez-moi de la prochaine session" not in client.get(course.url).content.decode(), course.slug


def test_demo_trainers_and_venues_carry_no_fictional_label(demo_site):
    trainers = list(TrainingPage.objects.values_list("trainers", flat=True))
    venues = list(TrainingSessionPage.objects.exclude(venue="").values_list("venue", flat=True))

    assert trainers and venues
    assert not [text for text in trainers + venues if "fictif" in text or "fictive" in text]


def test_load_demo_takes_the_first_demos_labels_off_trainers_and_venues(demo_site):
    course = TrainingPage.objects.get(slug="reussir-sa-collecte-en-ligne")
    course.trainers = "Claire Dumont (bénévole fictive)"
    course.save_revision().publish()
    session = TrainingSessionPage.objects.exclude(venue="").first()
    venue = session.venue
    session.venue = f"{venue} (fictif)"
    session.save_revision().publish()

    call_command("load_demo", stdout=open("/dev/null", "w"))

    course.refresh_from_db()
    session.refresh_from_db()
    assert course.trainers == "Claire Dumont, responsable de collecte en ligne"
    assert session.venue == venue
