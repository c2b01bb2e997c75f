"""Screenshots of every public page type, at phone and desktop width (`make screenshots`).

Without `--url`, builds a throw-away SQLite database with the demo content, serves it with
the development server on a free port, takes the screenshots and stops it. With `--url`,
photographs a site that already runs (e.g. `make run` on port 8000).

    python -m scripts.screenshots                    # into screenshots/ (git-ignored)
    python -m scripts.screenshots --url http://127.0.0.1:8000 --out /tmp/shots

Chromium comes from the system (`apt-get install chromium`), like the browser tests.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.utils.text import slugify

from webassoc.accessibility_checks import PAGE_TYPES

BASE_DIR = Path(__file__).resolve().parent.parent
WIDTHS = {"telephone": (390, 844), "bureau": (1280, 800)}

# The page types the browser tests check (webassoc/accessibility_checks.py), named after their path.
PAGES = [
    (slugify(label)[:40] or "accueil", path) for label, path in PAGE_TYPES
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError as error:
            if getattr(error, "code", None):  # an HTTP error answer: the server runs
                return
            time.sleep(0.3)
    raise SystemExit(f"Le serveur ne répond pas : {url}")


class DemoServer:
    """The development server on a fresh SQLite database holding the demo content."""

    def __init__(self):
        self.directory = tempfile.mkdtemp(prefix="webassoc-screenshots-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "webassoc.settings.dev",
            "DATABASE_URL": f"sqlite:///{self.directory}/db.sqlite3",
            "MEDIA_ROOT": f"{self.directory}/media",
            "BASE_URL": self.url,
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
        self.process = None

    def manage(self, *args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=self.env, check=True,
                       stdout=subprocess.DEVNULL)

    def __enter__(self):
        print("Base de démonstration temporaire…", flush=True)
        self.manage("migrate", "--noinput")
        self.manage("load_demo")
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=BASE_DIR, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for(self.url + "/")
        return self

    def __exit__(self, *exc):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.directory, ignore_errors=True)


def take(base_url, out, chromium):
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    taken = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for device, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR",
                                          timezone_id="Europe/Paris", reduced_motion="reduce")
            page = context.new_page()
            for index, (name, path) in enumerate(PAGES, start=1):
                url = base_url + path
                page.goto(url)
                page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
                page.wait_for_load_state("networkidle")
                target = out / f"{index:02d}-{name}-{device}.png"
                page.screenshot(path=str(target), full_page=True)
                taken.append(target)
            context.close()
        browser.close()
    return taken


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="site déjà lancé (sinon une base de démonstration temporaire)")
    parser.add_argument("--out", default=str(BASE_DIR / "screenshots"), help="dossier des captures")
    args = parser.parse_args(argv)
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("Chromium introuvable : installez le paquet Debian « chromium » (ou CHROMIUM_PATH).")
    out = Path(args.out)
    if args.url:
        taken = take(args.url.rstrip("/"), out, chromium)
    else:
        with DemoServer() as server:
            taken = take(server.url, out, chromium)
    print(f"{len(taken)} captures dans {out}/")


if __name__ == "__main__":
    main()
