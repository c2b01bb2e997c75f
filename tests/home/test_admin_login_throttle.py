"""Admin login: failures are throttled per account and per address; the team can unlock."""

import logging
import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils.html import escape

from home import login_throttle
from home.forms import LOGIN_LOCKED, AdminLoginForm
from home.models import LoginFailure
from tests.factories import SuperUserFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"
PASSWORD = "mot-de-passe-de-test"


@pytest.fixture
def editor():
    return SuperUserFactory(username="camille")


def log_in(username, password, address="203.0.113.10"):
    client = Client(REMOTE_ADDR=address)
    response = client.post(LOGIN_URL, {"username": username, "password": password})
    return client, response


def logged_in(client):
    return "_auth_user_id" in client.session


def test_the_right_password_after_thirty_wrong_ones_is_refused(editor):
    for number in range(30):
        log_in("camille", f"devine-{number}")

    client, response = log_in("camille", PASSWORD)

    assert response.status_code == 200
    assert not logged_in(client)
    assert escape(str(LOGIN_LOCKED)) in response.content.decode()


def test_the_fifth_failure_locks_the_account_and_says_so_in_french(editor):
    for number in range(4):
        _, response = log_in("camille", f"devine-{number}")
        assert "Trop de tentatives" not in response.content.decode()

    _, fifth = log_in("camille", "devine-5")

    assert "Trop de tentatives de connexion ont échoué" in fifth.content.decode()
    # The account is locked whatever the address, and however its name is typed.
    client, sixth = log_in(" Camille ", PASSWORD, address="198.51.100.1")
    assert escape(str(LOGIN_LOCKED)) in sixth.content.decode()
    assert not logged_in(client)


def test_the_account_stays_locked_from_another_address(editor):
    for number in range(5):
        log_in("camille", f"devine-{number}", address="203.0.113.10")

    client, _ = log_in("camille", PASSWORD, address="198.51.100.77")

    assert not logged_in(client)


def test_twenty_failures_from_one_address_lock_that_address_for_every_account(editor):
    for number in range(20):
        log_in(f"inconnu{number}", "devine", address="203.0.113.66")

    locked_out, _ = log_in("camille", PASSWORD, address="203.0.113.66")
    elsewhere, _ = log_in("camille", PASSWORD, address="203.0.113.67")

    assert not logged_in(locked_out)
    assert logged_in(elsewhere)


def login_form(username, password, address="203.0.113.10"):
    return AdminLoginForm(request=RequestFactory().post(LOGIN_URL, REMOTE_ADDR=address),
                          data={"username": username, "password": password})


def test_attempts_arriving_while_passwords_are_checked_cannot_pass_the_limit(editor):
    """30 wrong passwords at once: each arrives while the previous one's password is being checked
    (the interleaving of parallel requests, played in one thread). The lock used to be read before
    the check and the failure written after it, so every one of them was checked."""
    real_authenticate, checked, arriving = auth_forms.authenticate, [], [f"devine-{n}" for n in range(1, 30)]

    def slow_check(request, **credentials):
        checked.append(credentials["password"])
        while arriving:  # the others arrive during this check
            login_form("camille", arriving.pop()).is_valid()
        return real_authenticate(request, **credentials)

    with mock.patch.object(auth_forms, "authenticate", side_effect=slow_check):
        first = login_form("camille", "devine-0")
        first.is_valid()

    assert len(checked) == login_throttle.ACCOUNT_LIMIT
    assert not arriving
    assert LoginFailure.objects.filter(username="camille").count() == login_throttle.ACCOUNT_LIMIT
    client, response = log_in("camille", PASSWORD)
    assert not logged_in(client)
    assert escape(str(LOGIN_LOCKED)) in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_thirty_parallel_wrong_passwords_check_at_most_five(on_postgresql, editor):
    """The same with real threads and connections on PostgreSQL (30 at once used to check 8)."""
    real_authenticate, checked, lock = auth_forms.authenticate, [], threading.Lock()
    barrier, errors = threading.Barrier(30), []

    def slow_check(request, **credentials):
        with lock:
            checked.append(credentials["password"])
        time.sleep(0.2)  # a password hash takes time: the others arrive meanwhile
        return real_authenticate(request, **credentials)

    def attempt(number):
        try:
            barrier.wait()
            login_form("camille", f"devine-{number}", address=f"203.0.113.{number + 1}").is_valid()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    with mock.patch.object(auth_forms, "authenticate", side_effect=slow_check):
        threads = [threading.Thread(target=attempt, args=(number,)) for number in range(30)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert errors == []
    assert len(checked) <= login_throttle.ACCOUNT_LIMIT
    # Attempts refused in the crowd leave no row: what is counted is the passwords checked.
    assert LoginFailure.objects.filter(username="camille").count() == len(checked)


def test_an_empty_password_neither_counts_nor_resets_the_failures(editor):
    """An empty password checks nothing: it used to pass for a success and forget the failures, so
    four guesses, an empty password, four more guesses… never locked the account."""
    for number in range(4):
        log_in("camille", f"devine-{number}")
    log_in("camille", "")

    _, fifth = log_in("camille", "devine-4")
    client, _ = log_in("camille", PASSWORD)

    assert escape(str(LOGIN_LOCKED)) in fifth.content.decode()
    assert not logged_in(client)
    assert LoginFailure.objects.filter(username="camille").count() == 5


def test_a_refused_attempt_does_not_extend_the_lock(editor):
    for number in range(5):
        log_in("camille", f"devine-{number}")

    for number in range(5):
        log_in("camille", f"encore-{number}")

    assert LoginFailure.objects.filter(username="camille").count() == 5


def test_a_successful_login_forgets_earlier_failures(editor):
    for number in range(4):
        log_in("camille", f"devine-{number}")
    client, _ = log_in("camille", PASSWORD)
    assert logged_in(client)
    for number in range(4):
        log_in("camille", f"encore-{number}")

    client, _ = log_in("camille", PASSWORD)

    assert logged_in(client)


def test_the_lock_lifts_after_fifteen_minutes(editor):
    for number in range(5):
        log_in("camille", f"devine-{number}")
    LoginFailure.objects.update(created_at=LoginFailure.objects.first().created_at - timedelta(minutes=16))

    client, _ = log_in("camille", PASSWORD)

    assert logged_in(client)


def test_the_lock_does_not_live_in_the_cache(editor):
    """A Redis outage (or flush) must neither lift nor forget a lock."""
    for number in range(5):
        log_in("camille", f"devine-{number}")
    cache.clear()

    client, _ = log_in("camille", PASSWORD)

    assert not logged_in(client)


def test_each_failure_is_logged_without_the_password(editor, caplog):
    caplog.set_level(logging.WARNING, logger="webassoc.security")
    for number in range(5):
        log_in("camille", f"secret-{number}", address="203.0.113.10")

    lines = [record.getMessage() for record in caplog.records if record.name == "webassoc.security"]
    assert any("'camille'" in line and "203.0.113.10" in line and "5 of 5" in line for line in lines)
    assert any("locked" in line for line in lines)
    assert not any("secret-" in line for line in lines)


def test_failures_older_than_a_day_are_deleted(editor):
    LoginFailure.objects.create(username="ancien", address="203.0.113.1")
    LoginFailure.objects.update(created_at=LoginFailure.objects.get().created_at - timedelta(days=2))

    log_in("camille", "devine")

    assert list(LoginFailure.objects.values_list("username", flat=True)) == ["camille"]


# --- Unlocking ---------------------------------------------------------------------------------

def test_someone_who_manages_accounts_sees_and_unlocks_a_locked_account(editor):
    for number in range(5):
        log_in("camille", f"devine-{number}")
    admin = Client()
    admin.force_login(SuperUserFactory(username="responsable"))

    page = admin.get(reverse("blocked_accounts"))
    assert page.status_code == 200
    assert "Débloquer le compte camille" in page.content.decode()
    assert reverse("blocked_accounts") in admin.get("/admin/").content.decode()  # in the settings menu

    response = admin.post(reverse("blocked_accounts"), {"kind": "account", "key": "camille"}, follow=True)

    assert "Le compte «\u00a0camille\u00a0» est débloqué." in response.content.decode()
    client, _ = log_in("camille", PASSWORD)
    assert logged_in(client)


def test_a_locked_address_can_be_unlocked(editor):
    for number in range(20):
        log_in(f"inconnu{number}", "devine", address="203.0.113.66")
    admin = Client()
    admin.force_login(SuperUserFactory(username="responsable"))
    assert "Débloquer l’adresse 203.0.113.66" in admin.get(reverse("blocked_accounts")).content.decode()

    admin.post(reverse("blocked_accounts"), {"kind": "address", "key": "203.0.113.66"})

    client, _ = log_in("camille", PASSWORD, address="203.0.113.66")
    assert logged_in(client)


def test_the_unlock_screen_is_for_people_who_manage_accounts_only(editor):
    editor_only = UserFactory(username="redaction")
    editor_only.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(editor_only)

    assert client.get(reverse("blocked_accounts")).status_code in (302, 403)
    assert client.post(reverse("blocked_accounts"), {"kind": "account", "key": "camille"}).status_code in (302, 403)
    assert reverse("blocked_accounts") not in client.get("/admin/").content.decode()

    editor_only.user_permissions.add(Permission.objects.get(codename="change_user"))
    client.force_login(editor_only)
    assert client.get(reverse("blocked_accounts")).status_code == 200


def test_no_lock_says_so(editor):
    admin = Client()
    admin.force_login(editor)

    html = admin.get(reverse("blocked_accounts")).content.decode()

    assert "Aucun compte n’est bloqué." in html
    assert "Aucune adresse n’est bloquée." in html
