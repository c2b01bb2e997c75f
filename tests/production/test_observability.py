import json
import logging

import pytest

from webassoc.observability import JsonFormatter, loggable_path

pytestmark = pytest.mark.django_db


def test_every_response_carries_a_request_id(client, home_page):
    response = client.get("/")

    assert len(response["X-Request-ID"]) == 32


def test_a_sane_incoming_request_id_is_kept(client, home_page):
    response = client.get("/", HTTP_X_REQUEST_ID="lb-0123456789abcdef")

    assert response["X-Request-ID"] == "lb-0123456789abcdef"


def test_a_malformed_incoming_request_id_is_replaced(client, home_page):
    response = client.get("/", HTTP_X_REQUEST_ID="<script>")

    assert response["X-Request-ID"] != "<script>"


def test_access_log_is_json_with_request_id_and_no_query_string(client, home_page, caplog):
    caplog.set_level(logging.INFO, logger="webassoc.access")

    response = client.get("/recherche/", {"q": "marie@example.org"})

    record = next(r for r in caplog.records if r.name == "webassoc.access")
    line = json.loads(JsonFormatter().format(record))
    assert line["path"] == "/recherche/"
    assert line["status"] == 200
    assert line["request_id"] == response["X-Request-ID"]
    assert "marie@example.org" not in json.dumps(line)


def test_secret_tokens_in_urls_are_masked_in_logs():
    assert loggable_path("/formations/annulation/Zk3dF9aQ_x81LmN0pQr/") == "/formations/annulation/<jeton>/"
    assert loggable_path("/missions/refonte-du-site-2024/") == "/missions/refonte-du-site-2024/"
