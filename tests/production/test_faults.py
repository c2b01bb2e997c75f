"""Faults on the real stack (issue 15, items 1–4): gunicorn + db_worker + scheduler, production settings.

Each test injects a fault into private services started for this module (never the shared
PostgreSQL or Redis): a PostgreSQL cluster of its own, a Redis server of its own and a fake
SMTP server (tests/production/services.py).

- Redis stops: pages are served uncached, /readyz says 503, no process dies; back to the
  cache when Redis returns.
- PostgreSQL restarts: the worker and the scheduler wait and go on (no restart needed).
- The worker is killed (twice) mid-send: the supervisor restarts it alone; the email being
  handed over is never sent twice, the one interrupted before the transmission is sent once
  with its Message-ID, and no task stays RUNNING.
- `python -m scripts.production_stack` (make production-local) stops every process on SIGTERM.

Runs in CI's PostgreSQL pass (DATABASE_URL=postgres://…), like test_real_stack.py.
"""

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from scripts.production_stack import BASE_DIR, manage, prepare, production_env, running_stack
from tests.production.services import (
    FakeSMTPServer,
    PrivatePostgres,
    PrivateRedis,
    can_run_private_postgres,
    free_port,
)
from tests.production.test_real_stack import CREATE_SESSION, register_over_http, wait_for

pytestmark = pytest.mark.slow

SHELL_STATE = """
import json
from django_tasks_db.models import DBTaskResult
from outbox.models import Email
print(json.dumps({
    "emails": {e["to"][0]: e for e in Email.objects.values("to", "status", "message_id", "attempts")},
    "running_tasks": DBTaskResult.objects.filter(status="RUNNING").count(),
}))
"""
# What the periodic jobs do 15 minutes after the worker was killed, done right now.
PERIODIC_RECOVERY_NOW = """
import json
from datetime import timedelta
from django.conf import settings
from django.core.management import call_command
from outbox.services import release_stale_claims
released = release_stale_claims(older_than=timedelta(0))
call_command("send_pending_emails")
settings.TASK_STUCK_MINUTES = 0
call_command("recover_stuck_tasks")
print(json.dumps(released))
"""


@pytest.fixture(scope="module")
def postgres():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("pannes de la pile réelle : lancées dans la passe PostgreSQL (DATABASE_URL=postgres://…)")
    if not can_run_private_postgres():
        pytest.skip("PostgreSQL privé impossible ici (initdb/pg_ctl et runuser en root nécessaires)")
    server = PrivatePostgres()
    server.start()
    yield server
    server.destroy()


@pytest.fixture(scope="module")
def redis():
    server = PrivateRedis()
    server.start()
    yield server
    server.destroy()


@pytest.fixture(scope="module")
def smtp():
    server = FakeSMTPServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def fault_env(postgres, redis, smtp):
    port = free_port()
    env = production_env(
        DATABASE_URL=f"{postgres.url}/webassoc_faults", REDIS_URL=redis.url, REDIS_RETRY_SECONDS=1,
        GUNICORN_BIND=f"127.0.0.1:{port}", BASE_URL=f"http://127.0.0.1:{port}", WEB_CONCURRENCY=1,
        PAGE_CACHE_SECONDS=300, DB_CONN_MAX_AGE=60,  # persistent connections, as in compose
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=smtp.port, EMAIL_USE_TLS="false", EMAIL_TIMEOUT=60, RATELIMIT_ENABLED="false",
    )
    prepare(env, demo=False)
    env["SESSION_PATH"] = json.loads(manage(env, "shell", "-c", CREATE_SESSION).stdout.strip().splitlines()[-1])["path"]
    return env


def shell(env, code, **overrides):
    output = manage({**env, **{key: str(value) for key, value in overrides.items()}}, "shell", "-c", code)
    return json.loads(output.stdout.strip().splitlines()[-1])


def get(env, path):
    host, port = env["GUNICORN_BIND"].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def log_lines(log_dir, name, text):
    return [line for line in (log_dir / f"{name}.log").read_text().splitlines() if text in line]


def sent_to(smtp, address):
    return [message for message in smtp.messages if address in message["To"]]


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_redis_outage_serves_pages_uncached_and_stops_no_process(fault_env, redis, tmp_path):
    catalogue = fault_env["SESSION_PATH"].split("/")[1]
    with running_stack(fault_env, scheduler=True, log_dir=tmp_path, tick=1) as stack:
        get(fault_env, "/")  # the first visit creates the site settings: a content change
        assert [get(fault_env, "/").getheader("X-Cache") for _ in range(2)] == ["MISS", "HIT"]

        redis.stop()
        statuses = {get(fault_env, path).status for _ in range(10) for path in ("/", f"/{catalogue}/")}
        ready = get(fault_env, "/readyz")
        time.sleep(2)  # the scheduler ticks every second meanwhile

        assert statuses == {200}
        assert ready.status == 503
        assert json.loads(ready.body) == {"status": "error", "database": "ok", "cache": "error"}
        assert all(process.poll() is None for process in stack.values())
        assert stack.restarts == {"web": 0, "worker": 0, "scheduler": 0}

        redis.start()
        wait_for(lambda: get(fault_env, "/readyz").status == 200, timeout=15)
        assert [get(fault_env, "/").getheader("X-Cache") for _ in range(2)] == ["MISS", "HIT"]

    # One gunicorn worker: one warning for twenty failing pages, then one when Redis is back.
    assert len(log_lines(tmp_path, "web", "unreachable")) == 1
    assert len(log_lines(tmp_path, "web", "reachable again")) == 1


def test_production_local_stops_every_process_on_sigterm(fault_env, tmp_path):
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))}
    env.update(PRODUCTION_LOCAL_DATABASE_URL=fault_env["DATABASE_URL"], PRODUCTION_LOCAL_REDIS_URL=fault_env["REDIS_URL"])
    main = subprocess.Popen(
        [sys.executable, "-m", "scripts.production_stack", "--port", str(port), "--no-prepare", "--log-dir", str(tmp_path)],
        cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        line = ""
        while not line.startswith("Processus :"):
            line = main.stdout.readline()
            assert line or main.poll() is None, "production_stack ended before starting its processes"
        pids = [int(pid) for pid in re.findall(r"pid (\d+)", line)]
        assert len(pids) == 3

        main.send_signal(signal.SIGTERM)
        main.wait(timeout=30)
    finally:
        if main.poll() is None:
            main.kill()

    assert not [pid for pid in pids if alive(pid)]
    assert "Arrêté." in main.stdout.read()


def test_worker_and_scheduler_survive_a_postgresql_restart(fault_env, postgres, smtp, tmp_path):
    smtp.expect("normal")
    with running_stack(fault_env, scheduler=True, log_dir=tmp_path, tick=1) as stack:
        assert register_over_http(fault_env, "avant@asso.example.org") == 302
        wait_for(lambda: smtp.data_received.is_set(), timeout=20)

        postgres.stop()
        time.sleep(3)  # the worker polls every 0.2 s, the scheduler ticks every second
        assert get(fault_env, "/readyz").status == 503
        postgres.start()

        wait_for(lambda: get(fault_env, "/readyz").status == 200, timeout=20)
        smtp.expect("normal")
        assert register_over_http(fault_env, "apres@asso.example.org") == 302
        wait_for(lambda: smtp.data_received.is_set(), timeout=30)  # sent by the same worker
        wait_for(lambda: log_lines(tmp_path, "scheduler", "running again"), timeout=10)

        assert stack.restarts == {"web": 0, "worker": 0, "scheduler": 0}
        assert all(process.poll() is None for process in stack.values())
    assert log_lines(tmp_path, "worker", "database unreachable")
    assert log_lines(tmp_path, "scheduler", "periodic jobs not run")


def test_a_killed_worker_is_restarted_and_neither_sends_an_email_twice_nor_leaves_tasks_stuck(
        fault_env, smtp, tmp_path):
    with running_stack(fault_env, scheduler=True, log_dir=tmp_path, tick=60) as stack:
        web, scheduler = stack["web"].pid, stack["scheduler"].pid

        # 1. Killed after handing the message over, before the server said "accepted".
        smtp.expect("hang_after_data")
        assert register_over_http(fault_env, "tue-pendant@asso.example.org") == 302
        assert smtp.data_received.wait(20)
        os.killpg(stack["worker"].pid, signal.SIGKILL)

        # 2. Killed while the mail server had not even greeted it.
        smtp.expect("hang_at_greeting")
        wait_for(lambda: stack.restarts["worker"] == 1 and stack["worker"].poll() is None, timeout=15)
        assert register_over_http(fault_env, "tue-avant@asso.example.org") == 302
        assert smtp.connected.wait(20)
        os.killpg(stack["worker"].pid, signal.SIGKILL)
        smtp.expect("normal")
        wait_for(lambda: stack.restarts["worker"] == 2 and stack["worker"].poll() is None, timeout=15)

        # The supervisor restarted the worker alone.
        assert (stack["web"].pid, stack["scheduler"].pid) == (web, scheduler)
        assert stack.restarts == {"web": 0, "worker": 2, "scheduler": 0}

        assert shell(fault_env, PERIODIC_RECOVERY_NOW) == [1, 1]  # requeued, uncertain
        wait_for(lambda: sent_to(smtp, "tue-avant@asso.example.org"), timeout=20)
        time.sleep(1.5)  # anything sent twice, or a task run again, would show now
        state = wait_for(lambda: (state := shell(fault_env, SHELL_STATE))["running_tasks"] == 0 and state,
                         timeout=20)

    during, before = state["emails"]["tue-pendant@asso.example.org"], state["emails"]["tue-avant@asso.example.org"]
    assert during["status"] == "uncertain"
    assert len(smtp.received(during["message_id"])) == len(sent_to(smtp, "tue-pendant@asso.example.org")) == 1
    assert len(smtp.received(before["message_id"])) == len(sent_to(smtp, "tue-avant@asso.example.org")) == 1
    assert (before["status"], before["attempts"]) == ("sent", 2)
    assert len(log_lines(tmp_path, "worker", "redémarré")) == 2
