import pytest
from django.contrib.auth.models import Group

from home import roles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "group_name",
    [roles.EDITORS, roles.TRAINING_COORDINATORS, roles.MISSION_COORDINATORS],
)
def test_editor_roles_exist_and_can_open_the_admin(group_name):
    group = Group.objects.get(name=group_name)

    assert group.permissions.filter(codename="access_admin").exists()


def test_editors_can_publish_pages_and_edit_site_settings():
    group = Group.objects.get(name=roles.EDITORS)

    page_codenames = set(group.page_permissions.values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= page_codenames
    assert group.permissions.filter(codename="change_sitesettings").exists()


def test_wagtail_english_default_groups_are_renamed():
    names = set(Group.objects.values_list("name", flat=True))

    assert "Editors" not in names
    assert "Moderators" not in names
