from django.db import migrations, models

from home import roles


def grant(apps, schema_editor):
    for group in (roles.MISSION_COORDINATORS, roles.TRAINING_COORDINATORS):
        roles.grant_model_permissions(apps, group, "stats", ["view_statistics"])


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0003_editor_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Statistics",
            fields=[("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"))],
            options={
                "verbose_name": "statistiques",
                "verbose_name_plural": "statistiques",
                "permissions": [("view_statistics", "Peut voir les statistiques")],
                "managed": False,
                "default_permissions": (),
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
