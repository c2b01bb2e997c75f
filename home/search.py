"""Site-wide search: pages, plus any searchable content an app registers.

Apps add their own searchable content (missions, for instance) with
`register_source(callable)`: the callable takes the query and the request and
returns a list of SearchResult.

Order of the results (`ranked`), by what the visitor will read in the list (accents and case
ignored): first those whose title holds every word typed, then those whose title or text shown
holds them, open offers (missions taking applications) before pages in both groups; then what
the search index found elsewhere in the content, pages before open offers (a mission that only
mentions the words in its long description is a weak answer). What takes no more applications
comes last. Each source's own order is kept inside a group.
"""

import unicodedata
from dataclasses import dataclass

from wagtail.models import Page

from webassoc.forms import search_words

MAX_RESULTS = 200
_sources = []

# SearchResult.rank: lower comes first (after titles holding every word typed).
OPEN_OFFER, PAGE, CLOSED_OFFER = 1, 2, 3


@dataclass
class SearchResult:
    title: str
    url: str
    description: str = ""
    kind: str = ""
    rank: int = PAGE


def register_source(source):
    if source not in _sources:
        _sources.append(source)
    return source


def page_results(query, request=None):
    words = search_words(query)
    if not words:
        return []
    pages = Page.objects.live().public().filter(depth__gt=1).specific().search(words)[:MAX_RESULTS]
    results = []
    for page in pages:
        getter = getattr(page, "get_meta_description", None)
        description = (getter() if getter else page.search_description) or ""
        results.append(
            SearchResult(
                title=page.title,
                url=page.get_url(request),
                description=description,
                kind=kind_label(page),
            )
        )
    return results


def kind_label(page):
    """What a result is, for people: a page's `search_kind` ("Formation", "Actualité"), else its
    type's name ("Page standard" would mean nothing to a visitor: standard pages say "Page")."""
    return str(getattr(page, "search_kind", "") or page.specific_class._meta.verbose_name).capitalize()


def folded(text):
    """`text` lower-case and without accents, to compare what was typed with a title."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("\u2019", "'")


def ranked(results, query):
    """`results` in the order described at the top of this module (a stable sort)."""
    words = folded(search_words(query)).split()

    def holds_words(text):
        text = folded(text)
        return all(word in text for word in words)

    def key(result):
        if holds_words(result.title):
            group = 0
        elif holds_words(f"{result.title} {result.description}"):
            group = 1
        else:  # found in the content only: pages first
            return (result.rank == CLOSED_OFFER, 2, result.rank != PAGE)
        return (result.rank == CLOSED_OFFER, group, result.rank)

    return sorted(results, key=key)


def search_site(query, request=None):
    results = page_results(query, request)
    for source in _sources:
        results.extend(source(query, request))
    return ranked(results, query)[:MAX_RESULTS]


