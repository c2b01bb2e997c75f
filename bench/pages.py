"""Uncached cost of the main public pages: median and minimum time, SQL queries per page.

In-process WSGI (Django's test client), DEBUG off, the demo content on SQLite (or
DATABASE_URL), the full-page cache off so that every request renders its page, the
fragment caches on (as in production; warm after the first request), persistent database
connections as compose deploys them. Three rounds of 30 requests per page after a warm-up;
the median and minimum over all requests, and the CPU time of the process per request
(less sensitive than wall time to the other work on a shared machine).

    .venv/bin/python -m bench.pages [--rounds 3] [--requests 30] [--database /tmp/bench.sqlite3]

The database file is created, migrated and filled with the demo content the first time
(`load_demo`), then reused. Prints figures; asserts nothing about time. Target: every
page's median ≤ 30 ms on SQLite on the 2-core reference machine.
"""

import argparse
import os
import statistics
import sys
import time

DEFAULT_DATABASE = "/tmp/webassoc-bench-pages.sqlite3"


def setup(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "webassoc.settings.dev"
    os.environ["DEBUG"] = "0"
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ.setdefault("DB_CONN_MAX_AGE", "60")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)


def pages():
    """(label, URL) of each page measured, found in the demo content."""
    from courses.models import TrainingSessionPage
    from home.models import ManifestoPage, NewsPage
    from missions.models import Mission

    session = TrainingSessionPage.objects.live().order_by("start").first()
    article = NewsPage.objects.live().order_by("-date", "-pk").first()
    mission = Mission.objects.open().order_by("-pk").first()
    manifesto = ManifestoPage.objects.live().first()
    found = [
        ("accueil", "/"),
        ("liste des missions", "/missions/"),
        ("missions filtrées", "/missions/?format=a_distance&tri=echeance"),
        ("une mission", mission.get_url() if mission else None),
        ("catalogue des formations", "/formations/"),
        ("une session", session.url if session else None),
        ("actualités", "/actualites/"),
        ("un article", article.url if article else None),
        ("manifeste", manifesto.url if manifesto else None),
    ]
    return [(label, url) for label, url in found if url]


def measure(client, url, rounds, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(5):  # warm up: templates, fragment caches, connections
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    wall, cpu = [], []
    for _ in range(rounds):
        for _ in range(requests):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return {
        "median": statistics.median(wall) * 1000, "min": min(wall) * 1000,
        "cpu": statistics.median(cpu) * 1000, "queries": len(queries),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--database", default=DEFAULT_DATABASE, help="SQLite file (ignored with DATABASE_URL)")
    args = parser.parse_args()

    setup(os.environ.get("DATABASE_URL") or f"sqlite:///{args.database}")
    from django.db import connection
    from django.test import Client

    client = Client()
    print(f"Coût d'une page non cachée ({connection.vendor}, en processus, DEBUG off, "
          f"{args.rounds} × {args.requests} requêtes ; charge de la machine : "
          f"{' '.join(f'{load:.1f}' for load in os.getloadavg())})")
    header = f"{'page':28} {'médiane ms':>11} {'min ms':>8} {'CPU ms':>8} {'requêtes':>9}"
    print(header)
    print("-" * len(header))
    for label, url in pages():
        result = measure(client, url, args.rounds, args.requests)
        print(f"{label:28} {result['median']:11.1f} {result['min']:8.1f} {result['cpu']:8.1f} "
              f"{result['queries']:9d}  {url}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
