"""The "send me the e-mail again" forms of trainings and missions answer the same whoever asks and
do the same work (its time would tell who registered or applied): one query that finds the record
or nothing, one claim of the cap, one task queued; the task sends the e-mail when there is one."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from outbox.models import Email


def statements(queries):
    """Each statement as its kind and the tables it names (values left out)."""
    return [(query["sql"].split()[0].upper(), *re.findall(r'(?:FROM|INTO|UPDATE|JOIN)\s+"?(\w+)"?', query["sql"]))
            for query in queries]


def run_the_tasks():
    from django_tasks_db.models import DBTaskResult

    for result in DBTaskResult.objects.order_by("enqueued_at"):
        result.task.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])


def courses_case():
    from courses import services
    from tests.courses.factories import RegistrationFactory, TrainingSessionPageFactory

    session = TrainingSessionPageFactory()
    RegistrationFactory(session=session, email="inscrite@example.org")
    return (lambda email: services.resend_confirmation(session, email=email)), "courses_registration"


def missions_case():
    from missions import services
    from tests.missions.factories import ApplicationFactory, MissionFactory

    mission = MissionFactory()
    ApplicationFactory(mission=mission, email="inscrite@example.org")
    return (lambda email: services.resend_follow_link(mission, email=email)), "missions_application"


@pytest.mark.django_db
@pytest.mark.parametrize("case", [courses_case, missions_case], ids=["trainings", "missions"])
def test_asking_again_runs_the_same_statements_whoever_asks(case, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # as in production
    resend, table = case()
    resend("echauffement@example.org")  # warm-up
    work, sent = {}, {}
    for label, email in (("inconnue", "inconnue@example.org"), ("connue", "Inscrite@example.org"),
                         ("plafonnée", "inscrite@example.org")):
        with CaptureQueriesContext(connection) as queries:
            sent[label] = resend(email) is not None
        work[label] = statements(queries.captured_queries)

    assert sent == {"inconnue": False, "connue": True, "plafonnée": False}
    assert work["connue"] == work["inconnue"] == work["plafonnée"] == [
        ("SELECT", table), ("INSERT", "django_tasks_database_dbtaskresult")]
    Email.objects.all().delete()
    run_the_tasks()
    assert [email.to for email in Email.objects.all()] == [["inscrite@example.org"]]  # once, to the one who asked
