"""Listing columns shared by the project's admin viewsets.

`YesNoColumn` replaces Wagtail's `BooleanColumn` everywhere: the same tick/cross icons, but the
text read by screen readers (and shown as a tooltip) is "Oui"/"Non", not Python's "True"/"False".

`RecordTitleColumn` is the first column of a list whose first value is not a field of the model
(a case's mission, read through its application): Wagtail links each row and shows its "⋯" menu
only when the first column is given as a field name, so a first `Column(...)` left the rows
without a link. It links each row as Wagtail does (the edit view, else the inspect view, as the
user's permissions allow) and carries the row's buttons; the index view mixes in
`RecordTitleColumnMixin`, which gives the column its view (a cell is rendered without it).
"""

import copy

from django.utils.functional import cached_property
from wagtail.admin.ui.tables import BooleanColumn, ButtonsColumnMixin, TitleColumn


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
