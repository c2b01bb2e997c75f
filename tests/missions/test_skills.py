import pytest

from missions.models import Skill

pytestmark = pytest.mark.django_db


def test_the_nine_community_skills_are_seeded_with_french_labels_and_their_first_slugs():
    assert dict(Skill.objects.values_list("slug", "name")) == {
        "strategie": "Stratégie numérique",
        "accessibilite": "Accessibilité",
        "analytics": "Mesure d’audience (analytics)",
        "collecte": "Collecte en ligne",
        "emailing": "Campagnes e-mail (e-mailing)",
        "webmastering": "Gestion de site (webmastering)",
        "medias-sociaux": "Médias sociaux",
        "search": "Référencement (SEO)",
        "video": "Vidéo",
    }


def test_the_migration_renames_english_labels_and_leaves_edited_ones_alone():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("missions.migrations.0011_french_skill_labels")
    Skill.objects.filter(slug="search").update(name="Search")
    Skill.objects.filter(slug="analytics").update(name="Statistiques")  # changed by an editor

    migration.to_french(apps, None)

    assert Skill.objects.get(slug="search").name == "Référencement (SEO)"
    assert Skill.objects.get(slug="analytics").name == "Statistiques"


def test_skills_are_listed_alphabetically():
    names = list(Skill.objects.values_list("name", flat=True))

    assert names == sorted(names)
