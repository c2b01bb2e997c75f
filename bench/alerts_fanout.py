"""Fan-out of one mission to 5,000 matching subscribers: time and SQL queries.

Measures what the web process and the worker do when a mission goes live: `fan_out()` (find the
subscribers, write one alert each), then the capped sending runs (`send_due_alerts()`: queue one
email per alert through the outbox, ALERTS_PER_RUN per run, ALERTS_BATCH per transaction). The
emails' own tasks are not run (a dummy task backend): rendering and SMTP are the outbox's
business, one short task per email, as for every email of the site.

Then the weekly digest (`--digest`, on by default): as many weekly subscribers, each with three
missions alerted during the past week, and the capped runs of `send_digests()` on Monday morning
(one email per person listing their open missions).

    .venv/bin/python -m bench.alerts_fanout [--subscribers 5000] [--per-run 500] [--no-digest]

Runs on a throwaway test database (SQLite by default, PostgreSQL when DATABASE_URL is set).
Prints figures; asserts nothing about time.
"""

import argparse
import time

from bench.harness import setup_django, throwaway_database


def add_subscribers(count):
    from django.utils import timezone

    from alerts.models import Subscription
    from missions.models import Skill

    video, collecte = Skill.objects.get(slug="video"), Skill.objects.get(slug="collecte")
    now = timezone.now()
    subscriptions = Subscription.objects.bulk_create(
        [Subscription(email=f"benevole{n}@example.org", confirmed_at=now, frequency="immediate")
         for n in range(count)], batch_size=1000)
    through = Subscription.skills.through
    through.objects.bulk_create(
        [through(subscription_id=s.pk, skill_id=video.pk) for s in subscriptions]
        + [through(subscription_id=s.pk, skill_id=collecte.pk) for s in subscriptions[::2]], batch_size=2000)
    # Non-matching subscribers, so the query has something to leave out.
    others = Subscription.objects.bulk_create(
        [Subscription(email=f"autre{n}@example.org", confirmed_at=now) for n in range(count // 5)], batch_size=1000)
    through.objects.bulk_create([through(subscription_id=s.pk, skill_id=collecte.pk) for s in others],
                                batch_size=2000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=5000)
    parser.add_argument("--per-run", type=int, default=500)
    parser.add_argument("--no-digest", dest="digest", action="store_false", help="skip the weekly digest")
    args = parser.parse_args()

    setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings

    with throwaway_database():
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
                               ALERTS_PER_RUN=args.per_run):
            run(args, connection, CaptureQueriesContext)
            if args.digest:
                run_digest(args, connection, CaptureQueriesContext)


def run(args, connection, CaptureQueriesContext):
    from alerts import services
    from outbox.models import Email
    from tests.missions.factories import MissionFactory, MissionIndexPageFactory

    MissionIndexPageFactory()
    add_subscribers(args.subscribers)
    mission = MissionFactory(title="Montage vidéo", skills=["video"], format="a_distance", effort_hours=6)

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as fan_out_queries:
        added = services.fan_out(mission)
    fan_out_time = time.perf_counter() - started

    runs = []
    while True:
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            queued, more = services.send_due_alerts()
        runs.append((queued, time.perf_counter() - started, len(queries)))
        if not more:
            break

    print(f"Fan-out d'une mission ({connection.vendor}) : {args.subscribers} abonnés concernés, "
          f"{args.per_run} e-mails au plus par passage")
    print(f"  fan_out() : {added} alertes écrites en {fan_out_time * 1000:.0f} ms, {len(fan_out_queries)} requêtes SQL")
    for number, (queued, seconds, queries) in enumerate(runs, start=1):
        print(f"  passage {number} : {queued} e-mails mis en file en {seconds:.2f} s, {queries} requêtes SQL")
    total = fan_out_time + sum(seconds for _queued, seconds, _queries in runs)
    print(f"  total : {sum(q for q, _s, _n in runs)} e-mails ({Email.objects.count()} dans l'outbox) "
          f"en {total:.1f} s ; le plus long passage : {max(s for _q, s, _n in runs):.2f} s")



def run_digest(args, connection, CaptureQueriesContext):
    from datetime import timedelta

    from django.utils import timezone

    from alerts import services
    from alerts.enums import AlertStatus, Frequency
    from alerts.models import MissionAlert, Subscription
    from outbox.models import Email
    from tests.missions.factories import MissionFactory

    monday = services.digest_week_start(timezone.now() + timedelta(days=7)) + timedelta(hours=1)
    last_week = monday - timedelta(days=3)
    weekly = Subscription.objects.bulk_create(
        [Subscription(email=f"hebdo{n}@example.org", confirmed_at=last_week, frequency=Frequency.WEEKLY)
         for n in range(args.subscribers)], batch_size=1000)
    missions = [MissionFactory(title=f"Mission de la semaine {n}", skills=["video"]) for n in range(3)]
    MissionAlert.objects.bulk_create(
        [MissionAlert(subscription=subscription, mission=mission, digest=True, created_at=last_week)
         for subscription in weekly for mission in missions], batch_size=2000)
    emails_before = Email.objects.count()

    runs = []
    while True:
        counted = []  # not CaptureQueriesContext: its log keeps the last 9,000 queries only
        started = time.perf_counter()
        with connection.execute_wrapper(lambda execute, *call, counted=counted: counted.append(1) or execute(*call)):
            queued, more = services.send_digests(now=monday)
        runs.append((queued, time.perf_counter() - started, len(counted)))
        if not more:
            break

    print(f"Résumé hebdomadaire ({connection.vendor}) : {args.subscribers} abonnés, 3 missions chacun, "
          f"{args.per_run} personnes au plus par passage")
    for number, (queued, seconds, queries) in enumerate(runs, start=1):
        print(f"  passage {number} : {queued} résumés mis en file en {seconds:.2f} s, {queries} requêtes SQL "
              f"({queries / max(queued, 1):.1f} par personne)")
    sent = MissionAlert.objects.filter(subscription__in=weekly, status=AlertStatus.SENT).count()
    print(f"  total : {Email.objects.count() - emails_before} e-mails, {sent} alertes marquées envoyées, "
          f"en {sum(s for _q, s, _n in runs):.1f} s ; le plus long passage : {max(s for _q, s, _n in runs):.2f} s")


if __name__ == "__main__":
    main()
