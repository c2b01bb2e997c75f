from django.db import migrations

from home import roles

MODEL_PERMISSIONS = {
    "association": ["add", "change", "delete", "view"],
    "mission": ["add", "change", "delete", "view", "publish", "lock", "unlock"],
    "application": ["change", "view"],
    "missionrequest": ["change", "delete", "view"],
}
# Created by Wagtail after `migrate` (post_migrate); this migration needs them now.
EXTRA_ACTIONS = {"publish": "Can publish", "lock": "Can lock", "unlock": "Can unlock"}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    roles.ensure_permissions_exist(apps)
    mission_type, _ = ContentType.objects.get_or_create(app_label="missions", model="mission")
    for action, label in EXTRA_ACTIONS.items():
        Permission.objects.get_or_create(
            content_type=mission_type, codename=f"{action}_mission", defaults={"name": f"{label} mission"}
        )
    codenames = [f"{action}_{model}" for model, actions in MODEL_PERMISSIONS.items() for action in actions]
    roles.grant_model_permissions(apps, roles.MISSION_COORDINATORS, "missions", codenames)
    # Coordinators also choose logos and may edit the skill vocabulary.
    roles.grant_model_permissions(apps, roles.MISSION_COORDINATORS, "missions", ["add_skill", "change_skill"])


class Migration(migrations.Migration):
    dependencies = [
        ("missions", "0003_missions_applications"),
        ("home", "0003_editor_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
