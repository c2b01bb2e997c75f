import pytest
from django.db.models import F
from django.utils import timezone

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


def test_demo_registrations_name_their_contacts_with_a_wording_that_agrees_with_any_first_name(demo_site):
    names = set(Registration.objects.values_list("contact_name", flat=True))

    assert names and all(name.endswith(" – exemple") for name in names)
    assert not any("fictif" in name for name in names)
