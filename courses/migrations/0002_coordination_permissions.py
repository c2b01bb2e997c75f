from django.db import migrations

from home import roles


def grant(apps, schema_editor):
    # Training coordinators follow registrations: list, export, change statuses.
    roles.grant_model_permissions(
        apps, roles.TRAINING_COORDINATORS, "courses", ["view_registration", "change_registration"]
    )
    roles.grant_model_permissions(apps, roles.EDITORS, "courses", ["view_registration"])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_catalogue_and_registrations"),
        ("home", "0003_editor_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
