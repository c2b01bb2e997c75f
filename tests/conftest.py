import json
import os

import pytest
from django.core.cache import cache

from tests import pg_snapshots
from tests.factories import home_page as get_home_page


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Rate limits and cached fragments must not leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"


# Data created by the migrations (site, home page, locale, collections, roles, seeded tags),
# captured once so transactional tests, whose teardown empties the tables, can put it back.
_INITIAL_DATA = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock():
        if pg_snapshots.is_postgresql():
            pg_snapshots.delete_instead_of_truncate()
            pg_snapshots.take("initial")
            return
        data = json.loads(connection.creation.serialize_db_to_string())
    # Content types and permissions first: saving other rows may look them up.
    first = {"contenttypes.contenttype": 0, "auth.permission": 1}
    data.sort(key=lambda row: first.get(row["model"], 2))
    _INITIAL_DATA["default"] = json.dumps(data)


def is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    return marker is not None and marker.kwargs.get("transaction", False)


@pytest.fixture(autouse=True)
def _restore_initial_data(request):
    """Give transactional tests (browser, concurrency) the data the migrations created.

    Django's own `serialized_rollback` is not reliable here: Playwright runs the tests in
    another context than the one that set the database up, so it would not see the copy.
    """
    if not is_transactional(request):
        return
    request.getfixturevalue("transactional_db")
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Site

    if not Site.objects.exists():
        # The flush re-created content types and permissions with new ids: the copy wins.
        ContentType.objects.clear_cache()
        if pg_snapshots.is_postgresql():
            pg_snapshots.restore("initial")
            return
        ContentType.objects.all().delete()
        connection.creation.deserialize_db_from_string(_INITIAL_DATA["default"])


@pytest.fixture
def home_page(db):
    return get_home_page()


@pytest.fixture
def on_postgresql():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://…)")
    return connection


@pytest.fixture
def locks_time_out(monkeypatch):
    """Every row lock waits past PostgreSQL's lock_timeout, as a busy row does in production: the
    error a locking query raises then (SQLSTATE 55P03), on any database."""
    from django.db import OperationalError
    from django.db.models.query import QuerySet

    class LockNotAvailable(Exception):
        sqlstate = "55P03"

    def locked_out(queryset, *args, **kwargs):
        raise OperationalError("canceling statement due to lock timeout") from LockNotAvailable()

    monkeypatch.setattr(QuerySet, "select_for_update", locked_out)


# The demo content (`demo_site`): `load_demo` runs once per test process and its rows are copied;
# later tests get the rows back from the copy. Loading (pages, revisions, images) costs seconds,
# restoring the rows a fraction of that. Tests of `load_demo` itself call the command again.
_DEMO_SNAPSHOT = {}


@pytest.fixture
def demo_site(request, db):
    from django.contrib.contenttypes.models import ContentType

    if is_transactional(request) and pg_snapshots.is_postgresql():
        # Committed rows: a server-side copy, taken once, restored in a fraction of a second.
        if pg_snapshots.exists("demo"):
            pg_snapshots.restore("demo")
            ContentType.objects.clear_cache()
            return
        _load_demo_or_its_copy()
        pg_snapshots.take("demo")
        return
    _load_demo_or_its_copy()


def _load_demo_or_its_copy():
    from django.core.management import call_command
    from django.db import connection

    if "rows" not in _DEMO_SNAPSHOT:
        call_command("load_demo", stdout=open(os.devnull, "w"))
        rows = json.loads(connection.creation.serialize_db_to_string())
        first = {"contenttypes.contenttype": 0, "auth.permission": 1}
        rows.sort(key=lambda row: first.get(row["model"], 2))
        _DEMO_SNAPSHOT["rows"] = json.dumps(rows)
        return
    # The migrations' data (same ids) is there (rolled back to, or restored above); the copy adds the rest.
    connection.creation.deserialize_db_from_string(_DEMO_SNAPSHOT["rows"])
