"""The "Statistiques" page: figures on known data, constant query count, CSV, access."""

import csv
import io
import re
from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home import roles
from missions import services
from missions.models import Application, MissionRequest
from stats.figures import compute
from tests.factories import SuperUserFactory, UserFactory
from tests.missions.factories import ApplicationFactory, MissionFactory, MissionRequestFactory

pytestmark = pytest.mark.django_db

URL = "/admin/statistiques/"


def at(year, month, day, hour=12):
    return timezone.make_aware(datetime(year, month, day, hour))


@pytest.fixture
def known_data(index_page):
    """March 2026: 2 requests (1 converted), 3 applications answered after 1, 2 and 4 days, 1 introduction
    with outcome and a 4/5 feedback; April 2026: 1 application, a filled mission."""
    MissionRequestFactory(created_at=at(2026, 3, 2))
    converted = MissionRequestFactory(created_at=at(2026, 3, 3))
    MissionRequest.objects.filter(pk=converted.pk).update(status="convertie")
    mission = MissionFactory(first_published_at=at(2026, 3, 1), volunteers_wanted=3)
    for days in (1, 2, 4):
        ApplicationFactory(mission=mission, created_at=at(2026, 3, 10),
                           first_answered_at=at(2026, 3, 10) + timedelta(days=days))
    ApplicationFactory(mission=mission, created_at=at(2026, 4, 5))
    introduced = services.introduce(Application.objects.order_by("pk").first())
    Application.objects.filter(pk=introduced.pk).update(matched_at=at(2026, 3, 12))
    services.record_outcome(introduced, outcome="realisee")
    Application.objects.filter(pk=introduced.pk).update(outcome_at=at(2026, 3, 20))
    services.give_feedback(introduced, side="benevole", rating=4)
    from missions.models import Feedback, Mission
    Feedback.objects.update(answered_at=at(2026, 3, 25))
    Mission.objects.filter(pk=mission.pk).update(status="pourvue", filled_at=at(2026, 4, 20))
    return mission


def figures(report):
    return {series.key: series for series in report.all_series()}


def test_figures_on_known_data(known_data):
    series = figures(compute(date(2026, 3, 1), date(2026, 4, 1), today=date(2026, 5, 1)))
    march, april = date(2026, 3, 1), date(2026, 4, 1)

    assert series["requests_received"].value(march) == 2 and series["requests_converted"].value(march) == 1
    assert series["missions_published"].value(march) == 1
    assert series["missions_filled"].value(april) == 1 and series["missions_filled"].value(march) == 0
    assert (series["applications"].value(march), series["applications"].value(april)) == (3, 1)
    assert series["applications"].total == 4
    assert series["median_answer_days"].value(march) == 2
    assert series["introductions"].value(march) == 1
    assert series["outcome_realisee"].value(march) == 1
    assert series["feedback_average"].value(march) == 4 and series["feedback_average"].total == 4


def test_training_and_manifesto_figures(index_page):
    from courses.models import Registration
    from tests.courses.factories import TrainingSessionPageFactory
    from tests.home.factories import SignatureFactory

    session = TrainingSessionPageFactory(start=at(2026, 3, 5), end=at(2026, 3, 5, 17), capacity=4)
    for status, attendees in [("attended", 2), ("no_show", 1), ("cancelled", 1)]:
        Registration.objects.create(session=session, association_name="A", contact_name="B", status=status,
                                    email=f"{status}@example.org", attendees=attendees)
    Registration.objects.filter(status="attended").update(promoted_at=at(2026, 3, 1))
    SignatureFactory(confirmed_at=at(2026, 3, 2))
    SignatureFactory(confirmed_at=None)

    series = figures(compute(date(2026, 3, 1), date(2026, 3, 1), today=date(2026, 5, 1)))
    march = date(2026, 3, 1)

    assert series["sessions"].value(march) == 1 and series["seats_offered"].value(march) == 4
    assert series["registrations"].value(march) == 3
    assert series["fill_rate"].value(march) == 75.0  # 3 seats of 4
    assert series["attendance_rate"].value(march) == 50.0
    assert series["waitlist_promotions"].value(march) == 1
    assert series["signatures"].value(march) == 1


def test_the_page_runs_a_constant_number_of_queries(client, index_page):
    client.force_login(SuperUserFactory())
    mission = MissionFactory()

    def queries(applications):
        Application.objects.bulk_create([
            Application(mission=mission, name="x", email=f"{applications}-{n}@example.org", message="…",
                        created_at=timezone.now() - timedelta(days=n % 300),
                        first_answered_at=timezone.now() - timedelta(days=n % 300) + timedelta(hours=5))
            for n in range(applications)
        ])
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    assert queries(10) == queries(10_000)


def test_the_page_shows_charts_with_their_data_tables(client, known_data):
    client.force_login(SuperUserFactory())

    html = client.get(URL, {"du": "2026-03", "au": "2026-04"}).content.decode()

    assert html.count('<svg role="img"') == 9
    assert html.count('<table class="listing">') == 9
    assert "mars 2026" in html and "<script" not in html.split("<main")[-1].split("</main>")[0]


def test_the_csv_export_opens_in_french_spreadsheets(client, known_data):
    client.force_login(SuperUserFactory())

    response = client.get(URL, {"du": "2026-03", "au": "2026-04", "format": "csv"})

    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    header = rows[0]
    assert header[0] == "mois" and "candidatures" in header
    assert [row[0] for row in rows[1:]] == ["2026-03", "2026-04", "période"]
    assert rows[1][header.index("candidatures")] == "3"
    assert rows[-1][header.index("candidatures")] == "4"


def test_a_bad_period_shows_the_last_twelve_months(client, index_page):
    client.force_login(SuperUserFactory())

    response = client.get(URL, {"du": "n'importe", "au": "2026-13"})

    assert response.status_code == 200
    assert len(response.context["report"].months) == 12


def test_only_coordination_groups_see_the_statistics():
    from django.contrib.auth.models import Group, Permission

    coordinator, editor = UserFactory(), UserFactory()
    admin_access = Permission.objects.get(codename="access_admin")
    coordinator.groups.add(Group.objects.get(name=roles.MISSION_COORDINATORS))
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    for user in (coordinator, editor):
        user.user_permissions.add(admin_access)
    assert Group.objects.get(name=roles.TRAINING_COORDINATORS).permissions.filter(codename="view_statistics").exists()

    allowed, refused = Client(), Client()
    allowed.force_login(coordinator)
    refused.force_login(editor)

    assert allowed.get(URL).status_code == 200
    assert refused.get(URL).status_code in {302, 403}


@pytest.fixture
def answers_before_and_after(index_page):
    """March 2026: one answer recorded a microsecond before its application (as the demo data did),
    one 1.5 day after; April 2026: only the answer dated before its application."""
    mission = MissionFactory()
    for created in (at(2026, 3, 10), at(2026, 4, 10)):
        ApplicationFactory(mission=mission, created_at=created, first_answered_at=created - timedelta(microseconds=1))
    ApplicationFactory(mission=mission, created_at=at(2026, 3, 11),
                       first_answered_at=at(2026, 3, 11) + timedelta(days=1, hours=12))


def test_an_answer_dated_before_its_application_counts_as_an_immediate_answer(answers_before_and_after):
    series = figures(compute(date(2026, 3, 1), date(2026, 4, 1), today=date(2026, 5, 1)))["median_answer_days"]

    assert series.value(date(2026, 3, 1)) == 0.8  # median of 0 and 1.5 days
    assert series.value(date(2026, 4, 1)) == 0
    assert series.total == 0  # median of 0, 0 and 1.5 days
    assert "-" not in f"{series.value(date(2026, 4, 1))}{series.total}"


def page_texts(html):
    """The words and numbers of the page's main part, tags and their attributes left out."""
    main = html.split("<main")[-1].split("</main>")[0]
    return [text.strip() for text in re.findall(r">([^<]+)<", main) if text.strip()]


def test_the_page_writes_every_decimal_with_a_comma_and_no_negative_delay(client, answers_before_and_after):
    client.force_login(SuperUserFactory())

    texts = page_texts(client.get(URL, {"du": "2026-03", "au": "2026-04"}).content.decode())

    assert not [text for text in texts if re.search(r"\d\.\d", text)]  # rows, totals, bar titles, axis ticks
    assert not [text for text in texts if re.search(r"-\s*0", text)]
    assert "0,8" in texts  # March's median, in the data table
    assert "0,5" in texts  # middle tick of the delay chart's axis (0 to 1 day)
    assert any(text.endswith("\u00a0: 0,8") for text in texts)  # the bar's title


def test_the_csv_export_writes_decimal_commas_like_the_other_french_exports(client, answers_before_and_after):
    client.force_login(SuperUserFactory())

    text = client.get(URL, {"du": "2026-03", "au": "2026-04", "format": "csv"}).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), dialect="excel-fr"))
    with_commas = client.get(URL, {"du": "2026-03", "au": "2026-04", "format": "csv", "separateur": "virgule"})
    rows_with_commas = list(csv.DictReader(io.StringIO(with_commas.content.decode("utf-8-sig"))))

    column = "délai médian (jours)"
    assert [row[column] for row in rows] == ["0,8", "0", "0"]
    assert [row[column] for row in rows_with_commas] == ["0,8", "0", "0"]


@pytest.mark.parametrize(("largest", "marks"), [(1, ["0", "1"]), (2, ["0", "1", "2"]), (3, ["0", "5"]),
                                                (7, ["0", "5", "10"]), (40, ["0", "25", "50"])])
def test_an_axis_of_counts_is_marked_with_whole_numbers_only(largest, marks):
    from stats.charts import chart_geometry
    from stats.figures import Chart, Series

    months = [date(2026, 3, 1), date(2026, 4, 1)]
    chart = Chart("Candidatures", [Series("applications", "Candidatures", {months[0]: largest})])

    ticks = chart_geometry(chart, months, ["mars 2026", "avril 2026"])["ticks"]

    assert sorted((tick["label"] for tick in ticks), key=int) == marks


def test_an_axis_of_delays_may_still_be_marked_with_a_half():
    from stats.charts import chart_geometry
    from stats.figures import Chart, Series

    months = [date(2026, 3, 1)]
    chart = Chart("Délai", [Series("median_answer_days", "Délai", {months[0]: 0.8}, kind="days")], kind="days")

    assert [tick["label"] for tick in chart_geometry(chart, months, ["mars 2026"])["ticks"]] == ["0", "0,5", "1"]
