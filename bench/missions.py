"""Render time of the filtered mission list at 100 and at 10,000 missions, and their ratio.

Runs on a throwaway test database (SQLite in memory by default, or PostgreSQL when
DATABASE_URL is set: a `test_…` database is created then dropped), with the test
settings and Django's test client, so the full-page cache is off and every request
renders the page.

    .venv/bin/python -m bench.missions [--small 100] [--large 10000] [--repeat 30]

Prints figures, twice: every request rendered in full, and with the fragment cache on as in
production (the filter counts, which read every matching mission, are then computed once per
content change). Asserts nothing about time. Target: ratio ≤ 1.1 with the same query count
(the page's rows are read by walking the sort order's index, and the count stops at 1,001:
"plus de 1 000 missions"; webassoc.pagination.page_of_ids). Also prints the CPU time of
the process per request, less sensitive than wall time to other work on a shared machine.
"""

import argparse
import os
import statistics
import time

from bench.harness import setup_django, throwaway_database

URL = "/missions/?competences=collecte&competences=emailing&format=a_distance&tri=echeance"



def add_missions(target):
    """Bring the number of published open missions up to `target`, tagged in rotation."""
    from missions.models import Mission, Skill
    from tests.missions.factories import AssociationFactory, bulk_missions

    skills = {skill.slug: skill for skill in Skill.objects.all()}
    combos = [
        ["collecte", "emailing"], ["collecte"], ["emailing", "video"], ["collecte", "emailing", "referencement"],
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
    timings, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(URL)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    page = response.context["page_obj"]
    shown = f"> {page.count_cap}" if page.count_is_lower_bound else str(response.context["result_count"])
    return statistics.median(timings), statistics.median(cpu), len(queries), shown


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    setup_django()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, override_settings

    with throwaway_database():
        from tests.missions.factories import MissionIndexPageFactory

        MissionIndexPageFactory()
        client = Client()
        rows = {"sans": [], "avec": []}
        for size in (args.small, args.large):
            add_missions(size)
            # Every request rendered in full, filter counts included…
            rows["sans"].append((size, *measure(client, args.repeat)))
            # …and as in production, where the filter counts are kept per content change
            # (FRAGMENT_CACHE_SECONDS; the first request after a change computes them).
            cache.clear()
            with override_settings(FRAGMENT_CACHE_SECONDS=300):
                rows["avec"].append((size, *measure(client, args.repeat)))
        print(f"Liste filtrée des missions ({connection.vendor}) : {URL}")
        print(f"Charge de la machine : {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
        for name, title in (("sans", "sans cache de fragments (chaque nombre par filtre recompté)"),
                            ("avec", "avec le cache de fragments, comme en production")):
            measured = rows[name]
            print(f"\n{title}")
            print(f"{'missions':>9} {'affichées':>10} {'requêtes SQL':>13} {'médiane (ms)':>13} {'CPU (ms)':>9}")
            for size, median, cpu, queries, matching in measured:
                print(f"{size:>9} {matching:>10} {queries:>13} {median * 1000:>13.1f} {cpu * 1000:>9.1f}")
            ratio = measured[1][1] / measured[0][1]
            cpu_ratio = measured[1][2] / measured[0][2]
            print(f"Rapport {args.large} / {args.small} : {ratio:.2f} (temps), {cpu_ratio:.2f} (CPU) ; objectif ≤ 1,1")


if __name__ == "__main__":
    main()
