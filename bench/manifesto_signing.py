"""Signing the manifesto: does a signature with an address that signed already take as long as a new
one? The page gives the same answer either way; the time it takes must not tell who signed.

Times `home.services.sign()` in-process (test settings, a throwaway database: SQLite, or the
server named by DATABASE_URL), with the database task backend as in production (sending is a
queued task: no email is rendered nor sent during the timed call). ROUNDS rounds alternate, in a
shuffled order, a new address and an address that signed before (once unconfirmed, once confirmed
and counted; each signed an hour ago so that the email cap lets its email go, as for a person who
signs again later); a last series re-signs within the cap (10 minutes: no email at all). Prints the
median, 10th and 90th percentiles of each path in milliseconds, and the number of queries of each.

    .venv/bin/python -m bench.manifesto_signing [--rounds 400]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python -m bench.manifesto_signing

With --resend, times the "nouveau lien" form's service instead (`home.services.resend_confirmation`):
an address that never signed, one that signed and did not confirm (its last email an hour ago: a
new link goes), the same address asked again at once (the cap holds), and a confirmed one.

    .venv/bin/python -m bench.manifesto_signing --resend [--rounds 400]

Prints figures; asserts nothing about time.
"""

import argparse
import random
import statistics
import time
from datetime import timedelta

from bench.harness import setup_django, throwaway_database


def percentile(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, int(fraction * len(values)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=400)
    parser.add_argument("--resend", action="store_true", help="time the new-link form's service")
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.utils import timezone

    production_tasks = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
    with throwaway_database(), production_tasks:
        from home import services
        from home.models.signatures import Signature
        from tests.home.factories import ManifestoPageFactory

        page = ManifestoPageFactory()
        fields = {"first_name": "Camille", "last_name": "Martin", "profession": "Développeuse web",
                  "organisation": "", "city": "Lyon", "show_publicly": True}
        an_hour_ago = timezone.now() - timedelta(hours=1)

        def signed_before(n, confirmed):
            email = f"{'confirmed' if confirmed else 'pending'}{n}@example.org"
            Signature.objects.create(page=page, email=email, consent=True, created_at=an_hour_ago,
                                     confirmed_at=an_hour_ago if confirmed else None,
                                     emails_sent_at=[an_hour_ago.isoformat()], **fields)
            return email

        def timed(email):
            connection.queries_log.clear()  # a full log would miscount
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                if args.resend:
                    services.resend_confirmation(page, email=email)
                else:
                    services.sign(page, email=email, **fields)
                elapsed = (time.perf_counter() - start) * 1000
            return elapsed, len(queries)

        for n in range(20):  # warm-up: connections, caches, code paths
            timed(f"warmup{n}@example.org")
            timed(signed_before(f"w{n}", confirmed=n % 2 == 0))
        if args.resend:
            resend_rounds(args.rounds, connection, timed, signed_before)
        else:
            sign_rounds(args.rounds, connection, timed, signed_before)


def sign_rounds(rounds, connection, timed, signed_before):
    def round_of(n):
        first = [("new address", f"new{n}@example.org"),
                 ("signed before, unconfirmed", signed_before(n, confirmed=False)),
                 ("signed before, confirmed", signed_before(n, confirmed=True))]
        # The same address again, minutes later.
        return first, ("signed again within the cap", f"new{n}@example.org")

    measure(f"{connection.vendor}, {rounds} rounds", rounds, timed, round_of)


def resend_rounds(rounds, connection, timed, signed_before):
    def round_of(n):
        pending = signed_before(n, confirmed=False)
        first = [("unknown address", f"unknown{n}@example.org"), ("unconfirmed (link sent)", pending),
                 ("confirmed", signed_before(n, confirmed=True))]
        # Asked again at once: the cap holds.
        return first, ("unconfirmed, within the cap", pending)

    measure(f"{connection.vendor}, {rounds} rounds, resend_confirmation", rounds, timed, round_of)


def measure(title, rounds, timed, round_of):
    """Each round: the (path, email) pairs of `round_of(n)` in a shuffled order, then its last
    pair; prints each path's times in ms (median, p10, p90) and its query counts."""
    paths, queries = {}, {}
    for n in range(rounds):
        first, last = round_of(n)
        for path, _email in [*first, last]:  # printed in this order
            paths.setdefault(path, [])
        random.shuffle(first)
        for path, email in [*first, last]:
            elapsed, count = timed(email)
            paths[path].append(elapsed)
            queries.setdefault(path, set()).add(count)
    print(f"{title}, ms (median, p10, p90), queries")
    for path, values in paths.items():
        print(f"  {path:<30} {statistics.median(values):6.2f}  {percentile(values, 0.1):6.2f}  "
              f"{percentile(values, 0.9):6.2f}   {sorted(queries[path])}")


if __name__ == "__main__":
    main()
