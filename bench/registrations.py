"""Concurrent registrations through a real server: seats never oversold, and how long people wait.

Starts gunicorn with the production settings on the local PostgreSQL (scripts/production_stack.py),
creates a session with CAPACITY seats, then N clients each load the session page (CSRF cookie
and token) and post the registration form at the same moment. Prints confirmed / waitlisted
counts as stored in the database, HTTP errors, and p50/p95 of the POSTs.

    .venv/bin/python -m bench.registrations [--clients 50] [--capacity 10] [--workers 4]

Prints figures; asserts nothing about time (it exits non-zero only if seats were oversold).
"""

import argparse
import http.client
import json
import re
import statistics
import sys
import threading
import time
from urllib.parse import urlencode

from scripts.production_stack import manage, prepare, production_env, running_stack

CREATE_SESSION = """
import json
from datetime import timedelta
from django.utils import timezone
from courses.models import TrainingPage, TrainingSessionPage
course = TrainingPage.objects.live().first()
start = timezone.now() + timedelta(days=30)
session = TrainingSessionPage(title="Banc d'essai " + start.isoformat(), slug="banc-" + str(int(start.timestamp())),
                              start=start, end=start + timedelta(hours=2), mode="a_distance", capacity={capacity},
                              max_attendees_per_registration=1)
course.add_child(instance=session)
session.save_revision().publish()
print(json.dumps({{"pk": session.pk, "path": session.url}}))
"""

COUNT = """
import json
from courses.models import Registration
rows = Registration.objects.filter(session_id={pk})
print(json.dumps({{"confirmed": rows.filter(status="confirmed").count(),
                  "waitlisted": rows.filter(status="waitlisted").count(),
                  "seats": sum(r.attendees for r in rows.filter(status="confirmed"))}}))
"""


def last_json_line(output):
    return json.loads([line for line in output.splitlines() if line.startswith("{")][-1])


def one_client(port, path, number, barrier, results):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    html = response.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = urlencode({
        "csrfmiddlewaretoken": token, "association_name": f"Association {number}", "contact_name": "Banc",
        "email": f"banc{number}@example.org", "attendees": "1", "consent": "on",
    })
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}",
               "Referer": f"http://127.0.0.1:{port}{path}"}
    barrier.wait()
    started = time.perf_counter()
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    results.append((time.perf_counter() - started, response.status))
    connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--capacity", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8102)
    args = parser.parse_args()

    env = production_env(GUNICORN_BIND=f"127.0.0.1:{args.port}", WEB_CONCURRENCY=args.workers,
                         RATELIMIT_ENABLED="false", ACCESS_LOG_LEVEL="WARNING")
    print(f"Préparation de la base {env['DATABASE_URL']}…")
    prepare(env)
    session = last_json_line(manage(env, "shell", "-c", CREATE_SESSION.format(capacity=args.capacity)).stdout)
    results = []
    with running_stack(env, worker=False):
        barrier = threading.Barrier(args.clients)
        threads = [threading.Thread(target=one_client, args=(args.port, session["path"], n, barrier, results))
                   for n in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    counts = last_json_line(manage(env, "shell", "-c", COUNT.format(pk=session["pk"])).stdout)
    latencies = sorted(duration for duration, _status in results)
    errors = [status for _duration, status in results if status >= 400]
    p95 = latencies[max(int(len(latencies) * 0.95) - 1, 0)]
    print(f"\n{args.clients} inscriptions simultanées, {args.capacity} places, {args.workers} workers gunicorn")
    print(f"confirmées : {counts['confirmed']}   liste d'attente : {counts['waitlisted']}   "
          f"places occupées : {counts['seats']}/{args.capacity}")
    print(f"erreurs HTTP : {len(errors)} {sorted(set(errors))}")
    print(f"latence des POST : p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
          f"max {latencies[-1] * 1000:.0f} ms")
    return 1 if counts["seats"] > args.capacity else 0


if __name__ == "__main__":
    sys.exit(main())
