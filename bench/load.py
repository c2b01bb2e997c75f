"""Mixed load through the production stack with Locust: requests/s, p50/p95/p99, failures.

Starts the stack of `make production-local` (gunicorn with the production settings, the task
worker, PostgreSQL and Redis; scripts/production_stack.py) on its own database, cache prefix
and port, loads the demo content, then runs bench/locustfile.py headless for a bounded time
for each number of simulated users, and prints one table per run (per endpoint and in total).
Per-address rate limits are off for the run (every simulated visitor is 127.0.0.1).

    .venv/bin/python -m bench.load [--users 50 200] [--duration 60] [--port 8114] [--workers 2]

Needs Locust (requirements-dev.txt). Prints figures; asserts nothing about time.
"""

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.production_stack import BASE_DIR, prepare, production_env, running_stack

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/webassoc_bench_load"


def locust_command():
    found = shutil.which("locust", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "locust"]


def run_locust(host, users, duration, spawn_rate, out_dir):
    prefix = Path(out_dir) / f"u{users}"
    report = Path(out_dir) / f"u{users}_cache.json"
    subprocess.run(
        [*locust_command(), "-f", str(BASE_DIR / "bench" / "locustfile.py"), "--headless",
         "-u", str(users), "-r", str(spawn_rate), "-t", f"{duration}s", "--host", host,
         "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "5"],
        cwd=BASE_DIR, check=False, capture_output=True, text=True,
        env={**os.environ, "CACHE_REPORT": str(report)},
    )
    hits = json.loads(report.read_text()) if report.exists() else {}
    with open(f"{prefix}_stats.csv", newline="") as stats:
        return list(csv.DictReader(stats)), hits


def number(row, key):
    try:
        return float(row.get(key) or 0)
    except ValueError:
        return float("nan")


def print_table(users, duration, rows, hits):
    print(f"\n{users} visiteurs simulés, {duration} s :")
    header = (f"{'requête':52} {'nombre':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
              f"{'p99 ms':>7} {'échecs':>7} {'HIT':>5}")
    print(header)
    print("-" * len(header))
    rows = sorted(rows, key=lambda row: (row["Name"] == "Aggregated", row["Name"]))
    for row in rows:
        name = "TOTAL" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"[:52]
        print(f"{name:52} {int(number(row, 'Request Count')):7d} {number(row, 'Requests/s'):7.1f} "
              f"{number(row, '50%'):7.0f} {number(row, '95%'):7.0f} {number(row, '99%'):7.0f} "
              f"{int(number(row, 'Failure Count')):7d} "
              f"{format(hits[row['Name']], '5.0%') if row['Type'] == 'GET' and row['Name'] in hits else '':>5}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--duration", type=int, default=60, help="seconds per run")
    parser.add_argument("--spawn-rate", type=int, default=20, help="visitors started per second")
    parser.add_argument("--port", type=int, default=8114)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_DATABASE_URL))
    args = parser.parse_args()

    env = production_env(
        GUNICORN_BIND=f"127.0.0.1:{args.port}", BASE_URL=f"http://127.0.0.1:{args.port}",
        WEB_CONCURRENCY=args.workers, DATABASE_URL=args.database_url, PAGE_CACHE_SECONDS=300,
        CACHE_KEY_PREFIX=f"webassoc-load-{os.getpid()}", RATELIMIT_ENABLED="false",
        ACCESS_LOG_LEVEL="WARNING",
    )
    print(f"Préparation de la base {env['DATABASE_URL']} (migrations, statiques, démo)…", flush=True)
    prepare(env)
    host = f"http://127.0.0.1:{args.port}"
    with tempfile.TemporaryDirectory() as out_dir, running_stack(env, worker=True):
        print(f"Pile de production sur {host} : gunicorn {args.workers} workers, worker de tâches, "
              f"PostgreSQL, Redis ({os.cpu_count()} cœurs ; charge : "
              f"{' '.join(f'{load:.1f}' for load in os.getloadavg())})", flush=True)
        for users in args.users:
            rows, hits = run_locust(host, users, args.duration, args.spawn_rate, out_dir)
            print_table(users, args.duration, rows, hits)
            sys.stdout.flush()


if __name__ == "__main__":
    main()
