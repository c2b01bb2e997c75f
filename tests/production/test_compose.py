"""compose.yaml and the settings must agree on the environment variables.

There is no Docker engine on these machines, so the file is checked statically:
it parses, every variable it gives the application is one the code reads, and
every variable production requires is given.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

BASE_DIR = Path(__file__).resolve().parents[2]
APP_SERVICES = ["migrate", "web", "worker", "scheduler"]
# Read by the PostgreSQL image, not by our code.
DATABASE_IMAGE_VARIABLES = {"POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"}
REQUIRED_IN_PRODUCTION = {
    "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL",
    "BASE_URL", "TASKS_BACKEND", "EMAIL_HOST", "DEFAULT_FROM_EMAIL", "TEAM_EMAIL",
}


def compose():
    return yaml.safe_load((BASE_DIR / "compose.yaml").read_text())


def variables_read_by_settings():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "webassoc.settings.production",
           "SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "webassoc.example",
           "AWS_STORAGE_BUCKET_NAME": "bucket"}
    script = (
        "import django, json; django.setup();"
        "from webassoc.settings.env import READ_VARIABLES;"
        "print(json.dumps(sorted(READ_VARIABLES)))"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=BASE_DIR, env=env,
                            capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout.strip().splitlines()[-1])) | {"DJANGO_SETTINGS_MODULE"}


def variables_read_by_gunicorn():
    return set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', (BASE_DIR / "gunicorn.conf.py").read_text()))


def test_compose_file_declares_the_production_services():
    services = compose()["services"]

    assert set(services) == {"migrate", "web", "worker", "scheduler", "db", "cache", "proxy"}
    assert "db_worker" in services["worker"]["command"]
    assert services["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    for name in ("web", "db", "cache"):
        assert "healthcheck" in services[name], name
    assert {"pgdata", "media"} <= set(compose()["volumes"])


def test_every_variable_compose_sets_is_read_by_the_code():
    known = variables_read_by_settings() | variables_read_by_gunicorn()
    for name in APP_SERVICES:
        unknown = set(compose()["services"][name]["environment"]) - known
        assert not unknown, f"{name}: variables nobody reads: {sorted(unknown)}"


def test_database_service_only_gets_its_image_variables():
    assert set(compose()["services"]["db"]["environment"]) == DATABASE_IMAGE_VARIABLES


def test_every_required_production_variable_is_set_for_each_app_service():
    for name in APP_SERVICES:
        missing = REQUIRED_IN_PRODUCTION - set(compose()["services"][name]["environment"])
        assert not missing, f"{name} lacks {sorted(missing)}"


def test_secrets_are_never_written_in_compose_file():
    environment = compose()["services"]["web"]["environment"]

    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert "${POSTGRES_PASSWORD:?" in environment["DATABASE_URL"]


def test_dockerfile_runs_gunicorn_as_a_non_root_user_with_collected_static_files():
    dockerfile = (BASE_DIR / "Dockerfile").read_text()

    assert "USER webassoc" in dockerfile
    assert "collectstatic --noinput" in dockerfile
    assert '"gunicorn"' in dockerfile


def test_long_running_services_are_restarted_when_they_exit_and_checked():
    services = compose()["services"]

    for name in ("web", "worker", "scheduler", "db", "cache"):
        assert services[name]["restart"] in ("unless-stopped", "always"), name
        assert "healthcheck" in services[name], name
    assert services["migrate"]["restart"] == "no"


def test_the_worker_gets_a_smaller_share_of_a_busy_processor_than_web():
    services = compose()["services"]

    assert services["worker"]["cpu_shares"] < services["web"].get("cpu_shares", 1024)


def test_the_scheduler_does_not_wait_for_redis():
    assert "cache" not in compose()["services"]["scheduler"]["depends_on"]


def test_a_redis_outage_leaves_web_healthy_and_the_proxy_started():
    """/readyz answers 503 while Redis is down (pages are still served): as web's health check it
    made web unhealthy, and the proxy, which waits for a healthy web, never started on `docker
    compose up` during an outage. Liveness is /healthz; web does not wait for a healthy Redis."""
    services = compose()["services"]
    check = " ".join(services["web"]["healthcheck"]["test"])

    assert "/healthz" in check and "/readyz" not in check
    assert services["proxy"]["depends_on"]["web"]["condition"] == "service_healthy"
    assert services["web"]["depends_on"]["cache"]["condition"] == "service_started"


@pytest.mark.django_db
def test_healthz_answers_200_while_readyz_answers_503_without_redis(client, settings):
    """What the compose health check relies on, against the site's own views."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {"default": {"BACKEND": "webassoc.cache_backends.FailSafeRedisCache",
                                   "LOCATION": f"redis://127.0.0.1:{port}/0",
                                   "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}}

    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 503
