"""Request ids and structured (JSON) logs on stdout.

Every request gets an id (the incoming X-Request-ID if a proxy set a sane one,
otherwise a new one), sent back in the response and attached to every log
line written while the request is handled. Access lines carry no personal
data: no IP address, no query string, no user identity. Secret tokens (cancel
links, `?jeton=` confirmation links) are masked in every log record, whoever
writes it (Django's CSRF warning logs the raw path): `MaskTokensFilter` sits on
every handler of settings.LOGGING. Python's warnings go through logging too
(`configure_logging`), and gunicorn's own loggers get the filter from
`webassoc.gunicorn_logging`.
"""

import contextvars
import json
import logging
import logging.config
import re
import time
import uuid

request_id_var = contextvars.ContextVar("request_id", default="-")
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
access_logger = logging.getLogger("webassoc.access")
# Secret tokens in URLs (cancel or confirmation links) must not end up in the logs: a path
# segment of 16+ characters with a digit and a capital letter (or a colon) is a token.
_SEGMENT_CHAR = r"[^/\s?#&\"'<>]"
TOKEN_SEGMENT = re.compile(
    rf"(?<=/)(?={_SEGMENT_CHAR}{{16,}})(?={_SEGMENT_CHAR}*[0-9])(?={_SEGMENT_CHAR}*[A-Z:]){_SEGMENT_CHAR}+"
)
# Every signed link (webassoc.signed_links) carries its token in the query string (`?jeton=`).
TOKEN_PARAMETER = re.compile(r"(?<=jeton=)[^&\s\"'<>#]+")
MASK = "<jeton>"


def mask_tokens(text):
    """`text` with every token-like path segment and `jeton=` value replaced by <jeton>."""
    return TOKEN_PARAMETER.sub(MASK, TOKEN_SEGMENT.sub(MASK, text))


def configure_logging(config):
    """settings.LOGGING_CONFIG: Django's dictConfig, and Python's warnings sent to the `py.warnings`
    logger (so through the handlers' token mask) instead of being printed on stderr as they are."""
    logging.config.dictConfig(config)
    logging.captureWarnings(True)


def loggable_path(path):
    return mask_tokens(path)


class MaskTokensFilter(logging.Filter):
    """On every handler: the message (with its arguments) and the traceback lose their tokens."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string is the formatter's business
            return True
        masked = mask_tokens(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_tokens(record.exc_text)
        return True


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    BASE_FIELDS = {"method", "path", "status", "duration_ms"}

    def format(self, record):
        payload = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        for field in self.BASE_FIELDS:
            if hasattr(record, field):
                payload[field] = getattr(record, field)
        if record.exc_info or record.exc_text:
            payload["exception"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if REQUEST_ID_PATTERN.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            path = loggable_path(request.path)
            access_logger.info(
                "%s %s %s",
                request.method,
                path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id_var.reset(token)
