"""Throughput of the production stack: requests/s and p95 per page, cached and uncached.

Starts gunicorn with the production settings on the local PostgreSQL and Redis
(scripts/production_stack.py), loads the demo content, then sends a bounded
load (CONCURRENCY clients, REQUESTS requests per page) with keep-alive
connections. "Uncached" requests carry a session cookie, which makes the
full-page cache step aside, so both columns come from the same server.

    .venv/bin/python -m bench.throughput [--requests 300] [--concurrency 8] [--workers 2] [--rounds 3]

Each page is measured in rounds, each round loading the static file then the page; "÷ statique"
is the median of the rounds' ratios (robust to the load drifting on a shared machine), the other
columns are those of the median round.

Prints figures; asserts nothing about time.
"""

import argparse
import http.client
import os
import re
import statistics
import threading
import time
from pathlib import Path

from scripts.production_stack import prepare, production_env, running_stack

PAGES = [
    ("fichier statique", "/static/css/site.css"),
    ("accueil", "/"),
    ("liste des missions", "/missions/"),
    ("catalogue des formations", "/formations/"),
]
# Pages with a form (CSRF token): cached too, each visitor getting their own token.
FORM_PAGES = [
    # A mission card's title link (not the list's feeds /missions/rss/, nor a skill page).
    ("une mission (formulaire)", "/missions/", re.compile(r'class="card__title"><a href="(/missions/[a-z0-9-]+/)"')),
    ("une session (formulaire)", "/formations/",
     re.compile(r'href="(/formations/(?!calendrier/|inscriptions/)[a-z0-9-]+/[a-z0-9-]+/)"')),
    ("manifeste (formulaire)", "/manifeste/", None),
]


def form_pages(port):
    """(label, path) of a mission, a session and the manifesto of the demo content."""
    found = []
    for label, listing, link in FORM_PAGES:
        path = listing
        if link is not None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", listing, headers={"Host": "127.0.0.1"})
            match = link.search(connection.getresponse().read().decode())
            connection.close()
            if match is None:
                continue
            path = match.group(1)
        found.append((label, path))
    return found


def load(port, path, requests, concurrency, cookie=None):
    latencies, errors, statuses, hits = [], [], set(), []
    per_client = [requests // concurrency + (1 if i < requests % concurrency else 0)
                  for i in range(concurrency)]
    lock = threading.Lock()

    def client(count):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Host": "127.0.0.1", "Accept-Encoding": "gzip"}
        if cookie:
            headers["Cookie"] = cookie
        for _ in range(count):
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    statuses.add(response.status)
                    hits.append(response.getheader("X-Cache") == "HIT")
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    errors.append(exc)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.close()

    threads = [threading.Thread(target=client, args=(count,)) for count in per_client]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else float("nan")
    return {
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p95_ms": p95 * 1000,
        "errors": len(errors),
        "statuses": sorted(statuses),
        "hits": sum(hits) / len(hits) if hits else 0.0,
    }


def worker_rss_kib(master_pid):
    """Resident memory of each gunicorn worker (children of the master process)."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master_pid):
            sizes.append(int(fields.get("VmRSS", "0 kB").split()[0]))
    return sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds per page, each against the static file in the same seconds")
    parser.add_argument("--port", type=int, default=8101)
    args = parser.parse_args()

    env = production_env(GUNICORN_BIND=f"127.0.0.1:{args.port}", WEB_CONCURRENCY=args.workers,
                         PAGE_CACHE_SECONDS=300, ACCESS_LOG_LEVEL="WARNING")
    print(f"Préparation de la base {env['DATABASE_URL']} (migrations, statiques, démo)…")
    prepare(env)
    with running_stack(env, worker=False) as processes:
        pages = PAGES + form_pages(args.port)
        for _, path in pages:  # warm up: templates, connections, first cache fill
            load(args.port, path, args.concurrency * 2, args.concurrency)
        print(f"\n{args.requests} requêtes par page, {args.concurrency} clients, "
              f"{args.workers} workers gunicorn ({os.cpu_count()} cœurs)\n")
        header = (f"{'page':28} {'mode':9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
                  f"{'÷ statique':>11} {'erreurs':>8} {'HIT':>5}")
        print(header)
        print("-" * len(header))
        static_path = PAGES[0][1]
        for label, path in pages:
            modes = [("direct", None)] if path == static_path else [
                ("en cache", None), ("sans cache", "sessionid=benchmark-sans-cache")]
            for mode, cookie in modes:
                # Rounds alternating the static file and the page: on a shared machine the load
                # drifts, so each round's ratio compares two runs made in the same seconds.
                runs, ratios = [], []
                for _ in range(args.rounds):
                    static = load(args.port, static_path, args.requests, args.concurrency)
                    result = load(args.port, path, args.requests, args.concurrency, cookie)
                    runs.append(result)
                    ratios.append(result["rps"] / static["rps"] if static["rps"] else float("nan"))
                result = sorted(runs, key=lambda run: run["rps"])[len(runs) // 2]  # the median run
                ratio = statistics.median(ratios)
                print(f"{label:28} {mode:9} {result['rps']:8.1f} {result['p50_ms']:8.1f} "
                      f"{result['p95_ms']:8.1f} {ratio:11.2f} {sum(run['errors'] for run in runs):8d} "
                      f"{statistics.mean(run['hits'] for run in runs):5.0%}  "
                      f"HTTP {sorted(set().union(*(run['statuses'] for run in runs)))}")
        sizes = worker_rss_kib(processes["web"].pid)
        print("\nMémoire résidente des workers après la charge : "
              + ", ".join(f"{size / 1024:.0f} Mio" for size in sizes))


if __name__ == "__main__":
    main()
