"""Server-rendered SVG bar charts (no script): the geometry of grouped bars, one group per month.
Every chart has a data table beside it (the template), which is what assistive technologies read."""

from dataclasses import dataclass

from .figures import french_number

WIDTH, HEIGHT, MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT = 720, 220, 12, 28, 44
# Distinct, colour-blind-friendly fills (Okabe-Ito), each also named in the legend.
COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"]


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str


def nice_maximum(value):
    """A round top for the axis (1, 2, 5 × 10^n) at or above `value`."""
    if not value or value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def chart_geometry(chart, months, month_labels):
    """Bars, axis ticks and legend of a Chart over `months`."""
    columns = [series.column(months) for series in chart.series]
    top = 100 if chart.kind == "rate" else 5 if chart.kind == "average" else nice_maximum(
        max((value or 0 for column in columns for value in column), default=0)
    )
    plot_width = WIDTH - MARGIN_LEFT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    group = plot_width / max(len(months), 1)
    bar_width = max(group * 0.8 / max(len(columns), 1), 1)
    bars = []
    for index, column in enumerate(columns):
        colour = COLOURS[index % len(COLOURS)]
        for position, value in enumerate(column):
            if not value:
                continue
            height = plot_height * min(value, top) / top
            bars.append(Bar(
                x=round(MARGIN_LEFT + position * group + group * 0.1 + index * bar_width, 1),
                y=round(MARGIN_TOP + plot_height - height, 1), width=round(bar_width, 1), height=round(height, 1),
                colour=colour, label=f"{month_labels[position]}\u00a0: {french_number(value)}",
            ))
    ticks = [{"y": round(MARGIN_TOP + plot_height * (1 - share), 1), "label": _tick(top * share)}
             for share in tick_shares(chart.kind, top)]
    every = max(1, len(months) // 12)
    x_labels = [{"x": round(MARGIN_LEFT + position * group + group / 2, 1), "label": month.strftime("%m/%y")}
                for position, month in enumerate(months) if position % every == 0]
    legend = [{"colour": COLOURS[index % len(COLOURS)], "label": series.label}
              for index, series in enumerate(chart.series)]
    return {"bars": bars, "ticks": ticks, "x_labels": x_labels, "legend": legend, "width": WIDTH, "height": HEIGHT,
            "axis_y": HEIGHT - MARGIN_BOTTOM, "left": MARGIN_LEFT, "label_y": HEIGHT - 8}


def tick_shares(kind, top):
    """Where the axis is marked, as shares of its top: the bottom, the middle and the top, except
    that a count is never marked between two whole numbers (no "0,5" nor "2,5" person: the middle
    mark is left out when the top is odd). Rates, delays and averages may be fractional."""
    if kind == "count" and top % 2:
        return (0, 1)
    return (0, 0.5, 1)


def _tick(value):
    return french_number(float(value))


def render_svg(geometry, labelled_by):
    """The chart as inline SVG markup (built in Python: a template loop over a thousand bars
    costs more than the figures themselves)."""
    from django.utils.html import format_html, format_html_join

    grid = format_html_join("", (
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ccc" />'
        '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle" font-size="11" fill="currentColor">{}</text>'
    ), ((geometry["left"], geometry["width"], tick["y"], tick["y"], geometry["left"] - 6, tick["y"], tick["label"])
        for tick in geometry["ticks"]))
    bars = format_html_join("", '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>', (
        (bar.x, bar.y, bar.width, bar.height, bar.colour, bar.label) for bar in geometry["bars"]))
    labels = format_html_join("", (
        '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="currentColor">{}</text>'
    ), ((label["x"], geometry["label_y"], label["label"]) for label in geometry["x_labels"]))
    return format_html(
        '<svg role="img" aria-labelledby="{}" viewBox="0 0 {} {}" width="{}" height="{}" focusable="false">'
        '{}{}<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="currentColor" />{}</svg>',
        labelled_by, geometry["width"], geometry["height"], geometry["width"], geometry["height"], grid, bars,
        geometry["left"], geometry["width"], geometry["axis_y"], geometry["axis_y"], labels,
    )


def render_rows(rows):
    """The data table's body rows: a month, then one cell per series ("–" when there is no value)."""
    from django.utils.html import format_html, format_html_join

    return format_html_join("", "<tr>{}</tr>", (
        (format_html('<th scope="row">{}</th>{}', label, format_html_join(
            "", "<td>{}</td>", (("–" if value is None else french_number(value),) for value in values))),)
        for label, values in rows
    ))
