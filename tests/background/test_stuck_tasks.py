"""Tasks left RUNNING by a killed worker are run again once, then marked failed, visibly (issue 15, item 4)."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import strip_tags
from django_tasks_db.models import DBTaskResult, get_date_max

from background.enums import TaskStatus
from background.services import recover_stuck_tasks
from tests.factories import SuperUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def task_result(*, status=TaskStatus.RUNNING, started_minutes_ago=60, workers=("w1",), **fields):
    now = timezone.now()
    return DBTaskResult.objects.create(**{
        "status": status, "task_path": "outbox.tasks.send_email_task",
        "args_kwargs": {"args": [42], "kwargs": {}}, "backend_name": "default", "run_after": get_date_max(),
        "started_at": now - timedelta(minutes=started_minutes_ago) if started_minutes_ago is not None else None,
        "worker_ids": list(workers), **fields,
    })


def test_a_task_stuck_for_the_first_time_is_queued_again():
    stuck = task_result(workers=["tué"])

    assert recover_stuck_tasks() == (1, 0)

    stuck.refresh_from_db()
    assert stuck.status == TaskStatus.READY
    assert stuck.started_at is None


def test_a_task_stuck_a_second_time_is_marked_failed_with_a_french_reason():
    stuck = task_result(workers=["tué", "tué aussi"])

    assert recover_stuck_tasks() == (0, 1)

    stuck.refresh_from_db()
    assert stuck.status == TaskStatus.FAILED
    assert stuck.finished_at is not None
    assert stuck.exception_class_path == "background.services.TaskInterrupted"
    assert "Tâche interrompue deux fois" in stuck.traceback


def test_a_task_running_for_less_than_the_limit_is_left_alone(settings):
    settings.TASK_STUCK_MINUTES = 15
    running = task_result(started_minutes_ago=5)

    assert recover_stuck_tasks() == (0, 0)

    running.refresh_from_db()
    assert running.status == TaskStatus.RUNNING


def test_the_recovery_command_says_what_it_did():
    task_result()

    out = io.StringIO()
    call_command("recover_stuck_tasks", stdout=out)

    assert "1 tâche bloquée relancée, 0 marquée échouée." in out.getvalue()


def test_the_team_sees_failed_and_stuck_tasks_in_french(client):
    task_result(status=TaskStatus.FAILED, started_minutes_ago=90, finished_at=timezone.now(),
                exception_class_path="smtplib.SMTPServerDisconnected", traceback="SMTPServerDisconnected: …")
    task_result(workers=["tué"])
    task_result(status=TaskStatus.SUCCESSFUL, finished_at=timezone.now())
    client.force_login(SuperUserFactory())

    html = client.get("/admin/background_tasks/").content.decode()

    assert "Tâches en arrière-plan" in html
    for text in ("échouée", "bloquée", "réussie", "SMTPServerDisconnected", "send_email_task(42)"):
        assert text in html


def test_the_stuck_filter_lists_only_stuck_tasks(client):
    stuck = task_result(workers=["tué"])
    recent = task_result(started_minutes_ago=1)
    client.force_login(SuperUserFactory())

    response = client.get("/admin/background_tasks/", {"state": "stuck"})

    ids = [str(row.pk) for row in response.context["object_list"]]
    assert ids == [str(stuck.pk)]
    assert str(recent.pk) not in ids


def test_the_failed_filter_and_the_detail_page_read_in_french(client):
    failed = task_result(status=TaskStatus.FAILED, finished_at=timezone.now(),
                         exception_class_path="background.services.TaskInterrupted",
                         traceback="TaskInterrupted: Tâche interrompue deux fois")
    task_result(status=TaskStatus.SUCCESSFUL, finished_at=timezone.now())
    client.force_login(SuperUserFactory())

    listing = client.get("/admin/background_tasks/", {"state": TaskStatus.FAILED})
    detail = client.get(f"/admin/background_tasks/inspect/{failed.pk}/").content.decode()

    labels = [strip_tags(label).strip() for label in re.findall(r"<dt[^>]*>.*?</dt>", detail, re.S)]
    values = [re.sub(r"\s+", " ", strip_tags(value)).strip() for value in re.findall(r"<dd[^>]*>.*?</dd>", detail, re.S)]
    assert [row.pk for row in listing.context["object_list"]] == [failed.pk]
    assert {"Statut", "Mise en file le", "Détail de l’erreur"} <= set(labels)
    assert "échouée" in values
    assert "TaskInterrupted: Tâche interrompue deux fois" in values
    assert "None" not in values and "Failed" not in values


def test_background_tasks_are_read_only_and_not_for_everybody(client):
    task = task_result()
    client.force_login(SuperUserFactory())
    assert client.get(f"/admin/background_tasks/edit/{task.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/background_tasks/delete/{task.pk}/").status_code in (302, 403)

    client.force_login(UserFactory(is_staff=True))
    assert client.get("/admin/background_tasks/").status_code in (302, 403)


def test_the_task_listing_runs_the_same_queries_for_few_or_many_tasks(client, django_assert_max_num_queries):
    client.force_login(SuperUserFactory())
    for _ in range(3):
        task_result()
    client.get("/admin/background_tasks/")  # warm caches (site, permissions)
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/background_tasks/")
    for _ in range(30):
        task_result(status=TaskStatus.FAILED, finished_at=timezone.now())

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/admin/background_tasks/")

    assert len(response.context["object_list"]) > 3
