"""The one pagination helper of every listing (missions, news, catalogue, signatories, search)."""

from django.core.paginator import Paginator

MAX_PAGE_DIGITS = 6  # ?page=99999999999999999999 must not reach the database as a number


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
    return page
