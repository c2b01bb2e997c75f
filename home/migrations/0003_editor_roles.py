from django.db import migrations

from home import roles


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")

    # Wagtail ships "Editors" and "Moderators": give them the site's French names
    # rather than keeping two sets of look-alike groups.
    Group.objects.filter(name="Editors").exclude(name=roles.EDITORS).update(name=roles.EDITORS)
    Group.objects.filter(name="Moderators").update(name=roles.MODERATORS)

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for group_name in [roles.EDITORS, roles.MODERATORS, roles.TRAINING_COORDINATORS, roles.MISSION_COORDINATORS]:
        roles.grant_model_permissions(apps, group_name, "wagtailadmin", ["access_admin"])
        roles.grant_collection_permissions(
            apps, group_name, root_collection, "wagtailimages", ["choose_image", "add_image"]
        )

    # Editors publish the manifesto, news and every other page, and edit site settings.
    roles.grant_page_permissions(apps, roles.EDITORS, root_page)
    roles.grant_collection_permissions(
        apps, roles.EDITORS, root_collection, "wagtailimages", roles.IMAGE_ACTIONS
    )
    roles.grant_collection_permissions(
        apps, roles.EDITORS, root_collection, "wagtaildocs", roles.DOCUMENT_ACTIONS
    )
    roles.grant_model_permissions(apps, roles.EDITORS, "home", ["change_sitesettings"])
    roles.grant_model_permissions(
        apps, roles.EDITORS, "wagtailredirects",
        ["add_redirect", "change_redirect", "delete_redirect"],
    )
    # Training coordinators create course and session pages.
    roles.grant_page_permissions(apps, roles.TRAINING_COORDINATORS, root_page, ["add", "change", "publish"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
