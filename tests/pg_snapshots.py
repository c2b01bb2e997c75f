"""Fast resets between transactional tests on PostgreSQL (browser and concurrency tests).

Such a test commits its rows, so Django empties every table after it (`flush`) and the next
one gets the migrations' data (and the demo, `demo_site`) back. On PostgreSQL, Django's flush is
one TRUNCATE of ~150 tables, which creates new files for each table: about 3 s per test on these
machines; putting the rows back object by object (Django's deserializer) costs seconds more.
Here, on PostgreSQL only:

- the flush deletes the rows instead (`DELETE FROM` each table, foreign keys being deferred
  until the commit), which leaves no files behind: a fraction of a second;
- a snapshot is a schema holding a copy of every table (`CREATE TABLE … AS TABLE …`, on the
  server), and restoring it is one `INSERT … SELECT` per table.

SQLite keeps Django's own flush and the serialized copies (tests/conftest.py): both are fast there.
"""

from django.db import connection, transaction

SCHEMA = "test_snapshot_{name}"


def is_postgresql():
    return connection.vendor == "postgresql"


def _tables():
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def delete_instead_of_truncate():
    """Make Django's flush delete rows rather than truncate tables (PostgreSQL, this process)."""
    operations = type(connection.ops)
    if getattr(operations, "_flush_deletes_rows", False):
        return
    truncate = operations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences:  # the ids must start again: only TRUNCATE … RESTART IDENTITY does it
            return truncate(self, style, tables, reset_sequences=True, allow_cascade=allow_cascade)
        # Foreign keys are DEFERRABLE INITIALLY DEFERRED (Django creates them so): checked at the
        # commit of the flush's transaction, when every table is empty.
        return [f"DELETE FROM {self.quote_name(table)};" for table in tables]

    operations.sql_flush = sql_flush
    operations._flush_deletes_rows = True


def exists(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM information_schema.schemata WHERE schema_name = %s", [SCHEMA.format(name=name)])
        return cursor.fetchone() is not None


def take(name):
    """Copy every table into the snapshot `name` (replacing an older one). Must be committed to
    outlive the test: call it from a transactional test or outside any test transaction."""
    schema = connection.ops.quote_name(SCHEMA.format(name=name))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        cursor.execute(f"CREATE SCHEMA {schema}")
        for table in _tables():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"CREATE TABLE {schema}.{quoted} AS TABLE public.{quoted}")


def restore(name):
    """Replace the rows of every table by those of the snapshot `name`. Ids are kept; the
    sequences are not moved back, so new rows never collide with restored ones."""
    schema = connection.ops.quote_name(SCHEMA.format(name=name))
    statements = []
    for table in _tables():
        quoted = connection.ops.quote_name(table)
        statements.append(f"DELETE FROM public.{quoted};")
        statements.append(f"INSERT INTO public.{quoted} SELECT * FROM {schema}.{quoted};")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute("\n".join(statements))
