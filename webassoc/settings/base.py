"""Settings shared by every environment.

Everything that differs between machines comes from environment variables
(see README.md, "Configuration"); the defaults here make a fresh checkout run
locally on SQLite with no configuration at all.
"""

from pathlib import Path

import dj_database_url

from .env import env, env_bool, env_float, env_int, env_list

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env("SECRET_KEY", "django-insecure-local-development-key-never-used-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "courses",
    "missions",
    "alerts",
    "outbox",
    "stats",
    "background",  # before django_tasks_db: its db_worker command replaces the library's
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "webassoc.health.HealthCheckMiddleware",
    "webassoc.proxies.TrustedProxyMiddleware",  # forwarded headers only from our reverse proxy
    "webassoc.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "webassoc.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "webassoc.page_cache.AnonymousPageCacheMiddleware",
    "webassoc.middleware.CachedSiteMiddleware",  # on a miss: the site and root page from the cache
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After auth (its 400 page renders the site's layout), before anything queries the database.
    "webassoc.middleware.RejectNulBytesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "webassoc.urls"
# A form refused by the CSRF check gets the site's page (templates/403_csrf.html), not Django's bare one.
CSRF_FAILURE_VIEW = "webassoc.errors.csrf_failure"
WSGI_APPLICATION = "webassoc.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # After Django's built-in csrf processor: pages being cached get a placeholder.
                "webassoc.page_cache.csrf_placeholder",
            ],
        },
    },
]

# Database: SQLite file by default, anything dj-database-url understands
# (PostgreSQL in production) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A waiting lock (seats of a session) must fail fast rather than pile up requests.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c lock_timeout={env_int('DB_LOCK_TIMEOUT_MS', 5000)}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: per-process memory locally, Redis (shared by every web process) when REDIS_URL is set.
# The cache is an optimisation: when Redis is unreachable, FailSafeRedisCache answers like a miss
# (pages are served uncached), warns once a minute and skips Redis for REDIS_RETRY_SECONDS.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    REDIS_TIMEOUT = env_float("REDIS_TIMEOUT", 0.5)
    CACHES = {
        "default": {
            "BACKEND": "webassoc.cache_backends.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "webassoc"),
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT,
                "socket_timeout": REDIS_TIMEOUT,
                "retry_after": env_float("REDIS_RETRY_SECONDS", 5),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the site speaks French. Source strings are written in
# French and still go through gettext, so a translation can be added later.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Static files and media
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Serve uploaded media from Django itself (small deployments without object storage or
# a front web server). Off by default in production.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Without collectstatic (development, tests) whitenoise serves from the finders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded media on S3-compatible object storage when a bucket is configured, so that
# several web containers share the same files.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),
            "location": env("AWS_LOCATION", "media"),
            "querystring_auth": False,  # media of a public site are public
            "file_overwrite": False,
        },
    }
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: console locally; production reads SMTP settings from the environment.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Webassoc <bonjour@webassoc.localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Where the team receives notifications (new applications, requests…).
TEAM_EMAIL = env("TEAM_EMAIL", "equipe@webassoc.localhost")

# The matchmaking loop (missions/followup.py). The team's stated answer time, shown to volunteers
# until there are enough answers to compute the usual one; unanswered applications appear in the
# team's daily digest after APPLICATION_REMINDER_DAYS, again "en retard" after APPLICATION_LATE_DAYS;
# both sides of an introduction get "Tout se passe bien ?" CHECKIN_AFTER_DAYS after it.
APPLICATION_ANSWER_TARGET_DAYS = env_int("APPLICATION_ANSWER_TARGET_DAYS", 2)
APPLICATION_REMINDER_DAYS = env_int("APPLICATION_REMINDER_DAYS", 2)
APPLICATION_LATE_DAYS = env_int("APPLICATION_LATE_DAYS", 7)
CHECKIN_AFTER_DAYS = env_int("CHECKIN_AFTER_DAYS", 14)
# How long the signed links in emails work: the volunteer's link to follow an application, and the
# links that answer a check-in or a feedback email.
FOLLOW_LINK_DAYS = env_int("FOLLOW_LINK_DAYS", 365)
ANSWER_LINK_DAYS = env_int("ANSWER_LINK_DAYS", 60)

# Background tasks: run in-process right after the transaction commits unless a backend is
# configured (production uses the database backend and `manage.py db_worker`; the tests run
# them immediately, see webassoc/task_backends.py).
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "webassoc.task_backends.ImmediateAfterCommitBackend"),
    }
}

# A background task still "running" after this many minutes lost its worker (killed): the
# periodic job recover_stuck_tasks runs it once more, then marks it failed.
TASK_STUCK_MINUTES = env_int("TASK_STUCK_MINUTES", 15)
# The task worker lowers its CPU priority by this much (nice): on a busy machine, a person waiting
# for a page comes before an email that can leave a second later (bench/registrations.py).
TASK_WORKER_NICENESS = env_int("TASK_WORKER_NICENESS", 10)

# Security defaults that also hold locally.
# Framing is refused; Wagtail's preview panel still works because the
# Content-Security-Policy's `frame-ancestors 'self'` takes precedence in browsers.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True

# Full-page cache of anonymous public pages (seconds; 0 disables it).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
# Fragments every visitor sees alike (header, footer, home sections) and the site settings,
# cached for everybody, logged-in editors included (seconds; 0 disables it). Any content change
# renders them afresh (webassoc/fragments.py); this bounds what depends on the clock.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 300)

# Personal data (registrations, applications, requests, signatures, contacts) is anonymised after
# this many months (webassoc/privacy.py); stored emails are deleted this many days after they were
# sent or abandoned. `manage.py purge_personal_data` refuses negative values with a clear error.
PERSONAL_DATA_RETENTION_MONTHS = env_int("PERSONAL_DATA_RETENTION_MONTHS", 24)
EMAIL_RETENTION_DAYS = env_int("EMAIL_RETENTION_DAYS", 30)
# Never confirmed (their link lives 7 days): alert subscriptions, "next session" requests, signatures.
UNCONFIRMED_RETENTION_DAYS = env_int("UNCONFIRMED_RETENTION_DAYS", 30)

# Public form protections (rate limits are per client IP).
RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", True)
# Number of reverse proxies in front of the app whose X-Forwarded-For we trust.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Addresses (or networks) of those proxies: forwarded headers from anyone else are dropped
# (webassoc/proxies.py). Same variable and default as gunicorn's; "*" trusts everyone.
FORWARDED_ALLOW_IPS = env_list("FORWARDED_ALLOW_IPS", ["127.0.0.1"])

# Wagtail
WAGTAIL_SITE_NAME = "Webassoc"
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "INDEX_PREFIX": env("SEARCH_INDEX_PREFIX", "webassoc_"),
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # French stemming on unaccented words: "benevole" finds "bénévoles" (the text search
    # configuration is created by home/migrations/0011_french_unaccent_search.py; after changing
    # it, rebuild the index with `manage.py update_index`).
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french_unaccent"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True
# No third-party calls from the admin: no Gravatar (editors' email hashes), no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Failed logins are throttled per account and per address (home/login_throttle.py).
WAGTAILADMIN_USER_LOGIN_FORM = "home.forms.AdminLoginForm"

LOG_FORMAT = env("LOG_FORMAT", "text")  # "json" in production: one JSON object per line
# dictConfig, then Python's warnings through logging (the `py.warnings` logger, masked like the rest).
LOGGING_CONFIG = "webassoc.observability.configure_logging"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "webassoc.observability.RequestIdFilter"},
        # Every handler masks secret tokens (cancel links, ?jeton=), whoever logs them.
        "mask_tokens": {"()": "webassoc.observability.MaskTokensFilter"},
    },
    "formatters": {
        "json": {"()": "webassoc.observability.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id", "mask_tokens"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Task start/finish lines and page publication notices are noise in the console.
        "django_tasks": {"level": "WARNING"},
        "django_tasks_db": {"level": env("TASKS_LOG_LEVEL", "INFO")},
        "wagtail": {"level": "WARNING"},
        # One access line per request; the development server prints its own.
        "webassoc.access": {"level": env("ACCESS_LOG_LEVEL", "WARNING")},
        # How long each registration kept its session locked (INFO: one line per registration).
        "courses.locks": {"level": env("LOCK_LOG_LEVEL", "WARNING")},
        # Warnings (Django's CacheKeyWarning quotes a key, a URL may be in it) reach the handlers
        # above, token mask included, instead of being printed on stderr; no handler of their own.
        "py.warnings": {"handlers": [], "propagate": True},
    },
}

# Skill alerts: a run of the sending task queues at most ALERTS_PER_RUN e-mails, ALERTS_BATCH per
# transaction, then enqueues the next run (a mission for 5,000 subscribers never holds a worker).
ALERTS_PER_RUN = env_int("ALERTS_PER_RUN", 500)
ALERTS_BATCH = env_int("ALERTS_BATCH", 100)
