"""The skill "Référencement (SEO)" gets a French slug: "search" → "referencement" (the last English
slug in the skills' URLs). The former slug keeps working: it is a missions.models.skills.FormerSlug
(migration 0016), which redirects its page and keeps its filter.

Migration 0008 curates the skills listed in the code by their current slug: on a new database it
ran before this rename, so the skill is curated and given its synonyms here (self-contained values,
whatever the code says later)."""

from django.db import migrations

SYNONYMS = ["Search", "SEO", "SEA", "référencement", "référencement naturel", "moteur de recherche"]


def to_french_slug(apps, schema_editor):
    Skill = apps.get_model("missions", "Skill")
    if not Skill.objects.filter(slug="referencement").exists():
        Skill.objects.filter(slug="search").update(slug="referencement")
    for skill in Skill.objects.filter(slug="referencement"):
        aliases = [alias.strip() for alias in skill.aliases.split(",") if alias.strip()]
        known = {alias.lower() for alias in aliases}
        aliases += [term for term in SYNONYMS if term.lower() not in known]
        skill.aliases, skill.curated = ", ".join(aliases), True
        skill.save(update_fields=["aliases", "curated"])


def to_former_slug(apps, schema_editor):
    Skill = apps.get_model("missions", "Skill")
    if not Skill.objects.filter(slug="search").exists():
        Skill.objects.filter(slug="referencement").update(slug="search")


class Migration(migrations.Migration):
    dependencies = [("missions", "0013_request_refusal_reason")]

    operations = [migrations.RunPython(to_french_slug, to_former_slug)]
