"""The admin reads in French: CSV/XLSX exports and inspect views with local times and Oui/Non.

CSV exports are also safe to open in a spreadsheet: a cell that starts like a formula (names typed
on the public site such as `=HYPERLINK(…)`) is written as text (OWASP's "CSV injection" advice).
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.mixins import SpreadsheetExportMixin


def local_datetime_text(value):
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y %H:%M")


def local_naive_datetime(value):
    """A real spreadsheet date in local time (spreadsheets have no time zones), to the minute."""
    value = timezone.make_naive(value) if timezone.is_aware(value) else value
    return value.replace(second=0, microsecond=0)


def yes_no(value):
    return str(_("Oui") if value else _("Non"))


def french_value(value):
    """A value as the team reads it: Oui/Non, a dash for nothing, dates and times in French, local time."""
    if value is None or value in ("", "-"):
        return "–"
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return _("%(date)s à %(time)s") % {"date": date_format(value, "j F Y"), "time": time_format(value, "H:i")}
    if isinstance(value, datetime.date):
        return date_format(value, "d/m/Y")
    return value


# A spreadsheet reads a cell starting with one of these as a formula (or as the start of one).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_csv_cell(value):
    """A text cell that a spreadsheet would run as a formula is prefixed with a single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def write_safe_csv_row(view, writer, row_dict):
    """SpreadsheetExportMixin.write_csv_row, each cell neutralised after its preprocessing."""
    return writer.writerow({
        field: neutralise_csv_cell(view.preprocess_field_value(field, value, view.FORMAT_CSV))
        for field, value in row_dict.items()
    })


class SafeCsvExportMixin:
    """For any view with Wagtail's SpreadsheetExportMixin: CSV cells never start a formula.
    (XLSX exports are safe already: Wagtail writes formula-like values as text.)"""

    def write_csv_row(self, writer, row_dict):
        return write_safe_csv_row(self, writer, row_dict)


def protect_every_csv_export():
    """Make Wagtail's own exports (users, pages, reports such as the site history, which names
    records typed on the public site) as safe as ours. Called once, from an AppConfig.ready()."""
    SpreadsheetExportMixin.write_csv_row = write_safe_csv_row


class FrenchExportMixin(SafeCsvExportMixin):
    """For a Wagtail IndexView: Europe/Paris times without microseconds, booleans as Oui/Non, CSV
    cells safe from formula injection. List choice fields as `get_<field>_display` in `list_export`
    to export their labels. Every admin viewset with `list_export` uses it (a test walks them)."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,  # lists, dates: Wagtail's handling
        bool: {"csv": yes_no, "xlsx": yes_no},
        datetime.datetime: {"csv": local_datetime_text, "xlsx": local_naive_datetime},
    }


class FrenchInspectView(InspectView):
    """Inspect pages of the personal-data records, readable by the team (not True/None/UTC)."""

    def get_field_display_value(self, field_name, field):
        return french_value(super().get_field_display_value(field_name, field))
