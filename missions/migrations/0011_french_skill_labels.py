"""The skills get French labels ("Search" → "Référencement (SEO)"); slugs, and so URLs and filters,
stay the same, and the former English label becomes a synonym ("Search" still finds the skill). A
label an editor already changed is left alone."""

from django.db import migrations

FRENCH = {
    "strategie": ("Stratégie", "Stratégie numérique"),
    "analytics": ("Analytics", "Mesure d’audience (analytics)"),
    "collecte": ("Collecte", "Collecte en ligne"),
    "emailing": ("Emailing", "Campagnes e-mail (e-mailing)"),
    "webmastering": ("Webmastering", "Gestion de site (webmastering)"),
    "search": ("Search", "Référencement (SEO)"),
}


def to_french(apps, schema_editor):
    Skill = apps.get_model("missions", "Skill")
    for slug, (english, french) in FRENCH.items():
        for skill in Skill.objects.filter(slug=slug, name=english):
            aliases = [alias.strip() for alias in skill.aliases.split(",") if alias.strip()]
            if english.lower() not in {alias.lower() for alias in aliases}:
                aliases.insert(0, english)
            skill.name, skill.aliases = french, ", ".join(aliases)
            skill.save(update_fields=["name", "aliases"])


def to_english(apps, schema_editor):
    Skill = apps.get_model("missions", "Skill")
    for slug, (english, french) in FRENCH.items():
        Skill.objects.filter(slug=slug, name=french).update(name=english)


class Migration(migrations.Migration):
    dependencies = [("missions", "0010_listing_order_indexes")]

    operations = [migrations.RunPython(to_french, to_english)]
