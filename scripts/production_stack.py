"""Run the production stack on this machine, without containers.

gunicorn with the production settings, the django-tasks database worker and the
periodic-job scheduler, against the local PostgreSQL and Redis. Used by
`make production-local`, by the end-to-end stack tests and by the benchmarks.

The processes are supervised (like compose's `restart: unless-stopped`): one that exits
is restarted with a growing delay and the others keep running; Ctrl+C or SIGTERM stops
them all.

    python -m scripts.production_stack            # serves http://127.0.0.1:8100/
    python -m scripts.production_stack --port 8101 --no-demo
"""

import argparse
import contextlib
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Mapping
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
        DB_CONN_MAX_AGE="60",  # persistent connections, as compose.yaml deploys them
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


class Supervisor(Mapping):
    """Runs named commands and restarts any that exits, without touching the others.

    A child that exits is started again after a delay (1, 2, 4… up to 30 s; back to 1 s once
    it had run for 30 s). `stop()` ends every child (SIGTERM to its process group, then
    SIGKILL after 15 s). As a mapping: name → the child's current `subprocess.Popen`.
    """

    first_delay = 1.0
    max_delay = 30.0
    stable_after = 30.0
    poll_interval = 0.2

    def __init__(self, commands, env, log_dir, announce=None):
        self.commands = dict(commands)
        self.env = env
        self.log_dir = Path(log_dir)
        self.announce = announce or (lambda message: None)
        self.current = {}
        self.restarts = dict.fromkeys(self.commands, 0)
        self.started_at = {}
        self.delay = dict.fromkeys(self.commands, self.first_delay)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.watcher = threading.Thread(target=self.watch, name="supervisor", daemon=True)

    def __getitem__(self, name):
        return self.current[name]

    def __iter__(self):
        return iter(self.current)

    def __len__(self):
        return len(self.current)

    def start(self):
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for name in self.commands:
            self.spawn(name, mode="w")
        self.watcher.start()
        return self

    def spawn(self, name, mode="a"):
        with open(self.log_dir / f"{name}.log", mode) as log:  # the child keeps its own copy
            self.current[name] = subprocess.Popen(
                self.commands[name], cwd=BASE_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                # Its own process group (stop() signals the child and its own children), in the
                # supervisor's session: Linux shares CPU out between sessions first (autogroups), so
                # a child in a session of its own would compete as an equal whatever its niceness;
                # in this one, the task worker's TASK_WORKER_NICENESS gives the web processes way.
                process_group=0, stdin=subprocess.DEVNULL,
            )
        self.started_at[name] = time.monotonic()

    def watch(self):
        due = {}  # name → when to start it again
        while not self.stopping.wait(self.poll_interval):
            with self.lock:
                if self.stopping.is_set():
                    return
                now = time.monotonic()
                for name, process in self.current.items():
                    if name in due or process.poll() is None:
                        continue
                    if now - self.started_at[name] >= self.stable_after:
                        self.delay[name] = self.first_delay
                    due[name] = now + self.delay[name]
                    self.note(name, f"{name} s'est arrêté (code {process.returncode}) ; "
                                    f"redémarrage dans {self.delay[name]:g} s")
                    self.delay[name] = min(self.delay[name] * 2, self.max_delay)
                for name, when in list(due.items()):
                    if now >= when:
                        del due[name]
                        self.spawn(name)
                        self.restarts[name] += 1
                        self.note(name, f"{name} redémarré (pid {self.current[name].pid})")

    def note(self, name, message):
        line = f"[superviseur {time.strftime('%H:%M:%S')}] {message}"
        with open(self.log_dir / f"{name}.log", "a") as log:
            log.write(line + "\n")
        self.announce(line)

    def stop(self):
        with self.lock:
            self.stopping.set()
        processes = list(self.current.values())
        for process in processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if self.watcher.is_alive():
            self.watcher.join(timeout=5)


def stack_commands(worker=True, scheduler=False, tick=5):
    gunicorn = [PYTHON, "-m", "gunicorn", "--config", "gunicorn.conf.py", "webassoc.wsgi:application"]
    commands = {"web": gunicorn}
    if worker:
        commands["worker"] = [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2",
                              "--no-reload", "--no-startup-delay"]
    if scheduler:
        commands["scheduler"] = [PYTHON, "manage.py", "run_periodic_jobs", "--loop", "--tick", str(tick)]
    return commands


@contextlib.contextmanager
def running_stack(env, worker=True, scheduler=False, log_dir=None, tick=5, announce=None):
    """Start gunicorn (+ worker, + scheduler) under a Supervisor; stop everything on exit.

    Yields the supervisor: `stack["web"].pid`, `stack.restarts["worker"]`…
    """
    log_dir = Path(log_dir or BASE_DIR / "bench" / "results")
    supervisor = Supervisor(stack_commands(worker, scheduler, tick), env, log_dir, announce=announce)
    try:
        supervisor.start()
        host, port = env["GUNICORN_BIND"].split(":")
        wait_until_ready(f"http://{host}:{port}/healthz")
        yield supervisor
    finally:
        supervisor.stop()


def stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


def main(argv=None):
    parser = argparse.ArgumentParser(description="gunicorn + worker + scheduler, production settings, supervised.")
    parser.add_argument("--port", type=int, default=8100, help="port of the site (default 8100)")
    parser.add_argument("--no-demo", action="store_true", help="do not load the demo content")
    parser.add_argument("--no-prepare", action="store_true",
                        help="start at once: no migrations, static files nor demo content")
    parser.add_argument("--log-dir", default=str(BASE_DIR / "bench" / "results"), help="where the logs go")
    args = parser.parse_args(argv)
    # `kill`/`timeout` send SIGTERM: stop the children too, as Ctrl+C does.
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    env = production_env(GUNICORN_BIND=f"127.0.0.1:{args.port}", BASE_URL=f"http://127.0.0.1:{args.port}")
    if not args.no_prepare:
        print("Préparation (migrations, fichiers statiques, contenu de démonstration)…", flush=True)
        prepare(env, demo=not args.no_demo)
    print(f"Base : {env['DATABASE_URL']}  Cache : {env['REDIS_URL']}  E-mails : {env['EMAIL_FILE_PATH']}/")
    with contextlib.suppress(KeyboardInterrupt):
        with running_stack(env, worker=True, scheduler=True, log_dir=args.log_dir,
                           announce=lambda line: print(line, flush=True)) as processes:
            print(f"Site (paramètres de production) : {env['BASE_URL']}/  — Ctrl+C pour arrêter")
            print("Processus : " + ", ".join(f"{name} (pid {p.pid})" for name, p in processes.items()))
            print(f"Journaux : {args.log_dir}/{{web,worker,scheduler}}.log ; "
                  "un processus qui s'arrête est redémarré, les autres continuent.", flush=True)
            while True:
                time.sleep(1)
    print("Arrêté.", flush=True)


if __name__ == "__main__":
    main()
