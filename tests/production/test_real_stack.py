"""The real production stack, end to end: gunicorn + task worker on PostgreSQL and Redis.

A registration posted over HTTP stores its email and the email's task in PostgreSQL;
the worker process sends it (file-based email backend). With the mail server down,
the registration is kept, the email stays pending with its error, and once the
server is back the retry sends it: nothing is lost.

Runs in CI's PostgreSQL pass (DATABASE_URL=postgres://…); skipped where PostgreSQL
or Redis is not reachable. Uses its own throwaway database.
"""

import http.client
import json
import os
import re
import socket
import time
from urllib.parse import urlencode

import pytest

from scripts.production_stack import manage, prepare, production_env, running_stack

pytestmark = pytest.mark.slow

CREATE_SESSION = """
import json
from datetime import timedelta
from django.utils import timezone
from courses.models import TrainingIndexPage, TrainingPage, TrainingSessionPage
from wagtail.models import Site
home = Site.objects.get(is_default_site=True).root_page
index = TrainingIndexPage(title="Formations", slug="formations")
home.add_child(instance=index)
index.save_revision().publish()
course = TrainingPage(title="Pile complète", slug="pile", summary="Test.", duration="1 h")
index.add_child(instance=course)
course.save_revision().publish()
start = timezone.now() + timedelta(days=20)
session = TrainingSessionPage(title="Session réelle", slug="session-reelle", start=start,
                              end=start + timedelta(hours=2), mode="a_distance", capacity=5)
course.add_child(instance=session)
session.save_revision().publish()
print(json.dumps({"path": session.url}))
"""

STATE = """
import json
from courses.models import Registration
from django_tasks_db.models import DBTaskResult
from outbox.models import Email
print(json.dumps({
    "registrations": list(Registration.objects.values_list("email", "status")),
    "emails": list(Email.objects.values("to", "status", "attempts", "last_error")),
    "tasks": DBTaskResult.objects.count(),
}, default=str))
"""

TIME_PASSES = "from outbox.models import Email; from django.utils import timezone; " \
              "Email.objects.update(next_attempt_at=timezone.now())"


def reachable(port):
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def stack_env(tmp_path_factory):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("test de la pile réelle : lancé dans la passe PostgreSQL (DATABASE_URL=postgres://…)")
    if not (reachable(5432) and reachable(6379)):
        pytest.skip("PostgreSQL (5432) ou Redis (6379) injoignable sur 127.0.0.1")
    name = f"webassoc_stack_{os.getpid()}"
    port = free_port()
    env = production_env(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{name}", REDIS_URL="redis://127.0.0.1:6379/6",
        GUNICORN_BIND=f"127.0.0.1:{port}", BASE_URL=f"http://127.0.0.1:{port}", WEB_CONCURRENCY=1,
        EMAIL_FILE_PATH=str(tmp_path_factory.mktemp("sent-emails")), PAGE_CACHE_SECONDS=0,
        # Its own keys in the shared Redis: rate-limit counters of other runs must not count here.
        CACHE_KEY_PREFIX=name,
    )
    prepare(env, demo=False)
    env["SESSION_PATH"] = json.loads(manage(env, "shell", "-c", CREATE_SESSION).stdout.strip().splitlines()[-1])["path"]
    yield env
    import psycopg

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def state(env):
    return json.loads(manage(env, "shell", "-c", STATE).stdout.strip().splitlines()[-1])


def register_over_http(env, email):
    host, port = env["GUNICORN_BIND"].split(":")
    path = env["SESSION_PATH"]
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    html = response.read().decode()
    assert response.status == 200, html[:500]
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = urlencode({"csrfmiddlewaretoken": token, "association_name": "Asso réelle", "contact_name": "Lina",
                      "email": email, "attendees": "1", "consent": "on"})
    connection.request("POST", path, body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}",
        "Referer": f"http://{host}:{port}{path}",
    })
    response = connection.getresponse()
    response.read()
    return response.status


def wait_for(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError("condition not met in time")


def sent_files(env):
    return list(os.scandir(env["EMAIL_FILE_PATH"]))


def test_registration_email_goes_through_the_database_queue_and_the_worker(stack_env):
    with running_stack(stack_env, worker=True):
        assert register_over_http(stack_env, "lina@asso.example.org") == 302

        wait_for(lambda: sent_files(stack_env))

    content = open(sent_files(stack_env)[0].path, encoding="utf-8").read()
    assert "lina@asso.example.org" in content
    result = state(stack_env)
    assert ["lina@asso.example.org", "confirmed"] in result["registrations"]
    assert result["tasks"] >= 1  # the email went through django_tasks_db, not in the request
    assert [e["status"] for e in result["emails"] if e["to"] == ["lina@asso.example.org"]] == ["sent"]


def test_mail_server_down_loses_nothing_and_the_retry_sends(stack_env):
    # SMTP on a closed port: every sending attempt fails.
    down = {**stack_env, "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(free_port()), "EMAIL_USE_TLS": "false",
            "EMAIL_TIMEOUT": "2"}
    before = len(sent_files(stack_env))
    with running_stack(down, worker=True):
        assert register_over_http(down, "sam@asso.example.org") == 302

        def attempted():
            emails = [e for e in state(down)["emails"] if e["to"] == ["sam@asso.example.org"]]
            return emails if emails and emails[0]["attempts"] >= 1 else None

        email = wait_for(attempted)[0]
    assert email["status"] == "pending" and "Connection" in email["last_error"]
    assert ["sam@asso.example.org", "confirmed"] in state(stack_env)["registrations"]

    # The mail server is back; the periodic job re-queues due emails, the worker sends them.
    manage(stack_env, "shell", "-c", TIME_PASSES)
    with running_stack(stack_env, worker=True):
        manage(stack_env, "send_pending_emails")
        wait_for(lambda: len(sent_files(stack_env)) > before)
    emails = [e for e in state(stack_env)["emails"] if e["to"] == ["sam@asso.example.org"]]
    assert emails[0]["status"] == "sent" and emails[0]["attempts"] == 2
