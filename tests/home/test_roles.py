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


@pytest.mark.django_db
def test_the_moderation_workflow_has_a_french_name_and_covers_missions():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Workflow, WorkflowContentType

    workflow = Workflow.objects.get(name="Validation par la modération")
    assert WorkflowContentType.objects.filter(
        workflow=workflow, content_type=ContentType.objects.get(app_label="missions", model="mission")
    ).exists()
