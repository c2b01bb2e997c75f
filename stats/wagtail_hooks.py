"""Registration only: the "Statistiques" page (stats/views.py) and its menu item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [path("statistiques/", views.statistics_view, name="statistics")]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(_("Statistiques"), reverse("statistics"), icon_name="table", order=900)
