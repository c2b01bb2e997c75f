from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readyz_reports_database_and_cache_ok(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_readyz_is_503_when_the_database_is_unreachable(client):
    with mock.patch("webassoc.health.connection.cursor", side_effect=OperationalError("connexion refusée")):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}


def test_readyz_is_503_when_the_cache_is_unreachable(client):
    with mock.patch("webassoc.health.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["cache"] == "error"


def test_health_endpoints_answer_load_balancers_probing_by_ip(client):
    response = client.get("/healthz", HTTP_HOST="10.1.2.3")

    assert response.status_code == 200
