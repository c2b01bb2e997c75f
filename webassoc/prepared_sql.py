"""Statements compiled before a lock is taken, run under it.

The ORM spends about half a millisecond of Python turning a queryset into SQL: more than
PostgreSQL takes to run a short statement. Under a row lock that others queue behind, that time
is everyone's wait. `courses.services.register` compiles the statements it runs under the
session's lock first (`Prepared.select`, `Prepared.update`), then takes the lock and runs them as
they are. The SQL is the ORM's own: `Prepared.update` compiles as `QuerySet.update()` does.
"""

from django.db import connections, router
from django.db.models.sql import UpdateQuery


class Prepared:
    def __init__(self, sql, params, using, compiler=None):
        self.sql, self.params, self.using = sql, params, using
        self._compiler = compiler  # a SELECT's, to convert the row as the ORM would

    @classmethod
    def select(cls, queryset):
        """The SELECT of `queryset` (a `values_list()` one: rows come back as tuples, their values
        converted as the queryset's would be). One with `select_for_update()` compiles only inside
        a transaction, like the queryset itself."""
        compiler = queryset.query.get_compiler(queryset.db)
        sql, params = compiler.as_sql()
        return cls(sql, params, queryset.db, compiler)

    @classmethod
    def update(cls, queryset, **values):
        """What `queryset.update(**values)` would send; the values are fixed now."""
        query = queryset.query.chain(UpdateQuery)
        query.add_update_values(values)
        query.clear_select_clause()
        using = router.db_for_write(queryset.model)
        sql, params = query.get_compiler(using).as_sql()
        return cls(sql, params, using)

    def fetchone(self):
        with connections[self.using].cursor() as cursor:
            cursor.execute(self.sql, self.params)
            row = cursor.fetchone()
        if row is None:
            return None
        return next(self._compiler.results_iter(results=[[row]], tuple_expected=True))

    def rowcount(self):
        with connections[self.using].cursor() as cursor:
            cursor.execute(self.sql, self.params)
            return cursor.rowcount
