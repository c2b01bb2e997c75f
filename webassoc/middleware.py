"""Security headers Django 5.2 does not set by itself, the refusal of NUL bytes in input, and the
request's Wagtail site read from the cache."""

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.views.defaults import bad_request

# The public site needs no inline script or style: everything lives in /static/.
PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: https:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self' https:",
        # Embeds in news articles (videos).
        "frame-src https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com",
        "frame-ancestors 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
# Wagtail's admin (and the editor userbar) rely on inline scripts and styles.
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self' https:",
        "frame-ancestors 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


class CachedSiteMiddleware:
    """The request's Wagtail site and root page from the fragment cache (webassoc.fragments)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from webassoc import fragments

        fragments.attach_site(request)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy_for(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    @staticmethod
    def policy_for(request):
        is_admin = request.path.startswith(("/admin/", "/django-admin/"))
        user = getattr(request, "user", None)
        # Editors browsing the site see Wagtail's userbar, which needs the admin policy.
        if is_admin or (user is not None and user.is_authenticated and user.is_staff) or settings.DEBUG:
            return ADMIN_CSP
        return PUBLIC_CSP


FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class RejectNulBytesMiddleware:
    """A NUL byte in the path, the query string or a form value answers 400 before any view runs.

    No page, form or search of the site has a use for one, and PostgreSQL refuses them in text
    ("A string literal cannot contain NUL"): without this, `/recherche/?q=%00` was a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.has_nul_byte(request):
            return bad_request(request, SuspiciousOperation("NUL byte in the request"))
        return self.get_response(request)

    @staticmethod
    def has_nul_byte(request):
        if "\x00" in request.path_info or "%00" in request.META.get("QUERY_STRING", ""):
            return True
        if any("\x00" in key or "\x00" in value for key, value in request.GET.items()):
            return True
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            return any("\x00" in key or any("\x00" in value for value in values)
                       for key, values in request.POST.lists())
        return False


class SiteNotFoundPageInDebugMiddleware:
    """Development only (`DEBUG_SITE_404`, on by default in `webassoc.settings.dev`): a missing page
    shows the site's own 404 page, as visitors see it, instead of Django's English debug page.
    Other errors keep Django's debug page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.http import Http404
        from django.views.defaults import page_not_found

        if settings.DEBUG and isinstance(exception, Http404) and not request.path.startswith("/admin/"):
            return page_not_found(request, exception)
        return None
