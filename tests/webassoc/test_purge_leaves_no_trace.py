"""The privacy promise, checked on the whole database: after `purge_personal_data --months 0`, no
table holds the person's name, address or phone any more, whatever copied them (emails, admin log,
revisions, the mission and association made from a request, the search index…)."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text

from courses import services as courses_services
from courses.models import TrainingSessionPage
from home import services as home_services
from missions import services as missions_services
from missions.models import Mission
from outbox.enums import EmailStatus
from outbox.models import Email
from outbox.services import deliver
from tests.courses.factories import TrainingSessionPageFactory
from tests.factories import SuperUserFactory
from tests.home.factories import ManifestoPageFactory
from tests.missions.factories import ApplicationFactory, MissionIndexPageFactory, skill

pytestmark = pytest.mark.django_db

FIRST_NAME, LAST_NAME = "Maëlys", "Quéméner"
NAME = f"{FIRST_NAME} {LAST_NAME}"
EMAIL = "maelys.quemener@asso-canal.example.org"
PHONE = "06 71 82 93 04"
ASSOCIATION = "Les Amis du Canal Saint-Félix"


def traces():
    """What must not survive: the first and last names (as typed, without accents, JSON-escaped as
    SQLite stores them), the address and the phone."""
    names = {FIRST_NAME, LAST_NAME, "maelys", "quemener"}
    return {*names, *(json.dumps(name)[1:-1] for name in names), EMAIL, PHONE, PHONE.replace(" ", "")}


def rows_holding(needles):
    """{(table, column): needle} for every column of every table whose text contains a needle.

    Every column is read as text (JSON, text, varchar, and the rest), found by introspection, on
    SQLite and PostgreSQL alike."""
    found = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [column.name for column in connection.introspection.get_table_description(cursor, table)]
            as_text = [f"LOWER(CAST({quote(column)} AS TEXT))" for column in columns]
            for needle in needles:
                pattern = "%" + needle.lower().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"
                where = " OR ".join(f"{text} LIKE %s ESCAPE '!'" for text in as_text)
                cursor.execute(f"SELECT {', '.join(as_text)} FROM {quote(table)} WHERE {where}",
                               [pattern] * len(columns))
                for row in cursor.fetchall():
                    for column, value in zip(columns, row, strict=True):
                        if value and needle.lower() in value:
                            found[(table, column)] = needle
    return found


def edit_in_admin(client, url_name, pk, data):
    response = client.post(reverse(url_name, args=[pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def publish_mission(client, mission, **changes):
    """An editor edits the mission in the admin and publishes it (a revision and log entries)."""
    data = {
        "title": mission.title, "slug": mission.slug or "", "association": mission.association_id,
        "summary": mission.summary, "description": rich_text(mission.description), "skills": "collecte",
        "format": mission.format, "location": mission.location, "effort_hours": "", "volunteers_wanted": 1,
        "apply_before": "", "status": mission.status, "contact_name": mission.contact_name,
        "contact_email": mission.contact_email, "action-publish": "action-publish", **changes,
    }
    edit_in_admin(client, Mission.snippet_viewset.get_url_name("edit"), mission.pk, nested_form_data(data))


@pytest.fixture
def one_person_everywhere(client, home_page, django_capture_on_commit_callbacks):
    """One person who registered, asked for help (→ mission and association), applied, signed, and
    whose records editors changed in the admin; every email was sent."""
    MissionIndexPageFactory()
    client.force_login(SuperUserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        session = TrainingSessionPageFactory()
        registration = courses_services.register(
            session, association_name=ASSOCIATION, contact_name=NAME, email=EMAIL, phone=PHONE,
            message=f"{FIRST_NAME} viendra avec une collègue.",
        )
        request_ = missions_services.submit_request(
            association_name=ASSOCIATION, contact_name=NAME, email=EMAIL, phone=PHONE,
            title=f"Site pour {NAME}",
            description=f"Bonjour, je suis {NAME}.\nÉcrivez-moi à {EMAIL} ou au {PHONE}.",
            consent=True, skills=[skill("collecte")],
        )
        mission = missions_services.convert_request(request_)
        publish_mission(client, mission)
        mission.refresh_from_db()
        application = missions_services.apply(
            mission, name=NAME, email=EMAIL, message=f"Je suis {NAME}, j'aimerais aider.", consent=True,
            portfolio_url="https://portfolio.example.org/maelys-quemener",
        )
        edit_in_admin(client, "candidatures:edit", application.pk,
                      {"status": "preselectionnee", "note": f"Rappeler {FIRST_NAME}"})
        edit_in_admin(client, "candidatures:edit", application.pk, {"status": "mise_en_relation", "note": ""})
        publish_mission(client, mission, status="pourvue")
        edit_in_admin(client, "courses_registrations:edit", registration.pk, {
            "association_name": ASSOCIATION, "contact_name": NAME, "email": EMAIL, "phone": PHONE,
            "message": f"Corrigé à la demande de {NAME}.",
        })
        edit_in_admin(client, "demandes_missions:edit", request_.pk, {"status": request_.status,
                                                                      "note": f"Appelé {NAME}"})
        manifesto = ManifestoPageFactory()
        signature = home_services.sign(manifesto, first_name=FIRST_NAME, last_name=LAST_NAME, email=EMAIL,
                                       profession="Chargée de communication", organisation=ASSOCIATION,
                                       city="Rennes", show_publicly=True)
        home_services.confirm(manifesto, home_services.CONFIRM.make(signature.pk))
        edit_in_admin(client, "manifesto_signatures:edit", signature.pk, {
            "first_name": FIRST_NAME, "last_name": LAST_NAME, "profession": "Chargée de communication",
            "organisation": ASSOCIATION, "city": "Rennes", "show_publicly": "on", "hidden": "on",
        })
    for email in Email.objects.filter(status=EmailStatus.PENDING):
        deliver(email.pk)
    # Time passes: the session is over.
    TrainingSessionPage.objects.filter(pk=session.pk).update(
        start=timezone.now() - timedelta(days=2), end=timezone.now() - timedelta(days=2, hours=-3)
    )
    client.logout()


def test_after_a_purge_with_no_retention_no_table_holds_the_person(one_person_everywhere):
    before = rows_holding(traces())
    tables_before = {table for table, _column in before}
    # The copies the purge must reach are really there, so this test would catch their survival.
    assert {"courses_registration", "missions_application", "missions_missionrequest", "missions_mission",
            "missions_association", "home_signature", "outbox_email", "wagtailcore_modellogentry",
            "wagtailcore_revision"} <= tables_before, tables_before
    assert Email.objects.filter(status=EmailStatus.SENT).count() >= 8

    call_command("purge_personal_data", "--months", "0", stdout=StringIO())

    assert rows_holding(traces()) == {}


def test_dry_run_counts_exactly_what_the_purge_then_does(one_person_everywhere):
    planned, done = StringIO(), StringIO()

    call_command("purge_personal_data", "--months", "0", "--dry-run", stdout=planned)
    call_command("purge_personal_data", "--months", "0", stdout=done)

    def counts(output):
        lines = [line for line in output.getvalue().splitlines()[1:] if line.startswith("  ")]
        return [int(line.rsplit(":", 1)[1].split()[0]) for line in lines]

    assert counts(planned) == counts(done)
    emails_before = counts(done).pop()
    assert counts(done)[:6] == [1, 1, 1, 1, 1, 1]
    assert emails_before >= 8 and Email.objects.count() == 0


@pytest.fixture
def named_in_the_teams_texts(one_person_everywhere, client, django_capture_on_commit_callbacks):
    """Another volunteer was introduced to the person's mission: the team's texts about that
    introduction (note, outcome reason, follow-up note, a step's remark, the admin log) name the
    person, their address and phone."""
    from missions.models import Application, ApplicationStep

    mission = Mission.objects.get(contact_email=EMAIL)
    client.force_login(SuperUserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        other = ApplicationFactory(mission=mission, name="Lou Bénévole", email="lou@example.org")
        edit_in_admin(client, "candidatures:edit", other.pk, {
            "status": "preselectionnee", "note": f"Voir avec {NAME} ({EMAIL}, {PHONE}) avant de répondre."})
        other = missions_services.introduce(Application.objects.get(pk=other.pk))
        missions_services.record_outcome(other, outcome="abandonnee", reason=f"{FIRST_NAME} {LAST_NAME} a déménagé.")
        case = missions_services.open_case(other, side="benevole", description="Plus de nouvelles.")
        missions_services.update_case(case, status="en_cours", note=f"Appelé {NAME} au {PHONE}.")
        ApplicationStep.objects.create(application=other, status="mise_en_relation", note=f"Présentés par {NAME}.")
    for email in Email.objects.filter(status=EmailStatus.PENDING):
        deliver(email.pk)
    client.logout()
    return other


def test_after_forgetting_the_address_no_table_holds_the_person(named_in_the_teams_texts):
    before = rows_holding(traces())
    assert {("missions_application", "note"), ("missions_application", "outcome_reason"),
            ("missions_applicationstep", "note"), ("missions_followupcase", "note")} <= set(before), before

    call_command("forget_person", EMAIL, stdout=StringIO())

    # Left: the emails sent to the other volunteer that quote the mission's former title ("Site
    # pour Maëlys Quéméner") without the person's address; they go with the emails' retention
    # period (EMAIL_RETENTION_DAYS), as the purge test above shows.
    assert {table for table, _column in rows_holding(traces())} <= {"outbox_email"}
    quoting = Email.objects.filter(subject__contains=FIRST_NAME) | Email.objects.filter(body_text__contains=FIRST_NAME)
    assert {address for email in quoting for address in email.to} == {"lou@example.org"}
    other = named_in_the_teams_texts
    other.refresh_from_db()
    assert other.name == "Lou Bénévole"
    assert other.outcome_reason == "[effacé] a déménagé."
