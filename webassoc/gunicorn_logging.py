"""gunicorn's own log lines (bad request lines, worker timeouts…) with secret tokens masked.

gunicorn writes them through its loggers `gunicorn.error` and `gunicorn.access`, which do not
propagate to the handlers of settings.LOGGING: a malformed request line holding a cancel link
(`Invalid HTTP request line: 'GET /formations/inscriptions/<token>/annulation/…'`) reached the
error log as typed. `gunicorn.conf.py` names this class as its `logger_class`: both loggers get
the site's `MaskTokensFilter`, whatever handlers gunicorn gives them.
"""

from gunicorn.glogging import Logger

from webassoc.observability import MaskTokensFilter


class MaskingLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)  # run again on a configuration reload (SIGHUP): add the filter once
        for log in (self.error_log, self.access_log):
            if not any(isinstance(existing, MaskTokensFilter) for existing in log.filters):
                log.addFilter(MaskTokensFilter())
