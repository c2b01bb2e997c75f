from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from courses import services
from courses.ical import build_calendar

from .factories import TrainingPageFactory, TrainingSessionPageFactory

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def events(content):
    return [c for c in Calendar.from_ical(content).walk("VEVENT")]


def test_times_are_right_on_both_sides_of_the_october_dst_change():
    # 2027-10-31 03:00 CEST → 02:00 CET: a session the day before and the day after.
    course = TrainingPageFactory(title="Accessibilité")
    before = TrainingSessionPageFactory(parent=course, start=datetime(2027, 10, 30, 14, tzinfo=PARIS),
                                        end=datetime(2027, 10, 30, 17, tzinfo=PARIS))
    after = TrainingSessionPageFactory(parent=course, start=datetime(2027, 11, 1, 14, tzinfo=PARIS),
                                       end=datetime(2027, 11, 1, 17, tzinfo=PARIS))

    parsed = events(build_calendar([before, after]))

    starts = [event.decoded("dtstart") for event in parsed]
    assert [start.astimezone(ZoneInfo("UTC")).hour for start in starts] == [12, 13]
    assert [start.astimezone(PARIS).hour for start in starts] == [14, 14]
    assert 'DTSTART;TZID=Europe/Paris:20271030T140000' in build_calendar([before]).decode()
    calendar = Calendar.from_ical(build_calendar([before, after]))
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_event_has_a_stable_uid_and_never_contains_the_meeting_link():
    session = TrainingSessionPageFactory(meeting_url="https://visio.example.org/salle-secrete")

    first, second = build_calendar([session]), build_calendar([session])

    assert events(first)[0]["UID"] == events(second)[0]["UID"] == f"session-{session.pk}@testserver"
    assert b"salle-secrete" not in first


def test_sequence_rises_when_the_schedule_changes_not_when_nothing_does():
    session = TrainingSessionPageFactory()
    session.save_revision().publish()
    session.refresh_from_db()
    assert session.ical_sequence == 0

    session.save_revision().publish()
    session.refresh_from_db()
    assert session.ical_sequence == 0

    session.start += timedelta(hours=1)
    session.end += timedelta(hours=1)
    session.save_revision().publish()
    session.refresh_from_db()
    assert session.ical_sequence == 1
    assert events(build_calendar([session]))[0]["SEQUENCE"] == 1


def test_cancelled_session_is_marked_cancelled_in_calendars():
    session = TrainingSessionPageFactory(cancelled=True, cancellation_reason="Salle fermée")

    event = events(build_calendar([session]))[0]

    assert event["STATUS"] == "CANCELLED"


def test_calendar_feed_lists_upcoming_sessions_and_parses(client):
    course = TrainingPageFactory(title="Emailing")
    TrainingSessionPageFactory(parent=course)
    TrainingSessionPageFactory(parent=course, start=datetime(2020, 1, 1, 10, tzinfo=PARIS),
                               end=datetime(2020, 1, 1, 12, tzinfo=PARIS))

    response = client.get("/formations/calendrier/")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    parsed = events(response.content)
    assert len(parsed) == 1
    assert str(parsed[0]["SUMMARY"]).startswith("Emailing")


def test_session_ics_download_is_an_attachment(client):
    session = TrainingSessionPageFactory(slug="session-de-mai")

    response = client.get(session.url + "calendrier/")

    assert response["Content-Disposition"] == 'attachment; filename="formation-session-de-mai.ics"'
    assert len(events(response.content)) == 1


def test_confirmation_email_calendar_attachment_parses():
    from django.core import mail

    session = TrainingSessionPageFactory()
    services.register(session, association_name="Asso", contact_name="Zoé", email="z@example.org")

    name, content, mimetype = mail.outbox[-1].attachments[0]
    assert mimetype == "text/calendar"
    assert len(events(content)) == 1


# A second parser: vobject (as ical.js) reads only the first value of a multi-valued RDATE, so the
# VTIMEZONE must describe the daylight-saving changes with RRULEs.

def read_with_vobject(content):
    import vobject
    import vobject.icalendar

    # vobject remembers each TZID it has read, process-wide: forget them so that this calendar's
    # own VTIMEZONE is the one used.
    getattr(vobject.icalendar, "__tzidMap").clear()
    return vobject.readOne(content.decode())


@pytest.mark.parametrize(("start", "utc_hour"), [
    (datetime(2026, 10, 16, 18, tzinfo=PARIS), 16),  # summer time (CEST, +02:00)
    (datetime(2026, 12, 4, 18, tzinfo=PARIS), 17),   # winter time (CET, +01:00)
    (datetime(2027, 3, 29, 9, tzinfo=PARIS), 7),     # the day after the March change
])
def test_session_times_read_the_same_by_icalendar_and_vobject(start, utc_hour):
    session = TrainingSessionPageFactory(start=start, end=start + timedelta(hours=2))
    content = build_calendar([session])

    by_icalendar = events(content)[0].decoded("dtstart")
    by_vobject = read_with_vobject(content).vevent.dtstart.value

    utc = ZoneInfo("UTC")
    assert by_icalendar.astimezone(utc).hour == by_vobject.astimezone(utc).hour == utc_hour
    assert by_vobject.astimezone(PARIS) == start


def test_vtimezone_uses_yearly_rules_that_agree_with_the_time_zone_database():
    content = build_calendar([TrainingSessionPageFactory()])
    text = content.decode()
    assert "RDATE" not in text
    assert text.count("RRULE:FREQ=YEARLY") == 2
    vtimezone = read_with_vobject(content).vtimezone.gettzinfo()

    for year in range(2020, 2038):
        for month in range(1, 13):
            for day, hour in ((1, 12), (15, 3), (28, 23)):
                moment = datetime(year, month, day, hour)
                assert vtimezone.utcoffset(moment) == moment.replace(tzinfo=PARIS).utcoffset(), moment
