"""Secret tokens never reach the logs, whoever writes the line (Django's CSRF warning, Python's warnings,
gunicorn's own error log)."""

import io
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.test import Client

from scripts.production_stack import BASE_DIR, production_env
from tests.courses.factories import RegistrationFactory, TrainingSessionPageFactory
from tests.production.services import free_port, wait_for_port
from webassoc.observability import JsonFormatter, MaskTokensFilter, mask_tokens

pytestmark = pytest.mark.django_db


@pytest.fixture
def console():
    """What the site's configured console handler writes (its stream swapped for a buffer)."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


def test_every_configured_handler_masks_tokens():
    for name, handler in settings.LOGGING["handlers"].items():
        assert "mask_tokens" in handler.get("filters", []), name
    assert settings.LOGGING["filters"]["mask_tokens"]["()"] == "webassoc.observability.MaskTokensFilter"


def test_the_csrf_warning_on_a_cancel_link_logs_no_token(console, home_page):
    registration = RegistrationFactory(session=TrainingSessionPageFactory())
    url = f"/formations/inscriptions/{registration.token}/annulation/"

    response = Client(enforce_csrf_checks=True).post(url)

    assert response.status_code == 403
    written = console.getvalue()
    assert "Forbidden (CSRF" in written
    assert "/formations/inscriptions/<jeton>/annulation/" in written
    assert registration.token not in written


def test_confirmation_tokens_in_query_strings_are_masked():
    text = "GET /manifeste/confirmer/?jeton=12:1uAbCd:xYz-9_kLmN&x=1 refused"

    assert mask_tokens(text) == "GET /manifeste/confirmer/?jeton=<jeton>&x=1 refused"


def test_the_filter_masks_arguments_and_tracebacks_and_keeps_ordinary_text():
    token = "Zk3dF9aQ_x81LmN0pQrStUvWxYz0123456789abcd"
    try:
        raise ValueError(f"no registration for /formations/inscriptions/{token}/annulation/")
    except ValueError:
        record = logging.LogRecord("test", logging.ERROR, __file__, 1, "Échec sur %s (%d essais) pour %s",
                                   (f"/formations/inscriptions/{token}/annulation/", 3, "/missions/refonte-2024/"),
                                   exc_info=__import__("sys").exc_info())

    assert MaskTokensFilter().filter(record) is True
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Échec sur /formations/inscriptions/<jeton>/annulation/ (3 essais) pour /missions/refonte-2024/"
    assert token not in line["exception"]
    assert "ValueError" in line["exception"]


CANCEL_TOKEN = "42:1vABCd:Secr3tT0kenXyz0123456789"
CONFIRMATION_TOKEN = "12:1uAbCd:xYz-9_kLmN"


def test_python_warnings_reach_the_logs_masked_not_stderr_as_they_are():
    """Django's CacheKeyWarning quoted a whole page key, `jeton=` included, on stderr."""
    script = (
        "import django, warnings; django.setup();"
        f"warnings.warn('clé trop longue : /formations/inscriptions/{CANCEL_TOKEN}/annulation/"
        f"?jeton={CONFIRMATION_TOKEN}&utm_source=lettre', RuntimeWarning)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "webassoc.settings.test"}
    result = subprocess.run([sys.executable, "-c", script], cwd=BASE_DIR, env=env, capture_output=True, text=True,
                            check=True, timeout=60)

    written = result.stdout + result.stderr
    assert "clé trop longue : /formations/inscriptions/<jeton>/annulation/?jeton=<jeton>&utm_source" in written
    assert "py.warnings" in written  # through the site's handler, not printed by the warnings module
    assert CANCEL_TOKEN not in written and CONFIRMATION_TOKEN not in written


def test_gunicorns_own_error_log_masks_tokens_in_a_bad_request_line(tmp_path):
    """gunicorn logs a malformed request line itself ("Invalid HTTP request line: 'GET /…'"),
    through its own logger, outside settings.LOGGING."""
    port = free_port()
    env = production_env(GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY=1, GUNICORN_THREADS=1)
    log = tmp_path / "gunicorn.log"
    with open(log, "w") as output:
        process = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py",
                                    "webassoc.wsgi:application"], cwd=BASE_DIR, env=env, stdout=output,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for_port(port, timeout=60)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            # Two words instead of three: gunicorn refuses the line before Django sees it.
            connection.sendall(f"GET /formations/inscriptions/{CANCEL_TOKEN}/annulation/?jeton={CONFIRMATION_TOKEN}"
                               "\r\nHost: 127.0.0.1\r\n\r\n".encode())
            answer = connection.recv(1024)
        assert answer.startswith(b"HTTP/1.1 400")
        deadline = time.monotonic() + 10
        while "Invalid request" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)

    written = log.read_text()
    assert "Invalid HTTP request line: 'GET /formations/inscriptions/<jeton>/annulation/?jeton=<jeton>'" in written
    assert CANCEL_TOKEN not in written and CONFIRMATION_TOKEN not in written
