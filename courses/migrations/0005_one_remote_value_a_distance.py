"""One "online" value across the site: `en_ligne` becomes `a_distance` (webassoc.enums.Format.REMOTE).

Rewrites the live rows and the pages' revisions (so publishing an old revision does not bring
the old value back), and the sessions' calendar fingerprint (the mode is part of it: an
unchanged schedule must not raise the iCal SEQUENCE at the next publication).
"""

import hashlib

from django.db import migrations, models

OLD, NEW = "en_ligne", "a_distance"
FIELDS = {"trainingpage": "format", "trainingsessionpage": "mode"}


def session_fingerprint(session, mode):
    """As TrainingSessionPage.schedule_fingerprint() computed it when this migration was written."""
    parts = [session.title, session.start.isoformat(), session.end.isoformat(), mode, session.venue,
             session.address, str(session.cancelled)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def rename(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    Session = apps.get_model("courses", "TrainingSessionPage")
    for session in Session.objects.filter(mode=old):
        if session.ical_fingerprint == session_fingerprint(session, old):
            Session.objects.filter(pk=session.pk).update(ical_fingerprint=session_fingerprint(session, new))
    for model_name, field in FIELDS.items():
        apps.get_model("courses", model_name).objects.filter(**{field: old}).update(**{field: new})
        content_type = ContentType.objects.filter(app_label="courses", model=model_name).first()
        if content_type is None:  # a fresh database: no page, no revision yet
            continue
        for revision in Revision.objects.filter(content_type=content_type, **{f"content__{field}": old}):
            revision.content[field] = new
            revision.save(update_fields=["content"])


def forwards(apps, schema_editor):
    rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    rename(apps, NEW, OLD)


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("courses", "0004_french_e_mail_wording"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="trainingpage",
            name="format",
            field=models.CharField(choices=[("sur_place", "Sur place"), ("a_distance", "À distance"), ("hybride", "Hybride")], default="a_distance", max_length=20, verbose_name="format"),
        ),
        migrations.AlterField(
            model_name="trainingsessionpage",
            name="mode",
            field=models.CharField(choices=[("sur_place", "Sur place"), ("a_distance", "En ligne")], default="a_distance", max_length=20, verbose_name="modalité"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
