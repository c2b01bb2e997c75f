"""Run the production stack on this machine, without containers.

gunicorn with the production settings, the django-tasks database worker and the
periodic-job scheduler, against the local PostgreSQL and Redis. Used by
`make production-local`, by the end-to-end stack test and by bench/throughput.py.

    python -m scripts.production_stack            # serves http://127.0.0.1:8100/
"""

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/webassoc_production_local"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/3"


def production_env(**overrides):
    """Environment of the production settings, adapted to plain HTTP on 127.0.0.1."""
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST", "CI")) and key != "DATABASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="webassoc.settings.production",
        SECRET_KEY=os.environ.get("PRODUCTION_LOCAL_SECRET_KEY", secrets.token_urlsafe(64)),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        BASE_URL="http://127.0.0.1:8100",
        DATABASE_URL=os.environ.get("PRODUCTION_LOCAL_DATABASE_URL", DEFAULT_DATABASE_URL),
        REDIS_URL=os.environ.get("PRODUCTION_LOCAL_REDIS_URL", DEFAULT_REDIS_URL),
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(BASE_DIR / "sent-emails"),
        STATIC_ROOT=str(BASE_DIR / "staticfiles"),
        SERVE_MEDIA="true",
        # Plain HTTP on a workstation: no HTTPS redirect, cookies without the Secure flag.
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        GUNICORN_BIND="127.0.0.1:8100",
        WEB_CONCURRENCY="2",
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def manage(env, *args, check=True):
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=check,
        capture_output=True, text=True,
    )


def ensure_database(database_url):
    """Create the PostgreSQL database named in the URL if it does not exist."""
    import psycopg

    base, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(env, demo=True):
    ensure_database(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    if demo:
        # load_demo uses the task queue like any other writer; the worker indexes afterwards.
        manage(env, "load_demo")


def wait_until_ready(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        time.sleep(0.3)
    raise RuntimeError(f"{url} not ready after {timeout}s")


@contextlib.contextmanager
def running_stack(env, worker=True, scheduler=False, log_dir=None):
    """Start gunicorn (+ worker, + scheduler); stop everything on exit."""
    log_dir = Path(log_dir or BASE_DIR / "bench" / "results")
    log_dir.mkdir(parents=True, exist_ok=True)
    gunicorn = [PYTHON, "-m", "gunicorn", "--config", "gunicorn.conf.py", "webassoc.wsgi:application"]
    commands = {"web": gunicorn}
    if worker:
        commands["worker"] = [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2",
                              "--no-reload", "--no-startup-delay"]
    if scheduler:
        commands["scheduler"] = [PYTHON, "manage.py", "run_periodic_jobs", "--loop", "--tick", "5"]
    processes = {}
    try:
        for name, command in commands.items():
            log = open(log_dir / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
            processes[name] = subprocess.Popen(
                command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        host, port = env["GUNICORN_BIND"].split(":")
        wait_until_ready(f"http://{host}:{port}/healthz")
        yield processes
    finally:
        for process in processes.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


def main():
    # `kill`/`timeout` send SIGTERM: stop the children too, as Ctrl+C does.
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    env = production_env()
    print("Préparation (migrations, fichiers statiques, contenu de démonstration)…")
    prepare(env)
    print(f"Base : {env['DATABASE_URL']}  Cache : {env['REDIS_URL']}  E-mails : {env['EMAIL_FILE_PATH']}/")
    with running_stack(env, worker=True, scheduler=True) as processes:
        print("Site (paramètres de production) : http://127.0.0.1:8100/  — Ctrl+C pour arrêter")
        print("Processus : " + ", ".join(f"{name} (pid {p.pid})" for name, p in processes.items()))
        print("Journaux : bench/results/{web,worker,scheduler}.log")
        with contextlib.suppress(KeyboardInterrupt):
            while all(process.poll() is None for process in processes.values()):
                time.sleep(1)


if __name__ == "__main__":
    main()
