"""Full-page cache for anonymous visitors, invalidated whenever content changes.

Only responses that are the same for every anonymous visitor are stored:
GET, status 200, no cookie set, no CSRF token rendered (so pages with forms
are never cached), no `Cache-Control: private/no-store` (views showing
personal data must say so, e.g. with `never_cache`). Requests carrying a
session or pending messages always reach Django, so `Vary: Cookie` (set on
every page because the templates ask whether someone is logged in) is safe.

Invalidation is global and cheap: keys include a "generation" number kept in
the shared cache; saving or deleting any content model bumps it. Listings
(home page, catalogue, seats left…) depend on many objects, so a global bump
is the only rule that is always right, and content changes at human pace.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control, patch_vary_headers

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
    # Manifesto signatures: the manifesto page renders a form (never cached) and its counter
    # has its own versioned cache (home/services.py), so a signature must not flush the site.
    "home.signature",
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


def cache_key(request):
    return f"pagecache:{generation()}:{request.get_host()}:{request.get_full_path()}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.mark_private_if_personal(request, self.get_response(request))
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
        if self.is_cacheable_response(request, response):
            patch_cache_control(response, no_cache=True)
            cache.set(key, response, timeout())
            response["X-Cache"] = "MISS"
            return response
        return self.mark_private_if_personal(request, response)

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
