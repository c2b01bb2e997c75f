from django.db import migrations

from missions.models.skills import INITIAL_SKILLS


def seed_skills(apps, schema_editor):
    Skill = apps.get_model("missions", "Skill")
    for name, slug in INITIAL_SKILLS:
        Skill.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("missions", "0001_skills")]

    operations = [migrations.RunPython(seed_skills, migrations.RunPython.noop)]
