"""Wagtail's default moderation workflow and task get French names (buttons read them)."""

from django.db import migrations

NAMES = {"Moderators approval": "Validation par la modération"}


def rename(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for english, french in NAMES.items():
        Workflow.objects.filter(name=english).update(name=french)
        Task.objects.filter(name=english).update(name=french)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_signature_public_by_choice"),
        ("missions", "0005_mission_moderation_workflow"),
    ]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
