"""Panels of the admin home ("Tableau de bord"): what the team checks every morning.

Every panel subclasses `DashboardPanel`: it shows a few rows (oldest or most urgent first), how
many there are in all, and links to the admin list filtered on exactly the records it counts
(`list_url()`, built with `filtered_url()` from the app's enums). A panel whose rows are not records
of one list (the next sessions, the courses awaited) links each row to its own filtered list and
has no total (`list_url()` is None). Two queries per panel at most, whatever the numbers (tests
pin the count). Each app keeps its panels in `<app>/admin_panels.py`
with the hook function built by `panels_adder()`, registered with `construct_homepage_panels` in
its `wagtail_hooks.py`.

(Not in `webassoc/admin/panels.py`: that module holds edit-form panels, `wagtail.admin.panels`;
these are `wagtail.admin.ui.components`.)
"""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

ROWS = 6


class DashboardPanel(Component):
    """One panel: `queryset()` the records counted, `row()` what is shown of each of the first
    `rows_shown` (by default (text, url, detail) tuples, read by the default template), `list_url()`
    the list of exactly those records, or None when there is no such list (then no total is
    counted). Shown to the people with `permission`, or with any of several (a tuple)."""

    template_name = "admin/dashboard_panel.html"
    name = ""
    heading = ""
    empty = ""
    permission = ""
    rows_shown = ROWS
    link_label = _("Voir la liste")

    def is_shown(self, user):
        permissions = (self.permission,) if isinstance(self.permission, str) else self.permission
        return any(user.has_perm(permission) for permission in permissions)

    def queryset(self):
        raise NotImplementedError

    def row(self, record):
        raise NotImplementedError

    def rows(self, records):
        """What is shown of the first records: `row()` of each (override to prepare them in bulk)."""
        return [self.row(record) for record in records]

    def list_url(self):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        queryset = self.queryset()
        records = list(queryset[: self.rows_shown])
        list_url = self.list_url()
        return {
            "panel": self, "rows": self.rows(records), "list_url": list_url,
            "total": queryset.count() if list_url else None,
        }


def filtered_url(viewname, **filters):
    """The admin list `viewname` with these filters: a tuple gives the parameter once per value
    (`status=failed&status=uncertain`, for a multiple-choice filter)."""
    return reverse(viewname) + "?" + urlencode(filters, doseq=True)


def panels_adder(*panel_classes):
    """The construct_homepage_panels hook of an app: its panels this person may act on."""

    def add_panels(request, panels):
        for panel_class in panel_classes:
            panel = panel_class()
            if panel.is_shown(request.user):
                panels.append(panel)

    return add_panels


def ago(moment, now=None):
    """"il y a 3 jours", or "à l’instant" under a minute (never "il y a 0 minute")."""
    now = now or timezone.now()
    if now - moment < datetime.timedelta(minutes=1):
        return str(_("à l’instant"))
    return str(_("il y a %(age)s") % {"age": timesince(moment, now, depth=1)})
