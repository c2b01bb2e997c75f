"""The project's plain admin screens ("Comptes bloqués", "Données personnelles", "Statistiques")
are in the menu of the people with their permission only, and refuse the others, whatever the
method (Wagtail turns the refusal into a redirect to the admin home with a message)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SCREENS = [
    pytest.param("blocked_accounts", "auth.change_user", id="comptes-bloques"),
    pytest.param("personal_data", "home.manage_personal_data", id="donnees-personnelles"),
    pytest.param("statistics", "stats.view_statistics", id="statistiques"),
]


def team_member(*permissions):
    """Someone who may open the admin, with these permissions ("app_label.codename")."""
    user = UserFactory()
    for permission in ("wagtailadmin.access_admin", *permissions):
        app_label, codename = permission.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


@pytest.mark.parametrize(("url_name", "permission"), SCREENS)
def test_the_screen_is_in_the_menu_and_opens_with_its_permission(client, url_name, permission):
    client.force_login(team_member(permission))

    assert reverse(url_name) in client.get("/admin/").content.decode()
    assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.parametrize(("url_name", "permission"), SCREENS)
def test_without_its_permission_the_screen_is_neither_shown_nor_opened(client, url_name, permission):
    client.force_login(team_member())

    assert reverse(url_name) not in client.get("/admin/").content.decode()
    for response in (client.get(reverse(url_name)), client.post(reverse(url_name), {})):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
