"""Registrations under a burst, through the production stack: seats, refusals, lock time, wall time.

Starts gunicorn (production settings, 2 workers x 2 threads by default) and the task worker on
PostgreSQL and Redis (scripts/production_stack.py), creates sessions of CAPACITY seats, then:

1. warm-up: a small burst, so that every web thread has its connection and templates loaded;
2. one after another: CLIENTS people post the registration form, each waiting for the previous;
3. burst: CLIENTS other people post it at the same moment (a barrier releases them together);
4. steps 2 and 3 again, ROUNDS times in all (5 by default), each time on new sessions (a burst of
   40 requests lasts well under a second: one round alone is at the mercy of whatever else the
   machine does; the ratio printed is the median of the rounds).

Each person is a different client address (the sockets are bound to 127.0.0.x), as on the real
site, where the rate limit counts posts per address. Every person first loads the session page
(CSRF cookie and token); only the POSTs are timed. Prints, for both runs: answers (registered,
"réessayez", errors), seats taken against the capacity, e-mails stored and sent, POST latency,
wall time, and how long each registration held the session's row lock (measured inside the
service, `courses.locks` log lines of the web processes). Then the burst's wall time divided by
the one-after-another wall time (the ideal on 2 cores is about 0.5; a lock held for a whole
request gives about 1), per round and their median. The web processes use persistent database
connections (DB_CONN_MAX_AGE=60, as compose.yaml deploys them).

The task worker runs during the timed runs, as in production: it renders and sends each email
while people register. It uses the idle core while people come one after another; during the
burst it gives the web processes way (it lowers its CPU priority, TASK_WORKER_NICENESS, and the
supervisor keeps every process in one session, where that priority counts). `--pause-worker`
stops it (SIGSTOP) during the two timed runs and resumes it afterwards, to measure the web
processes and the lock alone; the README gives both.
Either way the bench then waits until every email is rendered and sent. The targets of issue 15
(lock held p95 ≤ 10 ms in the burst, burst ≤ 0.75 × one after another) are printed with the
figures, met or not.

    .venv/bin/python -m bench.registrations [--clients 40] [--capacity 6] [--rounds 5] [--workers 2] [--threads 2]
                                             [--pause-worker]

The database is PRODUCTION_LOCAL_DATABASE_URL (default: webassoc_production_local) unless
--database-url is given. Prints figures; asserts nothing about time (it exits non-zero only if
seats were oversold, a registration has no email, or an answer was an error).
"""

import argparse
import contextlib
import http.client
import json
import os
import re
import signal
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

from scripts.production_stack import BASE_DIR, manage, prepare, production_env, running_stack

LOG_DIR = BASE_DIR / "bench" / "results" / "registrations"
RETRY_WORD = "réessayer"  # in TryAgainLater's message ("Merci de réessayer dans quelques secondes.")
LOCK_LINE = re.compile(r"session (\d+) lock held ([\d.]+) ms, awaited ([\d.]+) ms \(register\)")

CREATE_SESSIONS = """
import json
from datetime import timedelta
from django.utils import timezone
from courses.models import TrainingIndexPage, TrainingPage, TrainingSessionPage
# A course of its own per run: a waitlist email lists the course's other dates, and a course with
# every earlier run's sessions would make each email slower run after run.
course = TrainingPage(title="Banc d'essai {run}", slug="banc-{run}", duration="2 heures",
                      summary="Formation du banc d'essai des inscriptions.")
TrainingIndexPage.objects.live().first().add_child(instance=course)
course.save_revision().publish()
sessions = {{}}
for name, capacity in {plan!r}:
    start = timezone.now() + timedelta(days=30)
    session = TrainingSessionPage(
        title="Banc d'essai " + name, slug="banc-{run}-" + name, start=start, end=start + timedelta(hours=2),
        mode="a_distance", capacity=capacity, max_attendees_per_registration=1)
    course.add_child(instance=session)
    session.save_revision().publish()
    sessions[name] = {{"pk": session.pk, "path": session.url}}
print(json.dumps(sessions))
"""

BACKLOG = """
import json
from django_tasks_db.models import DBTaskResult
print(json.dumps({"ready": DBTaskResult.objects.filter(status="READY").count()}))
"""

COUNT = """
import json
from courses.models import Registration
from outbox.models import Email
counts = {{}}
for pk in {pks!r}:
    rows = list(Registration.objects.filter(session_id=pk))
    emails = [list(Email.objects.filter(to=[row.email]).values_list("template", "rendered_at", "status"))
              for row in rows]
    counts[pk] = {{
        "registrations": len(rows),
        "confirmed": sum(row.status == "confirmed" for row in rows),
        "waitlisted": sum(row.status == "waitlisted" for row in rows),
        "seats": sum(row.attendees for row in rows if row.status == "confirmed"),
        "with_one_email": sum(len(found) == 1 for found in emails),
        "rendered": sum(rendered_at is not None for found in emails for _t, rendered_at, _s in found),
        "sent": sum(status == "sent" for found in emails for _t, _r, status in found),
        "right_template": sum(
            [template for template, _r, _s in found] == ["courses/registration_" + row.status]
            for row, found in zip(rows, emails)),
    }}
print(json.dumps(counts))
"""


def last_json_line(output):
    return json.loads([line for line in output.splitlines() if line.startswith("{")][-1])


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(max(round(len(ordered) * fraction + 0.5) - 1, 0), len(ordered) - 1)]


class Person:
    """One registrant: their own client address, the session page loaded, then one POST."""

    def __init__(self, port, path, address, email):
        self.port, self.path, self.address, self.email = port, path, address, email
        self.duration = self.status = self.body = None

    def connect(self):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=120, source_address=(self.address, 0))

    def load_form(self):
        connection = self.connect()
        connection.request("GET", self.path)
        response = connection.getresponse()
        html = response.read().decode()
        connection.close()
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        self.body = urlencode({
            "csrfmiddlewaretoken": token, "association_name": "Association du banc", "contact_name": "Banc",
            "email": self.email, "attendees": "1", "consent": "on",
        })
        self.headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}",
                        "Referer": f"http://127.0.0.1:{self.port}{self.path}", "Connection": "close"}

    def post(self):
        connection = self.connect()
        connection.connect()  # connected before the clock starts, like a browser already on the page
        started = time.perf_counter()
        try:
            connection.request("POST", self.path, body=self.body, headers=self.headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
            self.status = response.status
            self.retry = RETRY_WORD in text
        except OSError as error:
            self.status, self.retry = f"{type(error).__name__}", False
        self.finished = time.perf_counter()
        self.started = started
        self.duration = self.finished - started
        connection.close()

    @property
    def outcome(self):
        if self.status == 302:
            return "registered"
        return "retry" if self.retry else "error"


def people(port, session, count, first_address, run, phase):
    return [
        Person(port, session["path"], f"127.0.{first_address + n // 250}.{2 + n % 250}",
               f"banc-{run}-{phase}-{n}@example.org")
        for n in range(count)
    ]


def one_after_another(group):
    for person in group:
        person.load_form()
    started = time.perf_counter()
    for person in group:
        person.post()
    return time.perf_counter() - started


def burst(group):
    for person in group:
        person.load_form()
    barrier = threading.Barrier(len(group) + 1)

    def go(person):
        barrier.wait()
        person.post()

    threads = [threading.Thread(target=go, args=(person,)) for person in group]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return max(person.finished for person in group) - started


@contextlib.contextmanager
def worker_paused(worker):
    """The task worker stopped (SIGSTOP) during the timed runs, then resumed to render and send
    (`--pause-worker`): the web processes and the lock measured alone. `None`: nothing paused."""
    if worker is None:
        yield
        return
    os.killpg(worker.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.killpg(worker.pid, signal.SIGCONT)


def lock_times(log_path, session_pk):
    """(held, awaited) in ms of every registration of the session, from the web processes' logs."""
    held, awaited = [], []
    for line in Path(log_path).read_text(errors="replace").splitlines():
        try:
            message = json.loads(line).get("message", "")
        except ValueError:
            message = line
        match = LOCK_LINE.search(message)
        if match and int(match.group(1)) == session_pk:
            held.append(float(match.group(2)))
            awaited.append(float(match.group(3)))
    return held, awaited


def wait_for_empty_queue(env, timeout=180):
    """Wait until the worker has no task left from before (the demo's, the warm-up's), so that the
    timed runs measure registrations and their own e-mails, not a backlog."""
    deadline = time.monotonic() + timeout
    while last_json_line(manage(env, "shell", "-c", BACKLOG).stdout)["ready"] and time.monotonic() < deadline:
        time.sleep(1)


def wait_for_emails(env, session_pks, expected, timeout=30):
    """The counts of each session once every registration's email is sent (or after `timeout`)."""
    deadline = time.monotonic() + timeout
    while True:
        output = manage(env, "shell", "-c", COUNT.format(pks=list(session_pks))).stdout
        counts = {int(pk): value for pk, value in last_json_line(output).items()}
        if all(c["sent"] >= expected for c in counts.values()) or time.monotonic() > deadline:
            return counts
        time.sleep(1)


def ms(values):
    return (f"p50 {statistics.median(values):.1f} ms, p95 {percentile(values, 0.95):.1f} ms, "
            f"max {max(values):.1f} ms")


def report(title, groups, walls, counts, capacity, log_path):
    """One phase over every round: answers, seats, emails, POST latency, wall times, lock times."""
    everyone = [person for group in groups for person in group]
    outcomes = [person.outcome for person in everyone]
    errors = sorted({str(person.status) for person in everyone if person.outcome == "error"})
    held, awaited = [], []
    for pk in counts:
        session_held, session_awaited = lock_times(log_path, pk)
        held += session_held
        awaited += session_awaited
    total = {key: sum(c[key] for c in counts.values()) for key in next(iter(counts.values()))}
    most_seats = max(c["seats"] for c in counts.values())
    print(f"\n{title} ({len(groups)} tours de {len(groups[0])} personnes)")
    print(f"  réponses : {outcomes.count('registered')} inscrits, {outcomes.count('retry')} « réessayez », "
          f"{outcomes.count('error')} erreurs {errors or ''}")
    print(f"  places : au plus {most_seats}/{capacity} occupées par session ({total['confirmed']} confirmées, "
          f"{total['waitlisted']} en liste d'attente en tout)")
    print(f"  e-mails : {total['with_one_email']}/{total['registrations']} inscriptions avec exactement un e-mail "
          f"({total['right_template']} du bon modèle), {total['rendered']} rédigés, {total['sent']} envoyés")
    print(f"  POST : {ms([person.duration * 1000 for person in everyone])} ; "
          f"durée de chaque tour : {', '.join(f'{wall:.2f} s' for wall in walls)}")
    if held:
        print(f"  verrou de la session tenu : {ms(held)} ; attendu : {ms(awaited)} ({len(held)} mesures)")
    else:
        print("  verrou de la session : aucune mesure trouvée dans le journal")
    ok = outcomes.count("error") == 0 and most_seats <= capacity and (
        total["with_one_email"] == total["registrations"])
    return ok, held, outcomes.count("retry")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5, help="one-after-another then burst, this many times")
    parser.add_argument("--capacity", type=int, default=6)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8115)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--no-task-worker", action="store_true", help="no db_worker: emails stay unsent")
    parser.add_argument("--pause-worker", action="store_true",
                        help="pause the task worker (SIGSTOP) during the timed runs; it then renders and sends")
    parser.add_argument("--skip-prepare", action="store_true", help="database already migrated, demo loaded")
    args = parser.parse_args()

    run = uuid.uuid4().hex[:8]
    overrides = {"DATABASE_URL": args.database_url} if args.database_url else {}
    env = production_env(
        GUNICORN_BIND=f"127.0.0.1:{args.port}", WEB_CONCURRENCY=args.workers, GUNICORN_THREADS=args.threads,
        ACCESS_LOG_LEVEL="WARNING", LOCK_LOG_LEVEL="INFO", TASKS_LOG_LEVEL="WARNING",
        DB_CONN_MAX_AGE=60,  # as compose.yaml deploys it: no new PostgreSQL connection per request
        CACHE_KEY_PREFIX=f"bench-registrations-{run}",  # fresh rate-limit counters, nobody else's keys
        **overrides,
    )
    worker = ("sans worker de tâches" if args.no_task_worker else "worker de tâches en pause pendant les mesures, "
              "puis repris" if args.pause_worker else "worker de tâches actif pendant les mesures")
    print(f"Base {env['DATABASE_URL']} ; gunicorn {args.workers} workers × {args.threads} threads ; {worker}")
    if not args.skip_prepare:
        print("Préparation (migrations, fichiers statiques, contenu de démonstration)…")
        prepare(env)
    backlog = last_json_line(manage(env, "shell", "-c", BACKLOG).stdout)["ready"]
    if backlog and not args.no_task_worker:
        print(f"{backlog} tâches attendaient déjà dans la file (contenu de démonstration) : "
              "le worker les traite avant les mesures.")
    plan = [("chauffe", 2)] + [(f"{phase}-{r}", args.capacity) for r in range(args.rounds)
                               for phase in ("file", "rafale")]
    sessions = last_json_line(manage(env, "shell", "-c", CREATE_SESSIONS.format(plan=plan, run=run)).stdout)

    sequential, simultaneous, sequential_walls, burst_walls = [], [], [], []
    with running_stack(env, worker=not args.no_task_worker, log_dir=LOG_DIR) as processes:
        # Warm-up: a small burst, so that every web thread has its database connection and templates.
        burst(people(args.port, sessions["chauffe"], 4 * args.workers * args.threads, 250, run, "chauffe"))
        if not args.no_task_worker:
            wait_for_empty_queue(env)
        with worker_paused(processes.get("worker") if args.pause_worker else None):
            for r in range(args.rounds):  # each round on its own sessions, from its own addresses
                sequential.append(people(args.port, sessions[f"file-{r}"], args.clients, 2 * r, run, f"file{r}"))
                sequential_walls.append(one_after_another(sequential[-1]))
                simultaneous.append(people(args.port, sessions[f"rafale-{r}"], args.clients, 100 + 2 * r, run,
                                           f"rafale{r}"))
                burst_walls.append(burst(simultaneous[-1]))
        expected = 0 if args.no_task_worker else 1
        pks = {name: session["pk"] for name, session in sessions.items() if name != "chauffe"}
        counts = wait_for_emails(env, pks.values(), expected * args.clients, timeout=90 if expected else 0)

    log = LOG_DIR / "web.log"
    ok, _held, retries = report("Une après l'autre", sequential, sequential_walls,
                                {pk: counts[pk] for name, pk in pks.items() if name.startswith("file")},
                                args.capacity, log)
    burst_ok, burst_held, burst_retries = report(
        "En rafale (toutes en même temps)", simultaneous, burst_walls,
        {pk: counts[pk] for name, pk in pks.items() if name.startswith("rafale")}, args.capacity, log)
    ratios = [burst_wall / wall for burst_wall, wall in zip(burst_walls, sequential_walls, strict=True)]
    ratio = statistics.median(ratios)
    print(f"\nRafale / une après l'autre : médiane {ratio:.2f} "
          f"(tours : {', '.join(f'{value:.2f}' for value in ratios)} ; idéal sur 2 cœurs ≈ 0,5)")
    # The targets of issue 15, printed met or not (the bench asserts nothing about time).
    lock_p95 = percentile(burst_held, 0.95) if burst_held else float("nan")
    print("Objectifs : verrou tenu p95 ≤ 10 ms en rafale : "
          f"{lock_p95:.1f} ms ({'atteint' if lock_p95 <= 10 else 'manqué'}) ; rafale ≤ 0,75 × une après l'autre : "
          f"{ratio:.2f} ({'atteint' if ratio <= 0.75 else 'manqué'}) ; 0 « réessayez » : "
          f"{retries + burst_retries} ({'atteint' if retries + burst_retries == 0 else 'manqué'})")
    return 0 if ok and burst_ok else 1


if __name__ == "__main__":
    sys.exit(main())
