"""The one pagination helper of every listing (missions, news, catalogue, signatories, search)."""

import math

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import models
from django.db.models.expressions import RawSQL

MAX_PAGE_DIGITS = 6  # ?page=99999999999999999999 must not reach the database as a number
# Long listings count their rows exactly up to this number, then say "plus de 1 000".
COUNT_CAP = 1000


def page_number(request, param="page"):
    """The page asked for in the query string; 1 when it is missing or not a sensible number."""
    raw = (request.GET.get(param) or "").strip()
    # isdigit() alone accepts "²" or "١" (other scripts' digits), which int() refuses or reads.
    if not (raw.isascii() and raw.isdigit()) or len(raw) > MAX_PAGE_DIGITS:
        return 1
    return max(1, int(raw))


def paginate(object_list, number, per_page):
    """One page of `object_list`; a page past the end shows the last one, never an error."""
    return Paginator(object_list, per_page).get_page(number)


def page_of_known_rows(rows, total, number, per_page):
    """A page built from rows and a total fetched elsewhere (a cache): same object as paginate()."""
    page = Paginator(range(total), per_page).get_page(number)
    page.object_list = rows
    page.count_is_lower_bound = False
    return page


def page_of_ids(queryset, number, per_page, cap=COUNT_CAP):
    """The primary keys of one page of a sorted queryset and its Page, in one query at any size.

    The query reads the page's rows plus one (is there a next page?) and, in a subquery that
    stops after `cap + 1` rows, counts the matching rows. With an index in the sort order
    (`SortIndex`) the database stops walking after those rows, so the cost does not grow
    with the table. Past `cap` matches the count is a lower bound (`page.count_is_lower_bound`:
    "plus de 1 000"), and the pages go on as long as there are rows. A page past the end shows
    the last one (one more count, only then).
    """
    limited = queryset.order_by().values("pk")[: cap + 1]
    try:
        sql, params = limited.query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:  # queryset.none(), or a filter that can match nothing
        page = page_of_known_rows([], 0, 1, per_page)
        page.count_cap = cap
        return [], page
    counted = RawSQL(f"SELECT COUNT(*) FROM ({sql}) capped", params, output_field=models.IntegerField())
    ids_and_count = queryset.annotate(capped_count=counted).values_list("pk", "capped_count")

    def rows(number):
        start = (number - 1) * per_page
        return list(ids_and_count[start:start + per_page + 1])

    found = rows(number)
    if not found and number > 1:  # a page past the end: the last one
        total = queryset.count()
        if total:
            number = math.ceil(total / per_page)
            found = rows(number)
    start = (number - 1) * per_page
    has_next = len(found) > per_page
    found = found[:per_page]
    counted_rows = found[0][1] if found else 0
    lower_bound = has_next and counted_rows > cap
    if not has_next:
        total = start + len(found)  # the last page: exact whatever the cap
    elif lower_bound:
        total = max(counted_rows, start + len(found) + 1)
    else:
        total = counted_rows
    ids = [pk for pk, _count in found]
    page = page_of_known_rows(ids, total, number, per_page)
    page.count_is_lower_bound = lower_bound
    page.count_cap = cap
    return ids, page


class SortIndex(models.Index):
    """An index in a listing's sort order (`F("day").asc(nulls_last=True)`, NULLS clause included).

    PostgreSQL needs the NULLS clause in the index to walk it for `ORDER BY … NULLS LAST`;
    SQLite refuses it in an index, and walks a plain one for these orders (its NULLs come
    first ascending and last descending), so it gets the index without the clause.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        index = self
        if schema_editor.connection.vendor == "sqlite":
            index = self.clone()
            index.expressions = tuple(
                models.OrderBy(expression.expression, descending=expression.descending)
                if isinstance(expression, models.OrderBy) else expression
                for expression in self.expressions
            )
        return super(SortIndex, index).create_sql(model, schema_editor, using=using, **kwargs)
