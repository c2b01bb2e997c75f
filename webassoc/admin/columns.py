"""Listing columns shared by the project's admin viewsets.

`YesNoColumn` replaces Wagtail's `BooleanColumn` everywhere: the same tick/cross icons, but the
text read by screen readers (and shown as a tooltip) is "Oui"/"Non", not Python's "True"/"False".

`RecordTitleColumn` is the first column of a list whose first value is not a field of the model
(a case's mission, read through its application): Wagtail links each row and shows its "⋯" menu
only when the first column is given as a field name, so a first `Column(...)` left the rows
without a link. It links each row as Wagtail does (the edit view, else the inspect view, as the
user's permissions allow) and carries the row's buttons; the index view mixes in
`RecordTitleColumnMixin`, which gives the column its view (a cell is rendered without it).

`FrenchDateTimeColumn` shows a date and time as the rest of the site writes it, "26 novembre 2026
à 15 h 45" (`webassoc.typography.french_datetime`, local time), not Django's "26 novembre 2026
15:45"; an index view mixing in `FrenchDateTimeColumnsMixin` uses it for every date-time field
named in its `list_display`.
"""

import copy

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import BooleanColumn, ButtonsColumnMixin, Column, TitleColumn

from webassoc.typography import french_datetime


class YesNoColumn(BooleanColumn):
    """A True/False/None value as a tick, a cross or a question mark, read "Oui", "Non", "Inconnu"."""

    cell_template_name = "admin/tables/yes_no_cell.html"


class RecordTitleColumn(ButtonsColumnMixin, TitleColumn):
    """The first column of a list, linked to the row's record (edit, else inspect) with its buttons."""

    view = None  # the index view showing it: set on a copy by RecordTitleColumnMixin

    def bound_to(self, view):
        column = copy.copy(self)  # the viewset's column is shared by every request
        column.view = view
        return column

    def get_link_url(self, instance, parent_context):
        return self.view.get_edit_url(instance) or self.view.get_inspect_url(instance)

    def get_buttons(self, instance, parent_context):
        return self.view.get_list_buttons(instance)


class RecordTitleColumnMixin:
    """For an index view whose list_display has a RecordTitleColumn."""

    @cached_property
    def columns(self):
        return [column.bound_to(self) if isinstance(column, RecordTitleColumn) else column
                for column in super().columns]


class FrenchDateTimeColumn(Column):
    """A date and time read "26 novembre 2026 à 15 h 45" (local time); empty stays empty."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return french_datetime(value) if value else ""


class FrenchDateTimeColumnsMixin:
    """For an index view: the date-time fields named in `list_display` get a FrenchDateTimeColumn
    (label and sorting as Wagtail gives them)."""

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        if column_class is Column and "__" not in field_name:
            try:
                field = self.model._meta.get_field(field_name)
            except FieldDoesNotExist:  # a method or a property, not a field
                field = None
            if isinstance(field, models.DateTimeField):
                column_class = FrenchDateTimeColumn
        return super()._get_custom_column(field_name, column_class, **kwargs)
