"""Listing columns shared by the project's admin viewsets.

`YesNoColumn` replaces Wagtail's `BooleanColumn` everywhere: the same tick/cross icons, but the
text read by screen readers (and shown as a tooltip) is "Oui"/"Non", not Python's "True"/"False".
"""

from wagtail.admin.ui.tables import BooleanColumn


class YesNoColumn(BooleanColumn):
    """A True/False/None value as a tick, a cross or a question mark, read "Oui", "Non", "Inconnu"."""

    cell_template_name = "admin/tables/yes_no_cell.html"
