import pytest
from django.core.management import call_command
from django.utils import timezone

from courses.models import Registration, TrainingPage, TrainingSessionPage
from missions.models import Association, Mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home_page):
    call_command("load_demo", stdout=open("/dev/null", "w"))


def test_demo_has_five_courses_and_a_dozen_varied_sessions(demo):
    sessions = list(TrainingSessionPage.objects.live().with_seats())
    now = timezone.now()

    assert TrainingPage.objects.live().count() == 5
    assert len(sessions) >= 12
    assert any(s.end < now for s in sessions), "some past sessions"
    assert any(s.is_online for s in sessions), "an online session"
    assert any(s.start > now and s.is_full and s.waitlist_length for s in sessions), "a full session with a waitlist"
    assert not [s for s in sessions if (s.start.month, s.start.day) == (1, 1)]


def test_demo_sessions_last_as_long_as_their_course_says(demo):
    for session in TrainingSessionPage.objects.live():
        hours = int(session.get_parent().specific.duration.split()[0])
        assert session.end - session.start == timezone.timedelta(hours=hours)


def test_demo_registrations_are_in_the_past_and_within_capacity(demo):
    assert not Registration.objects.filter(created_at__gt=timezone.now()).exists()
    for session in TrainingSessionPage.objects.with_seats():
        assert session.seats_taken <= session.capacity


def test_demo_has_about_thirty_missions_for_a_dozen_associations(demo):
    assert Association.objects.count() >= 12
    assert Mission.objects.count() >= 30
