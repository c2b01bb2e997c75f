""""Online" is webassoc.enums.Format.REMOTE (`a_distance`) for courses and sessions, as in missions."""

from importlib import import_module

import pytest
from django.apps import apps

from courses.enums import SessionMode
from courses.models import TrainingPage, TrainingSessionPage
from webassoc.enums import Format

from .factories import TrainingPageFactory, TrainingSessionPageFactory

pytestmark = pytest.mark.django_db

migration = import_module("courses.migrations.0005_one_remote_value_a_distance")


def test_courses_and_sessions_say_online_with_the_site_wide_value():
    assert SessionMode.REMOTE == Format.REMOTE == "a_distance"
    assert SessionMode.ON_SITE == Format.ON_SITE
    assert TrainingPage._meta.get_field("format").default == Format.REMOTE
    assert TrainingSessionPageFactory(mode=SessionMode.REMOTE).is_online


def test_old_catalogue_bookmarks_with_mode_en_ligne_still_filter_online_sessions(client):
    course = TrainingPageFactory()
    TrainingSessionPageFactory(parent=course, title="Session à distance", mode=SessionMode.REMOTE)
    TrainingSessionPageFactory(parent=course, title="Session à Lyon", mode=SessionMode.ON_SITE, address="Lyon")

    response = client.get("/formations/", {"mode": "en_ligne"})

    html = response.content.decode()
    assert "Session à distance" in html
    assert "Session à Lyon" not in html
    assert response.context["filter_form"]["mode"].value() == "a_distance"  # the select shows "En ligne"


def test_migration_rewrites_rows_revisions_and_keeps_the_calendar_sequence():
    session = TrainingSessionPageFactory(mode=SessionMode.REMOTE)
    course = session.get_parent().specific
    revision = session.save_revision()  # as saved before the migration:
    revision.content["mode"] = "en_ligne"
    revision.save()
    session.refresh_from_db()  # times in UTC, as the publication computed the fingerprint
    TrainingPage.objects.filter(pk=course.pk).update(format="en_ligne")
    TrainingSessionPage.objects.filter(pk=session.pk).update(
        mode="en_ligne", ical_fingerprint=migration.session_fingerprint(session, "en_ligne"))

    migration.forwards(apps, None)

    session.refresh_from_db()
    revision.refresh_from_db()
    assert session.mode == "a_distance" and session.is_online
    assert TrainingPage.objects.get(pk=course.pk).format == "a_distance"
    assert revision.content["mode"] == "a_distance"
    assert revision.as_object().mode == "a_distance"
    assert session.ical_fingerprint == session.schedule_fingerprint()  # no new SEQUENCE at the next publish
    session.save_revision().publish()
    session.refresh_from_db()
    assert session.ical_sequence == 0


def test_migration_goes_back_to_en_ligne():
    session = TrainingSessionPageFactory(mode=SessionMode.REMOTE)

    migration.backwards(apps, None)

    assert TrainingSessionPage.objects.get(pk=session.pk).mode == "en_ligne"
