"""The "Statistiques" admin page (coordination groups only) and its CSV export."""

from datetime import date

from django import forms
from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from webassoc.admin.exports import csv_response

from .charts import chart_geometry, render_rows, render_svg
from .figures import compute, first_of_month, french_number

PERMISSION = "stats.view_statistics"
DEFAULT_MONTHS = 12
MAX_MONTHS = 120


def months_before(month, count):
    index = month.year * 12 + month.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


class PeriodForm(forms.Form):
    """The period, in whole months (`?du=2026-01&au=2026-12`); invalid values fall back to the
    last twelve months."""

    du = forms.DateField(label=gettext_lazy("Du mois"), required=False, input_formats=["%Y-%m"],
                         widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"))
    au = forms.DateField(label=gettext_lazy("au mois"), required=False, input_formats=["%Y-%m"],
                         widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"))

    def period(self, today):
        end = first_of_month(today)
        start = months_before(end, DEFAULT_MONTHS - 1)
        if self.is_valid():
            end = first_of_month(self.cleaned_data["au"] or end)
            start = first_of_month(self.cleaned_data["du"] or months_before(end, DEFAULT_MONTHS - 1))
        if start > end:
            start, end = end, start
        if (end.year - start.year) * 12 + end.month - start.month >= MAX_MONTHS:
            start = months_before(end, MAX_MONTHS - 1)
        return start, end


@permission_required(PERMISSION, raise_exception=True)
def statistics_view(request):
    today = timezone.localdate()
    form = PeriodForm(request.GET or None)
    start, end = form.period(today)
    report = compute(start, end, today=today)
    if request.GET.get("format") == "csv":
        return statistics_csv(report, request)
    labels = report.month_labels()
    sections = []
    for number, (title, charts) in enumerate(report.sections, start=1):
        items = []
        for position, chart in enumerate(charts, start=1):
            geometry = chart_geometry(chart, report.months, labels)
            columns = zip(*[series.column(report.months) for series in chart.series], strict=True)
            chart_id = f"chart-{number}-{position}"
            items.append({"chart": chart, "id": chart_id, "legend": geometry["legend"],
                          "svg": render_svg(geometry, chart_id),
                          "rows": render_rows(zip(labels, columns, strict=True))})
        sections.append((title, items))
    query = request.GET.copy()
    query["format"] = "csv"
    return render(request, "stats/statistics.html", {
        "form": PeriodForm(initial={"du": start, "au": end}), "report": report, "sections": sections,
        "csv_query": query.urlencode(),
    })


def statistics_csv(report, request=None):
    """One row per month, a column per figure, then the period's totals, with decimal commas: like
    the other exports (`webassoc.admin.exports.csv_response`), French Excel and LibreOffice open it
    as columns of numbers (`separateur=virgule` gives commas between cells)."""
    series = report.all_series()
    rows = [[f"{month:%Y-%m}"] + [_number(item.value(month)) for item in series] for month in report.months]
    rows.append([_("période")] + [_number(item.total) for item in series])
    return csv_response(f"statistiques-{report.start:%Y-%m}-{report.end:%Y-%m}.csv",
                        [_("mois")] + [str(item.label) for item in series], rows, request=request)


def _number(value):
    return "" if value is None else str(french_number(value))
