"""The admin reads in French: CSV/XLSX exports and inspect views with local times and Oui/Non.

CSV exports open as columns in French Excel and LibreOffice: UTF-8 with a byte order mark (else
Excel reads the accents as Windows-1252), `;` between cells (French Excel's list separator; the
comma is the decimal mark), dates as 26/12/2026. `?export=csv&separateur=virgule` gives commas
for other tools. XLSX cells of dates and times are real dates with French formats.

CSV exports are also safe to open in a spreadsheet: a cell that starts like a formula (names typed
on the public site such as `=HYPERLINK(…)`) is written as text (OWASP's "CSV injection" advice).
"""

import csv
import datetime

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

from webassoc.typography import french_datetime

BYTE_ORDER_MARK = "\ufeff"
XLSX_DATE_FORMAT = "dd/mm/yyyy"
XLSX_DATETIME_FORMAT = "dd/mm/yyyy hh:mm"


class FrenchExcel(csv.excel):
    """The CSV dialect of French Excel (and LibreOffice's default for French): `;` between cells."""

    delimiter = ";"


csv.register_dialect("excel-fr", FrenchExcel)


def local_datetime_text(value):
    """A CSV cell of a date and time, "26/12/2026 14:30" in local time: the one form French Excel
    and LibreOffice read as a date and time, so the column sorts and filters like the XLSX one
    (`XLSX_DATETIME_FORMAT`). Not "26 décembre 2026 à 14 h 30", which a spreadsheet keeps as text;
    the French reading is for pages, inspect views and text cells (conventions, Exceptions)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y %H:%M")


def french_date_text(value):
    return value.strftime("%d/%m/%Y")


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
        return french_datetime(value)
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
    """For any view with Wagtail's SpreadsheetExportMixin: CSV cells never start a formula, the
    French Excel dialect with a byte order mark, French date formats in XLSX. (XLSX exports are
    safe already: Wagtail writes formula-like values as text.)"""

    def write_csv_row(self, writer, row_dict):
        return write_safe_csv_row(self, writer, row_dict)

    def stream_csv(self, queryset):
        return stream_french_csv(self, queryset)

    def write_csv_response(self, queryset):
        return write_french_csv_response(self, queryset)

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        return generate_french_xlsx_row(self, worksheet, row_dict, date_format)


def csv_dialect(view):
    """`;` (French Excel) unless the person asked for commas (`separateur=virgule`)."""
    return request_csv_dialect(getattr(view, "request", None))


def request_csv_dialect(request):
    """The dialect of a CSV answered to `request` (`csv_dialect` for views that are not Wagtail's).
    Only the separator changes: cells keep their French formats (dates, decimal commas)."""
    if request is not None and request.GET.get("separateur") == "virgule":
        return csv.excel
    return FrenchExcel


def csv_response(filename, header, rows, *, request=None):
    """A CSV file written by a view that is not a Wagtail export (personal data, statistics), the
    same as the exports: UTF-8 with a byte order mark, `;` between cells unless `request` asks for
    commas (`separateur=virgule`), no cell starting a formula, downloaded as `filename`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BYTE_ORDER_MARK)
    writer = csv.writer(response, dialect=request_csv_dialect(request))
    writer.writerow([neutralise_csv_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralise_csv_cell(cell) for cell in row])
    return response


def stream_french_csv(view, queryset):
    """SpreadsheetExportMixin.stream_csv in the French Excel dialect, starting with a byte order mark."""
    writer = csv.DictWriter(Echo(), fieldnames=view.list_export, dialect=csv_dialect(view))
    yield BYTE_ORDER_MARK.encode() + writer.writerow({field: view.get_heading(queryset, field) for field in view.list_export})
    for item in queryset:
        yield view.write_csv_row(writer, view.to_row_dict(item))


def write_french_csv_response(view, queryset):
    response = StreamingHttpResponse(stream_french_csv(view, queryset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{view.get_filename()}.csv"'
    return response


def generate_french_xlsx_row(view, worksheet, row_dict, date_format=None):
    """Wagtail's cells, with French formats on dates and times (real dates, not text)."""
    for value, cell in zip(row_dict.values(), ORIGINAL_GENERATE_XLSX_ROW(view, worksheet, row_dict),
                                    strict=True):
        if isinstance(value, datetime.datetime):
            cell.number_format = XLSX_DATETIME_FORMAT
        elif isinstance(value, datetime.date):
            cell.number_format = XLSX_DATE_FORMAT
        yield cell


ORIGINAL_GENERATE_XLSX_ROW = SpreadsheetExportMixin.generate_xlsx_row


def protect_every_csv_export():
    """Make Wagtail's own exports (users, pages, reports such as the site history, which names
    records typed on the public site) as safe and as French as ours: formulas neutralised, the
    French Excel dialect with a byte order mark, French date formats in XLSX. Called once, from an
    AppConfig.ready()."""
    SpreadsheetExportMixin.write_csv_row = write_safe_csv_row
    SpreadsheetExportMixin.stream_csv = stream_french_csv
    SpreadsheetExportMixin.write_csv_response = write_french_csv_response
    SpreadsheetExportMixin.generate_xlsx_row = generate_french_xlsx_row


class FrenchExportMixin(SafeCsvExportMixin):
    """For a Wagtail IndexView: Europe/Paris times without microseconds, booleans as Oui/Non, CSV
    cells safe from formula injection. List choice fields as `get_<field>_display` in `list_export`
    to export their labels. Every admin viewset with `list_export` uses it (a test walks them)."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,  # lists, dates: Wagtail's handling
        bool: {"csv": yes_no, "xlsx": yes_no},
        datetime.datetime: {"csv": local_datetime_text, "xlsx": local_naive_datetime},
        datetime.date: {"csv": french_date_text, "xlsx": None},  # after datetime (a subclass)
    }


class FrenchInspectView(InspectView):
    """Inspect pages of the personal-data records, readable by the team (not True/None/UTC)."""

    def get_field_display_value(self, field_name, field):
        return french_value(super().get_field_display_value(field_name, field))
