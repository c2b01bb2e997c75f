"""Registration only: the "Statistiques" page (stats/views.py) and its menu item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from webassoc.admin.menu import PermissionMenuItem

from . import views


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [path("statistiques/", views.statistics_view, name="statistics")]


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return PermissionMenuItem(_("Statistiques"), reverse("statistics"), permission=views.PERMISSION,
                              icon_name="table", order=900)
