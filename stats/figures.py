"""The team's figures, per month over a chosen period, read across the apps (missions, trainings,
manifesto). Each figure is one aggregation in the database grouped by month (TruncMonth in Paris
time), so the page runs a constant number of queries whatever the number of rows (13 or 14);
on SQLite, which has no median, the median time to a first answer reads one delay per answered
application of the period, still in one query.
"""

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.apps import apps
from django.db import connection
from django.db.models import Aggregate, Avg, Count, DurationField, ExpressionWrapper, F, FloatField, Q, Sum, Value
from django.db.models.functions import Extract, Greatest, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from courses.enums import MARKED, RegistrationStatus
from courses.models import seats_taken
from missions.enums import MissionRequestStatus, MissionStatus, Outcome

DECIMAL_MARK = ","  # French: 2,5 jours, on the page, its charts and its CSV (French Excel reads it so)


def french_number(value):
    """A figure as the page and its CSV show it: integers as they are, decimals with a comma and
    without trailing zeros ("2,5", "75", "4,25"), never "-0"; None stays None (no value)."""
    if value is None or isinstance(value, int):
        return value
    text = f"{value:.2f}".rstrip("0").rstrip(".")  # figures are rounded to 2 decimals at most
    return "0" if text == "-0" else text.replace(".", DECIMAL_MARK)


def first_of_month(day):
    return date(day.year, day.month, 1)


def next_month(month):
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def months_between(start, end):
    """The first days of the months from `start` to `end`, both included."""
    months, month = [], first_of_month(start)
    while month <= end:
        months.append(month)
        month = next_month(month)
    return months


def _aware(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def _month_key(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return date(value.year, value.month, 1)


@dataclass
class Series:
    key: str
    label: str
    values: dict = field(default_factory=dict)  # month -> number (missing: 0 for counts, None otherwise)
    kind: str = "count"  # count | rate (%) | days | average (/5)
    total: float | None = None

    def value(self, month):
        value = self.values.get(month)
        if value is None and self.kind == "count":
            return 0
        return value

    def column(self, months):
        return [self.value(month) for month in months]

    def total_text(self):
        return french_number(self.total)


@dataclass
class Chart:
    title: str
    series: list
    kind: str = "count"


@dataclass
class Report:
    start: date
    end: date
    months: list
    sections: list  # [(title, [Chart, ...])]

    def all_series(self):
        return [series for _title, charts in self.sections for chart in charts for series in chart.series]

    def month_labels(self):
        return [date_format(month, "F Y") for month in self.months]


def _counts(queryset, date_field, start, end, **annotations):
    """{month: {name: value}} for rows whose `date_field` is in [start, end)."""
    rows = (
        queryset.filter(**{f"{date_field}__gte": start, f"{date_field}__lt": end})
        .annotate(month=TruncMonth(date_field)).values("month").annotate(**annotations).order_by()
    )
    by_month = {}
    for row in rows:
        by_month.setdefault(_month_key(row.pop("month")), {}).update(row)
    return by_month


def _series(key, label, by_month, name=None, kind="count"):
    name = name or key
    values = {month: row.get(name) for month, row in by_month.items()}
    return Series(key, label, values, kind)


def _rate(numerators, denominators):
    return {
        month: round(100 * numerators.get(month, 0) / denominator, 1)
        for month, denominator in denominators.items() if denominator
    }


def compute(start, end, today=None):
    """The figures of the months from `start` to `end` (dates; whole months)."""
    today = today or timezone.localdate()
    months = months_between(start, end)
    since, until = _aware(months[0]), _aware(next_month(months[-1]))
    model = apps.get_model

    requests = _counts(model("missions", "MissionRequest").objects, "created_at", since, until,
                       received=Count("pk"), converted=Count("pk", filter=Q(status=MissionRequestStatus.CONVERTED)))
    Mission = model("missions", "Mission")
    published = _counts(Mission.objects, "first_published_at", since, until, n=Count("pk"))
    filled = _counts(Mission.objects, "filled_at", since, until, n=Count("pk"))
    expired = _counts(
        Mission.objects.filter(status=MissionStatus.OPEN, apply_before__lt=today), "apply_before",
        months[0], next_month(months[-1]), n=Count("pk"),
    )
    Application = model("missions", "Application")
    applications = _counts(Application.objects, "created_at", since, until, n=Count("pk"))
    introductions = _counts(Application.objects.exclude(matched_at=None), "matched_at", since, until, n=Count("pk"))
    outcomes = _counts(Application.objects.exclude(outcome=""), "outcome_at", since, until, **{
        outcome.value: Count("pk", filter=Q(outcome=outcome)) for outcome in Outcome
    })
    feedback = _counts(model("missions", "Feedback").objects.exclude(answered_at=None), "answered_at", since, until,
                       average=Avg("rating"), answers=Count("pk"))
    median_days, all_delays = _answer_delays(Application, since, until)

    Session = model("courses", "TrainingSessionPage")
    sessions = _counts(Session.objects.live().filter(cancelled=False), "start", since, until,
                       sessions=Count("pk"), seats=Sum("capacity"))
    registrations = _counts(
        model("courses", "Registration").objects.filter(session__live=True, session__cancelled=False),
        "session__start", since, until,
        registrations=Count("pk"),
        seated=seats_taken(),  # courses' one count of seats taken
        attended=Count("pk", filter=Q(status=RegistrationStatus.ATTENDED)),
        marked=Count("pk", filter=Q(status__in=MARKED)),
    )
    promotions = _counts(model("courses", "Registration").objects.exclude(promoted_at=None), "promoted_at",
                         since, until, n=Count("pk"))
    signatures = _counts(model("home", "Signature").objects.exclude(confirmed_at=None), "confirmed_at",
                         since, until, n=Count("pk"))

    seats_offered = {month: row.get("seats") or 0 for month, row in sessions.items()}
    seated = {month: row.get("seated") or 0 for month, row in registrations.items()}
    attended = {month: row.get("attended") or 0 for month, row in registrations.items()}
    marked = {month: row.get("marked") or 0 for month, row in registrations.items()}

    missions_charts = [
        Chart(_("Demandes des associations"), [
            _series("requests_received", _("demandes reçues"), requests, "received"),
            _series("requests_converted", _("demandes transformées en mission"), requests, "converted"),
        ]),
        Chart(_("Missions"), [
            _series("missions_published", _("missions publiées"), published, "n"),
            _series("missions_filled", _("missions pourvues"), filled, "n"),
            _series("missions_expired", _("missions expirées sans être pourvues"), expired, "n"),
        ]),
        Chart(_("Candidatures et mises en relation"), [
            _series("applications", _("candidatures"), applications, "n"),
            _series("introductions", _("mises en relation"), introductions, "n"),
        ]),
        Chart(_("Délai médian avant la première réponse"), [
            Series("median_answer_days", _("délai médian (jours)"), median_days, "days", all_delays),
        ], kind="days"),
        Chart(_("Issues des missions"), [
            _series(f"outcome_{outcome.value}", str(outcome.label).lower(), outcomes, outcome.value)
            for outcome in Outcome
        ]),
        Chart(_("Avis des bénévoles et des associations"), [
            Series("feedback_average", _("note moyenne (sur 5)"),
                   {month: round(row["average"], 2) for month, row in feedback.items() if row.get("average")},
                   "average", _weighted_average(feedback)),
        ], kind="average"),
    ]
    trainings_charts = [
        Chart(_("Sessions et places"), [
            _series("sessions", _("sessions"), sessions, "sessions"),
            Series("seats_offered", _("places offertes"), seats_offered),
            _series("registrations", _("inscriptions"), registrations, "registrations"),
            _series("waitlist_promotions", _("sorties de liste d’attente"), promotions, "n"),
        ]),
        Chart(_("Taux de remplissage et de présence"), [
            Series("fill_rate", _("taux de remplissage (%)"), _rate(seated, seats_offered), "rate",
                   _total_rate(seated, seats_offered)),
            Series("attendance_rate", _("taux de présence (%)"), _rate(attended, marked), "rate",
                   _total_rate(attended, marked)),
        ], kind="rate"),
    ]
    manifesto_charts = [
        Chart(_("Signatures du manifeste"), [_series("signatures", _("signatures confirmées"), signatures, "n")]),
    ]
    report = Report(start=months[0], end=months[-1], months=months, sections=[
        (_("Missions"), missions_charts), (_("Formations"), trainings_charts), (_("Manifeste"), manifesto_charts),
    ])
    for series in report.all_series():
        if series.kind == "count":
            series.total = sum(series.column(months))
    return report


class Median(Aggregate):
    """PostgreSQL's median (percentile_cont), an ordered-set aggregate."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _answer_delays(Application, since, until):
    """({month: median days to the first answer}, median of the whole period), by month of
    application. PostgreSQL computes the medians (two aggregate queries); elsewhere (SQLite, no
    median) one query reads the delays in seconds and Python takes the medians.

    A delay is never negative: an answer dated before its application (clocks, data typed or
    imported by hand, an answer recorded in the same instant) counts as an immediate answer, 0 days.
    It is clamped rather than ignored, so that every answered application counts in the median."""
    answered = Application.objects.filter(created_at__gte=since, created_at__lt=until, first_answered_at__isnull=False)
    if connection.vendor == "postgresql":
        seconds = Greatest(Extract(F("first_answered_at") - F("created_at"), "epoch"), Value(0.0),
                           output_field=FloatField())
        rows = answered.annotate(month=TruncMonth("created_at")).values("month").annotate(
            median=Median(seconds)).order_by()
        by_month = {_month_key(row["month"]): round(row["median"] / 86400, 1) for row in rows}
        total = answered.aggregate(median=Median(seconds))["median"]
        return by_month, round(total / 86400, 1) if total is not None else None
    delays = {}
    delay = ExpressionWrapper(F("first_answered_at") - F("created_at"), output_field=DurationField())
    for month, duration in answered.annotate(month=TruncMonth("created_at"), delay=delay).values_list(
        "month", "delay"
    ):
        delays.setdefault(_month_key(month), []).append(max(duration.total_seconds(), 0) / 86400)
    every = [value for values in delays.values() for value in values]
    return ({month: round(statistics.median(values), 1) for month, values in delays.items()},
            round(statistics.median(every), 1) if every else None)


def _total_rate(numerators, denominators):
    denominator = sum(denominators.values())
    return round(100 * sum(numerators.values()) / denominator, 1) if denominator else None


def _weighted_average(feedback):
    answers = sum(row.get("answers") or 0 for row in feedback.values())
    if not answers:
        return None
    return round(sum((row.get("average") or 0) * (row.get("answers") or 0) for row in feedback.values()) / answers, 2)
