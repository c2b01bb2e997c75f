"""Former skill slugs are kept in the database (FormerSlug), so that a merge records the slug it
retires: its page redirects and its filter (`?competences=<former>`, in a bookmark or a feed URL)
still filters. Seeded with "search" → "referencement" (migration 0014; it was a constant in the
code), and with the skill pages redirected by earlier merges (Wagtail redirects
`…/competences/<old>/` → `…/competences/<new>/`), whose filters did not follow."""

import re

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

SKILL_PATH = re.compile(r"/competences/([^/]+)/?$")


def seed(apps, schema_editor):
    Skill = apps.get_model("missions", "Skill")
    FormerSlug = apps.get_model("missions", "FormerSlug")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    moves = [("search", "referencement")]
    for old_path, link in Redirect.objects.exclude(redirect_link="").values_list("old_path", "redirect_link"):
        old, new = SKILL_PATH.search(old_path or ""), SKILL_PATH.search(link or "")
        if old and new:
            moves.append((old.group(1), new.group(1)))
    for old, new in moves:
        skill = Skill.objects.filter(slug=new).first()
        if skill is None or old == new or Skill.objects.filter(slug=old).exists():
            continue
        FormerSlug.objects.get_or_create(slug=old, defaults={"skill": skill})


class Migration(migrations.Migration):

    dependencies = [
        ('missions', '0015_french_typography_in_field_labels'),
        ('wagtailredirects', '0008_add_verbose_name_plural'),
    ]

    operations = [
        migrations.CreateModel(
            name='FormerSlug',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.CharField(max_length=100, unique=True, verbose_name='ancienne adresse')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='depuis le')),
                ('skill', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='former_slugs', to='missions.skill', verbose_name='compétence')),
            ],
            options={
                'verbose_name': 'ancienne adresse de compétence',
                'verbose_name_plural': 'anciennes adresses de compétences',
            },
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
