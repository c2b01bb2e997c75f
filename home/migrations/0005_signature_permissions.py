from django.db import migrations

from home import roles


def grant(apps, schema_editor):
    # Editors and moderators moderate signatures (hide, fix a typo, export); nobody adds them by hand.
    roles.grant_model_permissions(
        apps, roles.EDITORS, "home", ["view_signature", "change_signature", "delete_signature"]
    )
    roles.grant_model_permissions(apps, roles.MODERATORS, "home", ["view_signature", "change_signature"])


class Migration(migrations.Migration):
    dependencies = [("home", "0004_manifesto_and_news")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
