"""Render time of the "Statistiques" admin page over five years of data: 10,000 applications
and 2,000 training sessions (10,000 registrations), with requests, missions, outcomes, feedback and
signatures, against the same page on a nearly empty database.

Runs on a throwaway test database (SQLite by default, or PostgreSQL when DATABASE_URL is set:
a `test_…` database is created then dropped), with the test settings and Django's test client.

    .venv/bin/python -m bench.statistics [--applications 10000] [--sessions 2000] [--repeat 10]

Prints figures; asserts nothing about time.
"""

import argparse
import random
import statistics
import time
from datetime import timedelta

from bench.harness import setup_django, throwaway_database

URL = "/admin/statistiques/"
YEARS = 5



def add_missions_data(applications, now):
    from missions.models import Application, Feedback, Mission, MissionRequest
    from tests.missions.factories import bulk_missions

    rng = random.Random(10)
    span = YEARS * 365
    missions = bulk_missions(max(1, applications // 10))
    Mission.objects.filter(pk__in=[m.pk for m in missions[::3]]).update(status="pourvue", filled_at=now)
    MissionRequest.objects.bulk_create([
        MissionRequest(association_name="A", contact_name="B", email=f"r{n}@example.org", title="Besoin",
                       description="…", created_at=now - timedelta(days=rng.randrange(span)),
                       status="convertie" if n % 2 else "nouvelle")
        for n in range(applications // 10)
    ], batch_size=1000)
    rows = []
    for n in range(applications):
        created = now - timedelta(days=rng.randrange(span), hours=rng.randrange(24))
        answered = created + timedelta(hours=rng.randrange(1, 24 * 9)) if n % 5 else None
        introduced = answered is not None and n % 4 == 0
        rows.append(Application(
            mission=missions[n % len(missions)], name="Bénévole", email=f"b{n}@example.org", message="…",
            created_at=created, first_answered_at=answered,
            status="mise_en_relation" if introduced else "declinee" if answered else "nouvelle",
            matched_at=answered if introduced else None,
            outcome="realisee" if introduced and n % 3 else "",
            outcome_at=answered + timedelta(days=30) if introduced and n % 3 else None,
        ))
    Application.objects.bulk_create(rows, batch_size=1000)
    Feedback.objects.bulk_create([
        Feedback(application=application, side="benevole", rating=rng.randint(1, 5),
                 answered_at=application.outcome_at)
        for application in Application.objects.exclude(outcome="")
    ], batch_size=1000)


def add_sessions(count, now):
    from courses.models import Registration, TrainingSessionPage
    from home.models import Signature
    from tests.courses.factories import TrainingPageFactory
    from tests.home.factories import ManifestoPageFactory

    rng = random.Random(20)
    course = TrainingPageFactory()
    for n in range(count):
        start = now - timedelta(days=rng.randrange(YEARS * 365))
        course.add_child(instance=TrainingSessionPage(
            title=f"Session {n}", slug=f"session-{n}", start=start, end=start + timedelta(hours=3), capacity=10,
            mode="a_distance",
        ))
    statuses = ["confirmed", "attended", "no_show", "waitlisted", "cancelled"]
    Registration.objects.bulk_create([
        Registration(session_id=session_id, association_name="A", contact_name="B", email=f"s{session_id}-{k}@e.org",
                     status=statuses[k], attendees=1 + k % 2, promoted_at=None if k else now)
        for session_id in TrainingSessionPage.objects.values_list("pk", flat=True) for k in range(5)
    ], batch_size=1000)
    page = ManifestoPageFactory()
    Signature.objects.bulk_create([
        Signature(page=page, first_name="A", last_name="B", email=f"m{n}@e.org", profession="dev",
                  confirmed_at=now - timedelta(days=rng.randrange(YEARS * 365)))
        for n in range(count)
    ], batch_size=1000)


def measure(client, repeat, period):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(URL, period)  # warm up
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(URL, period)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, period)
    return statistics.median(timings), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--sessions", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    setup_django()
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    with throwaway_database():
        from tests.factories import SuperUserFactory
        from tests.missions.factories import MissionIndexPageFactory

        MissionIndexPageFactory()
        client = Client()
        client.force_login(SuperUserFactory())
        today = timezone.localdate()
        period = {"du": f"{today.year - YEARS}-{today.month:02d}", "au": f"{today:%Y-%m}"}
        empty = measure(client, args.repeat, period)
        started = time.perf_counter()
        now = timezone.now()
        add_missions_data(args.applications, now)
        add_sessions(args.sessions, now)
        if connection.vendor in {"postgresql", "sqlite"}:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"Données créées en {time.perf_counter() - started:.0f} s")
        full = measure(client, args.repeat, period)
        print(f"Page Statistiques ({connection.vendor}), {YEARS} ans mois par mois ({period['du']} → {period['au']})")
        print(f"{'données':>40} {'requêtes SQL':>13} {'médiane (ms)':>13}")
        print(f"{'presque vide':>40} {empty[1]:>13} {empty[0] * 1000:>13.1f}")
        label = f"{args.applications} candidatures, {args.sessions} sessions"
        print(f"{label:>40} {full[1]:>13} {full[0] * 1000:>13.1f}")


if __name__ == "__main__":
    main()
