"""Security headers Django 5.2 does not set by itself."""

from django.conf import settings

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
