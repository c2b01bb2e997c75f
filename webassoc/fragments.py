"""Template fragments cached for everybody (header, footer, home sections), and site settings.

A fragment's key holds the content generation of the page cache (`webassoc.page_cache`):
any content change (a page published, a mission saved, a registration, the site settings
edited) bumps it through `webassoc.cache_versions.bump()`, and every fragment is rendered
afresh. The key also holds the host, the day (lists of "open" or "upcoming" things change
at midnight) and what the fragment varies on (the current page for the menu's highlighted
item, the search words shown in the header); versions a fragment reads while it renders (the
seats of the training sessions) are kept with it. `FRAGMENT_CACHE_SECONDS` bounds the rest
(a session starting, registrations closing); 0 turns fragment caching off (the tests do,
except those about it).

Only what is the same for every visitor goes in a fragment: never a form with a CSRF token,
never anything about the person asking. An editor's preview (Wagtail's `request.is_preview`)
neither reads nor stores fragments: it shows the draft, and the draft never reaches visitors.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.utils import timezone

from . import cache_versions, page_cache


def seconds():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)


def key(name, vary_on=(), request=None):
    hasher = hashlib.sha256()
    for value in vary_on:
        hasher.update(str(value).encode())
        hasher.update(b"\0")
    host = request.get_host() if request is not None else ""
    return (f"fragment:{name}:{page_cache.generation()}:{timezone.localdate().isoformat()}:"
            f"{host}:{hasher.hexdigest()[:32]}")


def cached(name, render, vary_on=(), request=None):
    """The cached value of `render()` under this fragment's key (computed and stored on a miss).

    Versions read while it renders (`cache_versions.current()`, e.g. the seats of the training
    sessions) are stored with it: the fragment is stale once one is bumped, and the page being
    rendered (and page-cached) depends on them too, whether the fragment was cached or not.
    """
    timeout = seconds()
    if timeout <= 0 or getattr(request, "is_preview", False):
        return render()
    try:
        fragment_key = key(name, vary_on, request)
    except DisallowedHost:  # the 400 page of a request with an unknown Host: rendered, never stored
        return render()
    entry = cache.get(fragment_key)
    if entry is not None and cache_versions.unchanged(entry["versions"]):
        cache_versions.note(entry["versions"])
        return entry["value"]
    with cache_versions.recording() as versions:
        value = render()
    versions.pop(page_cache.GENERATION_KEY, None)
    cache_versions.note(versions)
    cache.set(fragment_key, {"value": value, "versions": versions}, timeout)
    return value


def _site_and_root_page(request):
    from wagtail.models import Site

    site = Site._find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018 - loaded now, so that it is stored with the site
    return site


def attach_site(request):
    """Give `request` its Wagtail site (`Site.find_for_request` reads `request._wagtail_site`) from
    the cache: the site and its root page are the first two queries of every page, and change only
    with the content generation (a site or page saved bumps it)."""
    if seconds() <= 0 or hasattr(request, "_wagtail_site"):
        return
    from django.http.request import split_domain_port

    try:
        request.get_host()  # an unknown Host never makes a cache key (CommonMiddleware answers 400)
    except DisallowedHost:
        return
    hostname = split_domain_port(request._get_raw_host())[0]
    request._wagtail_site = cached("wagtail_site", lambda: _site_and_root_page(request),
                                   (hostname, request.get_port()))
