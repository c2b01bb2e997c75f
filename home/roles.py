"""Editor roles ("Éditeurs", "Coordination formations", "Coordination missions").

Used from data migrations (with historical models), so every function takes the
migration `apps` registry. Each app's own migration grants its models'
permissions to the roles that need them, through `grant_model_permissions`.
"""

from django.contrib.auth.management import create_permissions

EDITORS = "Éditeurs"
MODERATORS = "Modération"
TRAINING_COORDINATORS = "Coordination formations"
MISSION_COORDINATORS = "Coordination missions"

PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]
IMAGE_ACTIONS = ["add_image", "change_image", "choose_image", "delete_image"]
DOCUMENT_ACTIONS = ["add_document", "change_document", "choose_document", "delete_document"]


def ensure_permissions_exist(apps):
    """Permissions are normally created after `migrate`; data migrations need them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def get_permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_model_permissions(apps, group_name, app_label, codenames):
    Group = apps.get_model("auth", "Group")
    ensure_permissions_exist(apps)
    group, _ = Group.objects.get_or_create(name=group_name)
    for codename in codenames:
        group.permissions.add(get_permission(apps, app_label, codename))
    return group


def grant_page_permissions(apps, group_name, page, actions=PAGE_ACTIONS):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group, _ = Group.objects.get_or_create(name=group_name)
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=get_permission(apps, "wagtailcore", f"{action}_page")
        )


def grant_collection_permissions(apps, group_name, collection, app_label, codenames):
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group, _ = Group.objects.get_or_create(name=group_name)
    for codename in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=get_permission(apps, app_label, codename)
        )
