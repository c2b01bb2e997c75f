"""Filters shared by the missions app's admin lists."""

import django_filters
from django.utils.translation import gettext_lazy as _

MINE = "oui"


class MyMissionsFilter(django_filters.ChoiceFilter):
    """"Mes missions": the records of the missions the current user coordinates (`?mes_missions=oui`)."""

    def __init__(self, *args, mission_path="mission__", **kwargs):
        self.mission_path = mission_path
        super().__init__(*args, label=_("Mes missions"), choices=[(MINE, _("Seulement mes missions"))],
                         empty_label=_("Toutes les missions"), **kwargs)

    def filter(self, queryset, value):
        request = getattr(self.parent, "request", None)
        if value != MINE or request is None:
            return queryset
        return queryset.filter(**{f"{self.mission_path}coordinator": request.user})
