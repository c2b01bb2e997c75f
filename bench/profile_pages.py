"""Where an uncached page spends its time: the top hotspots of each page under cProfile.

Same set-up as bench/pages.py (demo content, DEBUG off, page cache off, fragment caches on
and warm). For each page, profiles `--requests` renders and prints the functions with the
largest own time and the project's own functions with the largest cumulative time, in ms
per request.

    .venv/bin/python -m bench.profile_pages [--requests 20] [--top 12] [--page /missions/]

Prints figures; asserts nothing.
"""

import argparse
import cProfile
import os
import pstats

from bench.pages import DEFAULT_DATABASE, pages, setup

PROJECT_DIRS = ("/home/", "/missions/", "/courses/", "/webassoc/", "/outbox/", "/templates/")


def short(function):
    filename, line, name = function
    for marker in ("site-packages/", os.getcwd() + "/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"{filename}:{line} {name}"


def is_project(function):
    filename = function[0]
    return "site-packages" not in filename and any(part in filename for part in PROJECT_DIRS)


def profile(client, url, requests, top):
    for _ in range(5):
        client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # {function: (calls, primitive, tottime, cumtime, callers)}
    per_request = 1000 / requests
    total = sum(row[2] for row in stats.values()) * per_request
    print(f"\n== {url}  ({total:.1f} ms par requête sous cProfile)")
    print("   temps propre (ms/requête, appels/requête) :")
    for function, row in sorted(stats.items(), key=lambda item: -item[1][2])[:top]:
        print(f"   {row[2] * per_request:7.2f} {row[0] / requests:8.0f}  {short(function)}")
    print("   fonctions du projet, temps cumulé :")
    own = [(function, row) for function, row in stats.items() if is_project(function)]
    for function, row in sorted(own, key=lambda item: -item[1][3])[:top]:
        print(f"   {row[3] * per_request:7.2f} {row[0] / requests:8.0f}  {short(function)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--page", action="append", help="URL to profile (default: every page of bench.pages)")
    parser.add_argument("--database", default=DEFAULT_DATABASE)
    args = parser.parse_args()

    setup(os.environ.get("DATABASE_URL") or f"sqlite:///{args.database}")
    from django.test import Client

    client = Client()
    urls = args.page or [url for _label, url in pages()]
    for url in urls:
        profile(client, url, args.requests, args.top)


if __name__ == "__main__":
    main()
