from django.db import migrations

from home import roles


def grant(apps, schema_editor):
    """Mission coordinators see the e-mails sent ("E-mails envoyés", the dashboard panel of e-mails
    not delivered) and resend one, e.g. an introduction that bounced. Nobody edits nor deletes them."""
    roles.grant_model_permissions(apps, roles.MISSION_COORDINATORS, "outbox", ["view_email", "resend_email"])


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0006_french_typography_in_labels"),
        ("home", "0003_editor_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
