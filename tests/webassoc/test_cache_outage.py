"""Redis unreachable: the site keeps working without its cache (issue 15, item 1).

The cache points at a port where nothing listens (connection refused at once), with the
same backend as production (`FailSafeRedisCache`, see webassoc/settings/base.py).
"""

import logging
import socket
from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from redis.exceptions import ConnectionError as RedisConnectionError

from tests.factories import StandardPageFactory
from webassoc import cache_versions, periodic
from webassoc.cache_backends import CacheUnavailable, FailSafeRedisCache, cache_errors_raised
from webassoc.ratelimit import is_rate_limited, local_counters


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fail_safe_options(**options):
    return {"socket_connect_timeout": 0.2, "socket_timeout": 0.2, "retry_after": 5, **options}


def dead_redis(**options):
    return FailSafeRedisCache(f"redis://127.0.0.1:{closed_port()}/0", {"OPTIONS": fail_safe_options(**options)})


@pytest.fixture
def redis_down(settings):
    """The site's cache is a Redis server that does not answer."""
    settings.CACHES = {"default": {
        "BACKEND": "webassoc.cache_backends.FailSafeRedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        "OPTIONS": fail_safe_options(),
    }}
    local_counters.clear()
    yield
    local_counters.clear()


def cache_warnings(caplog):
    return [r for r in caplog.records if r.name == "webassoc.cache_backends" and r.levelno == logging.WARNING]


def test_unreachable_redis_answers_like_a_miss():
    dead = dead_redis()

    assert dead.get("clé") is None
    assert dead.get("clé", "défaut") == "défaut"
    assert dead.add("clé", 1) is False
    assert dead.set("clé", 1) is None
    assert dead.get_many(["a", "b"]) == {}
    assert dead.delete("clé") is False
    assert dead.get_or_set("clé", "calculé") == "calculé"
    with pytest.raises(ValueError):  # like a missing key: callers already handle it
        dead.incr("clé")


def test_an_outage_is_logged_once_per_interval_not_once_per_call(caplog):
    dead = dead_redis(retry_after=0)  # every call tries Redis again

    with caplog.at_level(logging.WARNING):
        for _ in range(20):
            dead.get("clé")

    assert len(cache_warnings(caplog)) == 1
    assert "unreachable" in cache_warnings(caplog)[0].getMessage()


def test_after_a_failure_redis_is_not_tried_again_for_a_few_seconds():
    dead = dead_redis(retry_after=5)
    client = dead._cache

    with mock.patch.object(client, "get", wraps=client.get) as redis_get:
        for _ in range(10):
            dead.get("clé")

    assert redis_get.call_count == 1


def test_redis_coming_back_is_used_again_and_logged(caplog):
    cache_ = dead_redis(retry_after=0)
    answers = [RedisConnectionError("Connection refused"), "valeur"]

    with caplog.at_level(logging.WARNING), mock.patch.object(cache_._cache, "get", side_effect=answers):
        assert cache_.get("clé") is None
        assert cache_.get("clé") == "valeur"

    messages = [record.getMessage() for record in cache_warnings(caplog)]
    assert "unreachable" in messages[0]
    assert "reachable again" in messages[1]


def test_callers_that_must_know_get_an_exception():
    dead = dead_redis()

    with pytest.raises(CacheUnavailable), cache_errors_raised():
        dead.get("clé")
    with pytest.raises(CacheUnavailable), cache_errors_raised():  # circuit open: no new try, same answer
        dead.add("clé", 1)


@pytest.mark.django_db
def test_pages_are_served_uncached_while_redis_is_down(client, home_page, settings, redis_down):
    page = StandardPageFactory(parent=home_page, title="À propos")
    settings.PAGE_CACHE_SECONDS = 300

    responses = [client.get(url) for url in ("/", page.url, page.url)]

    assert [response.status_code for response in responses] == [200, 200, 200]
    assert "À propos" in responses[1].content.decode()
    assert all(response.get("X-Cache") != "HIT" for response in responses)


@pytest.mark.django_db
def test_readyz_reports_the_cache_as_failing_while_redis_is_down(client, redis_down):
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}


def test_rate_limits_still_hold_per_process_while_redis_is_down(redis_down):
    request = RequestFactory().post("/formulaire/", REMOTE_ADDR="203.0.113.9")

    answers = [is_rate_limited(request, "essai", limit=3) for _ in range(5)]

    assert answers == [False, False, False, True, True]


def test_rate_limits_use_the_shared_cache_when_it_answers():
    request = RequestFactory().post("/formulaire/", REMOTE_ADDR="203.0.113.9")

    with mock.patch.object(local_counters, "incr") as local_count:
        for _ in range(3):
            is_rate_limited(request, "essai", limit=3)

        assert is_rate_limited(request, "essai", limit=3) is True
    local_count.assert_not_called()


def test_a_change_made_while_redis_is_down_invalidates_the_cache_once_it_is_back(settings):
    working = settings.CACHES
    before = cache_versions.current("essai:version")
    settings.CACHES = {"default": {"BACKEND": "webassoc.cache_backends.FailSafeRedisCache",
                                   "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
                                   "OPTIONS": fail_safe_options()}}

    cache_versions.bump("essai:version")  # lost: Redis is down

    settings.CACHES = working
    assert cache.get("essai:version") == before
    assert cache_versions.current("essai:version") != before


@pytest.mark.django_db
def test_scheduling_does_not_depend_on_the_cache(settings):
    settings.CACHES = {"default": {  # Django's own backend: every call raises
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
    }}
    job = periodic.Job("essai", timedelta(hours=1), "check")

    assert periodic.claim(job) is True
    assert periodic.claim(job) is False


def dead_cache_settings(backend):
    options = fail_safe_options() if backend.endswith("FailSafeRedisCache") else {
        "socket_connect_timeout": 0.2, "socket_timeout": 0.2}
    return {"default": {"BACKEND": backend, "LOCATION": f"redis://127.0.0.1:{closed_port()}/0", "OPTIONS": options}}


@pytest.mark.django_db
def test_the_scheduler_writes_a_bump_lost_during_an_outage_at_its_next_tick(settings):
    """A scheduled publish during a Redis outage: its bump, lost, was remembered by the scheduler
    process, which never touched the cache again: the pages stayed stale until they expired."""
    working = settings.CACHES
    before = cache_versions.current("essai:version")
    settings.CACHES = dead_cache_settings("webassoc.cache_backends.FailSafeRedisCache")
    cache_versions.bump("essai:version")  # lost: Redis is down
    assert cache_versions.bumps_pending()

    settings.CACHES = working  # Redis is back
    with mock.patch.object(periodic, "run_due_jobs", return_value=[]):
        periodic.run_forever(tick=1, sleep=lambda seconds: None, ticks=1)

    assert not cache_versions.bumps_pending()
    assert cache.get("essai:version") != before


@pytest.mark.django_db
def test_a_tick_while_the_cache_still_raises_runs_the_jobs_and_keeps_the_bump_for_later(settings):
    working = settings.CACHES
    settings.CACHES = dead_cache_settings("webassoc.cache_backends.FailSafeRedisCache")
    cache_versions.bump("essai:version")
    settings.CACHES = dead_cache_settings("django.core.cache.backends.redis.RedisCache")  # every call raises

    with mock.patch.object(periodic, "run_due_jobs", return_value=[]) as jobs:
        periodic.run_forever(tick=1, sleep=lambda seconds: None, ticks=1)

    jobs.assert_called_once()
    assert cache_versions.bumps_pending()
    settings.CACHES = working
    cache_versions.replay_pending()
    assert not cache_versions.bumps_pending()


@pytest.mark.django_db
def test_a_resend_asked_while_the_cache_is_down_is_sent_with_a_warning(settings, caplog, mailoutbox):
    """The "send me the e-mail again" caps are a `cache.add`, which answered "already taken" during
    an outage: the person asking silently got nothing. Now the e-mail goes (the form's per-client
    rate limit still holds)."""
    from courses import services as courses_services
    from missions import services as missions_services
    from tests.courses.factories import RegistrationFactory, TrainingSessionPageFactory
    from tests.missions.factories import ApplicationFactory, MissionFactory

    registration = RegistrationFactory(session=TrainingSessionPageFactory(), email="camille@jardins.example.org")
    application = ApplicationFactory(mission=MissionFactory(), email="sacha@example.org")
    mailoutbox.clear()
    settings.CACHES = dead_cache_settings("webassoc.cache_backends.FailSafeRedisCache")

    with caplog.at_level(logging.WARNING, logger="outbox.services"):
        resent = courses_services.resend_confirmation(registration.session, email="camille@jardins.example.org")
        followed = missions_services.resend_follow_link(application.mission, email="sacha@example.org")

    assert resent == registration and followed == application
    assert sorted(message.to[0] for message in mailoutbox) == ["camille@jardins.example.org", "sacha@example.org"]
    warnings = [record.getMessage() for record in caplog.records if record.name == "outbox.services"]
    assert len(warnings) == 2 and all("without its cap" in line for line in warnings)
    assert not any("@" in line for line in warnings)


def test_a_resend_cap_whose_cache_raises_allows_the_send():
    from outbox.services import claim_resend_slot

    with mock.patch.object(cache, "add", side_effect=RedisConnectionError("Connection refused")):
        assert claim_resend_slot("essai:renvoi", seconds=600) is True


@pytest.mark.django_db
def test_with_the_cache_up_a_resend_is_still_capped(mailoutbox):
    from courses import services as courses_services
    from tests.courses.factories import RegistrationFactory, TrainingSessionPageFactory

    cache.clear()
    registration = RegistrationFactory(session=TrainingSessionPageFactory(), email="camille@jardins.example.org")
    mailoutbox.clear()

    answers = [courses_services.resend_confirmation(registration.session, email="camille@jardins.example.org")
               for _ in range(3)]

    assert answers == [registration, None, None]
    assert len(mailoutbox) == 1
