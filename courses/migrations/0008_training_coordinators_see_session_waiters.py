from django.db import migrations

from home import roles


def grant(apps, schema_editor):
    """Training coordinators read who waits for a session of a course ("Attentes de sessions", the
    dashboard panel "Formations attendues"): the signal to plan one. Reading only: the list is the
    public's subscriptions."""
    roles.grant_model_permissions(apps, roles.TRAINING_COORDINATORS, "alerts", ["view_sessionwaiter"])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_french_typography_in_labels"),
        ("alerts", "0002_french_typography_in_labels"),
        ("home", "0003_editor_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
