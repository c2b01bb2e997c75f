"""Local development: DEBUG on, console email, SQLite unless DATABASE_URL is set."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = env_bool("DEBUG", True)
INTERNAL_IPS = ["127.0.0.1"]

# A missing page shows the site's own 404 page (as in production), not Django's debug 404;
# DEBUG_SITE_404=false brings the debug page back. Other errors keep the debug page.
if env_bool("DEBUG_SITE_404", True):
    MIDDLEWARE = [*MIDDLEWARE, "webassoc.middleware.SiteNotFoundPageInDebugMiddleware"]  # noqa: F405
