"""Browser tests: Playwright driving Debian's Chromium, with axe-core for accessibility.

Chromium comes from the system (`apt-get install chromium`), never from
`playwright install`. Without it the browser tests are skipped with a clear
message, except under CI=true where they must run.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by
# the tests themselves (factories) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(config, items):
    e2e_dir = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(e2e_dir):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def _require_chromium():
    if CHROMIUM:
        return
    message = "Chromium introuvable : installez le paquet Debian « chromium » (ou définissez CHROMIUM_PATH)."
    if IN_CI:
        pytest.fail(message + " Les tests navigateur sont obligatoires quand CI=true.")
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR", "timezone_id": "Europe/Paris"}


@pytest.fixture
def axe():
    """Run axe-core (WCAG 2.x A/AA) on a page and return the list of violations, readable."""
    from axe_playwright_python.sync_playwright import Axe

    runner = Axe()

    def check(page):
        results = runner.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        return [
            f"{v['id']} ({v['impact']}): {v['help']} → "
            + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
                        for node in v["nodes"][:5])
            for v in violations
        ]

    return check


# The demo content, loaded once per test session, then put back from a copy after each flush:
# loading it (pages, revisions, images) costs seconds, restoring the rows a fraction of that.
_DEMO_SNAPSHOT = {}


@pytest.fixture
def demo_site(db):
    import json

    from django.core.management import call_command
    from django.db import connection

    if "rows" not in _DEMO_SNAPSHOT:
        call_command("load_demo", stdout=open(os.devnull, "w"))
        rows = json.loads(connection.creation.serialize_db_to_string())
        first = {"contenttypes.contenttype": 0, "auth.permission": 1}
        rows.sort(key=lambda row: first.get(row["model"], 2))
        _DEMO_SNAPSHOT["rows"] = json.dumps(rows)
        return
    # The migrations' data (same ids) is already back (tests/conftest.py); the copy adds the rest.
    connection.creation.deserialize_db_from_string(_DEMO_SNAPSHOT["rows"])
