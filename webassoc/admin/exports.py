"""The admin reads in French: CSV/XLSX exports and inspect views with local times and Oui/Non."""

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


class FrenchExportMixin:
    """For a Wagtail IndexView: Europe/Paris times without microseconds, booleans as Oui/Non.
    List choice fields as `get_<field>_display` in `list_export` to export their labels."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,  # lists, dates: Wagtail's handling
        bool: {"csv": yes_no, "xlsx": yes_no},
        datetime.datetime: {"csv": local_datetime_text, "xlsx": local_naive_datetime},
    }


class FrenchInspectView(InspectView):
    """Inspect pages of the personal-data records, readable by the team (not True/None/UTC)."""

    def get_field_display_value(self, field_name, field):
        return french_value(super().get_field_display_value(field_name, field))
