"""Full-page cache for anonymous visitors, invalidated whenever content changes.

Only responses that are the same for every anonymous visitor are stored:
GET, status 200, no cookie set, no `Cache-Control: private/no-store` (views
showing personal data must say so, e.g. with `never_cache`). Requests carrying
a session or pending messages always reach Django, so `Vary: Cookie` (set on
every page because the templates ask whether someone is logged in) is safe.

Pages with forms are cached too. While a cacheable request renders, the
`{% csrf_token %}` tag writes a placeholder instead of a token (the context
processor `csrf_placeholder` below): the stored page holds no token. Every
visitor then gets the page with the placeholder replaced by a token of their
own (`get_token()`, their existing CSRF cookie reused, a new one set
otherwise), sent `Cache-Control: private`. A view that asks for a real token
itself (`get_token()` outside the template tag) still makes its page uncacheable.
The placeholder is derived from SECRET_KEY: a page stored under another key (a key
rotation, a restart of `make production-local` with a new random key) is never served
(the key's fingerprint is part of every page's key, and the entry names its placeholder).

Invalidation is global and cheap: each stored page carries the "generation"
number (kept in the shared cache) it was rendered at, read with the page in one
round trip; saving or deleting any content model bumps it. Listings
(home page, catalogue, seats left…) depend on many objects, so a global bump
is the only rule that is always right, and content changes at human pace.
Data cached under its own version (the manifesto's counter, fragments) is
recorded while the page renders (`cache_versions.recording()`): the cached
page is stale as soon as one of those versions is bumped.
"""

import functools
import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject

from webassoc import cache_versions

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/healthz", "/readyz", "/static/", "/media/")
INVALIDATING_APPS = {
    "home", "courses", "missions", "wagtailcore", "wagtailimages", "wagtaildocs", "taggit",
    "wagtailredirects",
}
# Bookkeeping rows that never change what visitors see.
IGNORED_MODELS = {
    "wagtailcore.revision", "wagtailcore.pagelogentry", "wagtailcore.modellogentry",
    "wagtailcore.referenceindex", "wagtailcore.pagesubscription", "wagtailcore.taskstate",
    "wagtailcore.workflowstate", "wagtailcore.editingsession", "wagtailcore.comment",
    "wagtailimages.rendition",
    # Manifesto signatures: the counter and the list have their own versioned cache
    # (home/services.py), recorded with the cached manifesto page: a signature makes that
    # page stale, and must not flush the whole site.
    "home.signature",
    # Records no public page shows: an application or a request per second under a newsletter
    # burst must not empty the cache every second.
    "missions.application", "missions.missionrequest", "home.loginfailure",
    # …nor does the matchmaking loop's follow-up (steps written by every application, check-ins,
    # cases, feedback): each used to flush the whole site.
    "missions.applicationstep", "missions.checkin", "missions.followupcase", "missions.feedback",
    # Registrations change the seats left: pages and fragments showing seats read their own
    # version (courses.models.registrations.seats_version), the other pages stay cached.
    "courses.registration",
}


def timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def generation():
    return cache_versions.current(GENERATION_KEY)


def invalidate():
    """Make every cached page stale at once."""
    cache_versions.bump(GENERATION_KEY)


def _on_content_change(sender, **kwargs):
    label = sender._meta.label_lower
    if sender._meta.app_label in INVALIDATING_APPS and label not in IGNORED_MODELS:
        # After the commit: a page rendered before it would otherwise be cached with the old
        # data under the new generation; and no row lock waits for the cache.
        transaction.on_commit(invalidate)


def connect_signals():
    post_save.connect(_on_content_change, dispatch_uid="page_cache_post_save")
    post_delete.connect(_on_content_change, dispatch_uid="page_cache_post_delete")


KEY_PREFIX = "pagecache:v4:"


def cache_key(request):
    """The page's key; the content generation it was rendered at is stored in the entry, so that
    a hit takes one round trip to the cache (the generation and the page read together).

    The host and the URL are hashed: a key never holds a URL (a confirmation link's `jeton=` would
    otherwise reach Django's CacheKeyWarning, printed outside the logs' token mask, for a URL
    longer than 250 characters), and every key has the same length. The key also holds a
    fingerprint of SECRET_KEY: pages stored by a process with another key (before a rotation, or
    before `make production-local` restarted with a new random key) carry a CSRF placeholder
    this process would not recognise, and are never found.
    """
    location = hashlib.sha256(f"{request.get_host()}\n{request.get_full_path()}".encode()).hexdigest()
    return f"{KEY_PREFIX}{_key_fingerprint(settings.SECRET_KEY)}:{location}"


@functools.lru_cache(maxsize=4)
def _key_fingerprint(secret_key):
    """12 hexadecimal characters that change with SECRET_KEY and reveal nothing of it."""
    return hmac.new(secret_key.encode(), b"webassoc.page_cache.key", hashlib.sha256).hexdigest()[:12]


# Page key → the version keys its entry depends on (a session's seats, the manifesto's list),
# learnt by this process: they are read in the same round trip as the page. Bounded; only an
# optimisation (an unknown or outdated list costs one more round trip, never a stale page).
_version_keys = {}
MAX_REMEMBERED_PAGES = 5000


def cached_entry(key):
    """The stored entry of this key if it is still fresh (same content generation, same versions of
    the data it showed), else None. One round trip to the cache, once this process knows which
    versions the page depends on."""
    if cache_versions.bumps_pending():  # a bump lost during a cache outage: take the slow path
        current, entry = generation(), cache.get(key)
        found = {}
    else:
        found = cache.get_many([GENERATION_KEY, key, *_version_keys.get(key, ())])
        current, entry = found.get(GENERATION_KEY), found.get(key)
    if entry is None or current is None or entry.get("generation") != current:
        return None
    if entry["csrf"] and entry["csrf"] != csrf_placeholder_text():
        # Written with another SECRET_KEY (the key's fingerprint makes this unlikely): its
        # placeholder would be served as it is, and every form on it would answer 403.
        return None
    versions = entry["versions"]
    if versions.keys() <= found.keys():
        fresh = all(found[name] == version for name, version in versions.items())
    else:
        fresh = cache_versions.unchanged(versions)
        if len(_version_keys) >= MAX_REMEMBERED_PAGES:
            _version_keys.clear()
        _version_keys[key] = tuple(versions)
    return entry if fresh else None


def csrf_placeholder_text():
    """What `{% csrf_token %}` writes in a page being cached: 64 characters, like a token.

    Derived from SECRET_KEY, so no visitor can type it into a page (a search query
    echoed in the results) to have someone else's token written there.
    """
    return _placeholder_for(settings.SECRET_KEY)


@functools.lru_cache(maxsize=4)
def _placeholder_for(secret_key):
    digest = hmac.new(secret_key.encode(), b"webassoc.page_cache.csrf", hashlib.sha256)
    return "csrfplaceholder" + digest.hexdigest()[:49]


PLACEHOLDER_ATTR = "page_cache_csrf_placeholder"  # on the request: None (off), False (unused), True (used)


def csrf_placeholder(request):
    """Context processor: the placeholder as `csrf_token` while a cacheable request renders.

    Listed after Django's built-in `csrf` processor, which it overrides only then.
    """
    if getattr(request, PLACEHOLDER_ATTR, None) is None:
        return {}

    def placeholder():
        setattr(request, PLACEHOLDER_ATTR, True)
        return csrf_placeholder_text()

    return {"csrf_token": SimpleLazyObject(placeholder)}


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.mark_private_if_personal(request, self.get_response(request))
        key = cache_key(request)
        entry = cached_entry(key)
        if entry is not None:
            response = entry["response"]
            response["X-Cache"] = "HIT"
            return self.with_visitor_token(request, response) if entry["csrf"] else response
        setattr(request, PLACEHOLDER_ATTR, False)
        rendered_at = generation()  # read before rendering: a change during it makes the copy stale
        with cache_versions.recording() as versions:
            response = self.get_response(request)
        has_form = getattr(request, PLACEHOLDER_ATTR)
        if self.is_cacheable_response(request, response):
            patch_cache_control(response, no_cache=True)
            versions.pop(GENERATION_KEY, None)
            # "csrf": the placeholder written in the page (False without a form).
            placeholder = csrf_placeholder_text() if has_form else False
            cache.set(key, {"response": response, "csrf": placeholder, "versions": versions,
                            "generation": rendered_at}, timeout())
            response["X-Cache"] = "MISS"
        else:
            response = self.mark_private_if_personal(request, response)
        return self.with_visitor_token(request, response) if has_form else response

    def with_visitor_token(self, request, response):
        """Replace each placeholder with a token of this visitor's, and set their CSRF cookie."""
        if response.streaming:
            return response
        self.csrf.process_request(request)  # the visitor's own secret, if their cookie has one
        placeholder = csrf_placeholder_text().encode()
        parts = response.content.split(placeholder)
        content = parts[0]
        for part in parts[1:]:
            content += get_token(request).encode() + part
        response.content = content
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(content))
        self.csrf.process_response(request, response)  # Set-Cookie when get_token() asked for it
        patch_cache_control(response, private=True, no_cache=True)
        return response

    @staticmethod
    def is_cacheable_request(request):
        if timeout() <= 0 or request.method != "GET":
            return False
        if request.path.startswith(SKIPPED_PREFIXES):
            return False
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return False
        return "HTTP_AUTHORIZATION" not in request.META

    @staticmethod
    def is_cacheable_response(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # a form with a CSRF token was rendered
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in ("private", "no-store"))

    @staticmethod
    def mark_private_if_personal(request, response):
        """Pages with forms or personal data must not be stored by shared caches."""
        personalised = response.cookies or "cookie" in response.get("Vary", "").lower()
        if personalised and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        if request.path.startswith(("/admin/",)):
            patch_vary_headers(response, ("Cookie",))
        return response
