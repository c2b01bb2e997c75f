"""Server-rendered SVG bar charts (no script): the geometry of grouped bars, one group per month.
Every chart has a data table beside it (the template), which is what assistive technologies read."""

from dataclasses import dataclass

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
                colour=colour, label=f"{month_labels[position]} : {value}",
            ))
    ticks = [{"y": round(MARGIN_TOP + plot_height * (1 - share), 1), "label": _tick(top * share)}
             for share in (0, 0.5, 1)]
    every = max(1, len(months) // 12)
    x_labels = [{"x": round(MARGIN_LEFT + position * group + group / 2, 1), "label": month.strftime("%m/%y")}
                for position, month in enumerate(months) if position % every == 0]
    legend = [{"colour": COLOURS[index % len(COLOURS)], "label": series.label}
              for index, series in enumerate(chart.series)]
    return {"bars": bars, "ticks": ticks, "x_labels": x_labels, "legend": legend, "width": WIDTH, "height": HEIGHT,
            "axis_y": HEIGHT - MARGIN_BOTTOM, "left": MARGIN_LEFT, "label_y": HEIGHT - 8}


def _tick(value):
    return f"{value:g}"
