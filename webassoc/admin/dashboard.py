"""Panels of the admin home ("Tableau de bord"): what the team checks every morning.

A panel listing records subclasses `DashboardPanel`: it shows a few rows (oldest or most urgent
first), how many there are in all, and links to the admin list filtered on exactly the records it
counts (`list_url()`, built with `filtered_url()` from the app's enums). Two queries per panel
whatever the numbers (tests pin the count). Each app keeps its panels in `<app>/admin_panels.py`
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
    the list of exactly those records. Shown to the people with `permission`."""

    template_name = "admin/dashboard_panel.html"
    name = ""
    heading = ""
    empty = ""
    permission = ""
    rows_shown = ROWS
    link_label = _("Voir la liste")

    def is_shown(self, user):
        return user.has_perm(self.permission)

    def queryset(self):
        raise NotImplementedError

    def row(self, record):
        raise NotImplementedError

    def list_url(self):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        queryset = self.queryset()
        records = list(queryset[: self.rows_shown])
        total = queryset.count()
        return {
            "panel": self, "rows": [self.row(record) for record in records], "total": total,
            "list_url": self.list_url(),
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
