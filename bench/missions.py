"""Render time of the filtered mission list at 100 and at 10,000 missions, and their ratio.

Runs on a throwaway test database (SQLite in memory by default, or PostgreSQL when
DATABASE_URL is set: a `test_…` database is created then dropped), with the test
settings and Django's test client, so the full-page cache is off and every request
renders the page.

    .venv/bin/python -m bench.missions [--small 100] [--large 10000] [--repeat 30]

Prints figures; asserts nothing about time. Target: ratio ≤ 1.2 (the list is paginated,
so only the count and the page's 12 rows depend on the number of missions).
"""

import argparse
import os
import statistics
import time

URL = "/missions/?competences=collecte&competences=emailing&format=a_distance&tri=echeance"


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webassoc.settings.test")
    import django

    django.setup()


def add_missions(target):
    """Bring the number of published open missions up to `target`, tagged in rotation."""
    from missions.models import Mission, Skill
    from tests.missions.factories import AssociationFactory, bulk_missions

    skills = {skill.slug: skill for skill in Skill.objects.all()}
    combos = [
        ["collecte", "emailing"], ["collecte"], ["emailing", "video"], ["collecte", "emailing", "search"],
    ]
    missing = target - Mission.objects.count()
    association = AssociationFactory()
    chunk = max(1, missing // len(combos))
    for number, combo in enumerate(combos):
        count = chunk if number < len(combos) - 1 else missing - chunk * (len(combos) - 1)
        bulk_missions(count, association=association, skills=[skills[slug] for slug in combo])
    from django.db import connection

    if connection.vendor in {"postgresql", "sqlite"}:  # fresh statistics, as autovacuum would give
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def measure(client, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm up: templates, site root, content types
        client.get(URL)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(URL)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    return statistics.median(timings), len(queries), response.context["result_count"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from tests.missions.factories import MissionIndexPageFactory

        MissionIndexPageFactory()
        client = Client()
        rows = []
        for size in (args.small, args.large):
            add_missions(size)
            median, queries, matching = measure(client, args.repeat)
            rows.append((size, median, queries, matching))
        print(f"Liste filtrée des missions ({connection.vendor}) : {URL}")
        print(f"{'missions':>9} {'correspondantes':>16} {'requêtes SQL':>13} {'médiane (ms)':>13}")
        for size, median, queries, matching in rows:
            print(f"{size:>9} {matching:>16} {queries:>13} {median * 1000:>13.1f}")
        ratio = rows[1][1] / rows[0][1]
        print(f"Rapport {args.large} / {args.small} : {ratio:.2f} (objectif ≤ 1,2)")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
