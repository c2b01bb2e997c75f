"""Secret tokens never reach the logs, whoever writes the line (here Django's CSRF warning)."""

import io
import json
import logging

import pytest
from django.conf import settings
from django.test import Client

from tests.courses.factories import RegistrationFactory, TrainingSessionPageFactory
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
