"""What the benchmarks share: Django with the test settings, and a throwaway database (SQLite, or
the server named by DATABASE_URL) created for the run and dropped afterwards."""

import os
from contextlib import contextmanager


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webassoc.settings.test")
    import django

    django.setup()


@contextmanager
def throwaway_database():
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
