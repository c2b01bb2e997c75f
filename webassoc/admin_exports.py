"""CSV/XLSX exports that read well in a French spreadsheet: local times, Oui/Non."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
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


class FrenchExportMixin:
    """For a Wagtail IndexView: Europe/Paris times without microseconds, booleans as Oui/Non.
    List choice fields as `get_<field>_display` in `list_export` to export their labels."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,  # lists, dates: Wagtail's handling
        bool: {"csv": yes_no, "xlsx": yes_no},
        datetime.datetime: {"csv": local_datetime_text, "xlsx": local_naive_datetime},
    }
