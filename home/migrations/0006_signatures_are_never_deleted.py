from django.db import migrations


def revoke(apps, schema_editor):
    # Signatures are hidden (moderation) or anonymised, never deleted: nobody needs this permission.
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(content_type__app_label="home", codename="delete_signature"):
        permission.group_set.clear()


class Migration(migrations.Migration):
    dependencies = [("home", "0005_signature_permissions")]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
