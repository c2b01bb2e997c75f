import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Contacts of missions and associations are personal data: purged once no longer in use
    (webassoc/privacy.py). An association's last change starts its retention period; existing
    associations count from this migration."""

    dependencies = [
        ("missions", "0006_shared_format_choices"),
    ]

    operations = [
        migrations.AddField(
            model_name="association",
            name="anonymised_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="anonymisée le"),
        ),
        migrations.AddField(
            model_name="association",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name="modifiée le"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="mission",
            name="anonymised_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="anonymisée le"),
        ),
    ]
