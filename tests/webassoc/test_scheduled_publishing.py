"""Scheduled publishing: Wagtail's `publish_scheduled` runs every minute (periodic jobs, and the
development server's scheduler thread); what goes live or expires is public at once (page cache)."""

import datetime
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.management import get_commands, load_command_class
from django.utils import timezone

from home.models import SiteSettings
from missions.models import Mission
from tests.factories import StandardPageFactory
from tests.missions.factories import MissionFactory, MissionIndexPageFactory
from webassoc import periodic

pytestmark = pytest.mark.django_db


@contextmanager
def clock_moved(delta):
    """Every `timezone.now()` (Wagtail's scheduler, the periodic-job claims) is `delta` later."""
    real_now = timezone.now
    with mock.patch("django.utils.timezone.now", lambda: real_now() + delta):
        yield


def run_jobs(capture):
    with capture(execute=True):
        return periodic.run_due_jobs(stdout=open("/dev/null", "w"))


@pytest.fixture
def page_cache_on(settings, home_page):
    SiteSettings.for_site(home_page.get_site())  # created on first read: a content change
    settings.PAGE_CACHE_SECONDS = 300


def schedule(obj, go_live_at):
    obj.go_live_at = go_live_at
    revision = obj.save_revision()
    revision.publish()
    return revision


def test_scheduled_publishing_is_a_periodic_job_every_minute():
    job = next(job for job in periodic.jobs() if job.command == "publish_scheduled")

    assert job.every == datetime.timedelta(minutes=1) and job.enabled


def test_a_mission_scheduled_a_minute_ahead_is_public_after_the_job_not_before(
    client, home_page, page_cache_on, django_capture_on_commit_callbacks
):
    index = MissionIndexPageFactory()
    mission = MissionFactory(title="Refonte du site de la banque alimentaire", live=False, first_published_at=None)
    schedule(mission, timezone.now() + datetime.timedelta(minutes=1))
    mission.refresh_from_db()
    assert mission.live is False and mission.go_live_at is not None  # accepted, "planifiée"

    listing = client.get(index.url)  # cached without the mission
    assert "Refonte du site" not in listing.content.decode()
    run_jobs(django_capture_on_commit_callbacks)  # now: too early
    assert not Mission.objects.get(pk=mission.pk).live
    assert client.get(f"{index.url}{mission.slug}/").status_code == 404

    with clock_moved(datetime.timedelta(minutes=2)):
        ran = run_jobs(django_capture_on_commit_callbacks)

    assert "scheduled_publishing" in ran
    assert Mission.objects.get(pk=mission.pk).live
    assert client.get(f"{index.url}{mission.slug}/").status_code == 200
    listing = client.get(index.url)
    assert listing["X-Cache"] == "MISS"  # the cached list went stale when the mission went live
    assert "Refonte du site" in listing.content.decode()


def test_expiry_unpublishes_the_mission_and_the_cached_pages_follow(
    client, home_page, page_cache_on, django_capture_on_commit_callbacks
):
    index = MissionIndexPageFactory()
    mission = MissionFactory(title="Campagne de dons de fin d'année")
    Mission.objects.filter(pk=mission.pk).update(expire_at=timezone.now() + datetime.timedelta(minutes=1))
    assert "Campagne de dons" in client.get(index.url).content.decode()

    with clock_moved(datetime.timedelta(minutes=2)):
        run_jobs(django_capture_on_commit_callbacks)

    mission.refresh_from_db()
    assert mission.live is False and mission.expired is True
    assert client.get(f"{index.url}{mission.slug}/").status_code == 404
    assert "Campagne de dons" not in client.get(index.url).content.decode()


def test_a_page_scheduled_a_minute_ahead_goes_live_when_the_job_runs(
    client, home_page, page_cache_on, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_page, title="Assemblée générale", live=False)
    page.intro = "Ordre du jour de l'assemblée."
    schedule(page, timezone.now() + datetime.timedelta(minutes=1))
    run_jobs(django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert page.live is False

    with clock_moved(datetime.timedelta(minutes=2)):
        run_jobs(django_capture_on_commit_callbacks)

    page.refresh_from_db()
    assert page.live is True
    assert "Ordre du jour" in client.get(page.url).content.decode()


def test_the_development_server_runs_the_periodic_jobs_in_a_thread():
    command = load_command_class(get_commands()["runserver"], "runserver")
    parser = command.create_parser("manage.py", "runserver")
    assert parser.parse_args([]).use_scheduler is True
    assert parser.parse_args(["--no-scheduler"]).use_scheduler is False

    started = []
    with mock.patch("home.management.commands.runserver.start_scheduler", lambda: started.append(True)), \
            mock.patch("django.contrib.staticfiles.management.commands.runserver.Command.inner_run"):
        command.inner_run(use_scheduler=True)
        command.inner_run(use_scheduler=False)

    assert started == [True]


def test_the_scheduler_thread_runs_due_jobs_including_scheduled_publishing():
    from home.management.commands import runserver

    with mock.patch.object(periodic, "run_forever") as run_forever:
        runserver.start_scheduler(tick=30).join(timeout=5)

    run_forever.assert_called_once_with(30)
