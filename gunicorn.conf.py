"""gunicorn settings for production (`gunicorn -c gunicorn.conf.py webassoc.wsgi`)."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", 2))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then: bounded memory whatever the libraries do.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
# Application logs go to stdout as JSON; gunicorn's own access log would duplicate them.
accesslog = None
errorlog = "-"
# gunicorn's own lines (e.g. "Invalid HTTP request line: 'GET /formations/inscriptions/<token>/…'")
# get the site's token mask too: they do not go through settings.LOGGING.
logger_class = "webassoc.gunicorn_logging.MaskingLogger"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
