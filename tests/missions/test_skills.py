import pytest

from missions.models import Skill

pytestmark = pytest.mark.django_db


def test_the_nine_community_skills_are_seeded_with_french_labels_and_french_slugs():
    assert dict(Skill.objects.values_list("slug", "name")) == {
        "strategie": "Stratégie numérique",
        "accessibilite": "Accessibilité",
        "analytics": "Mesure d’audience (analytics)",
        "collecte": "Collecte en ligne",
        "emailing": "Campagnes e-mail (e-mailing)",
        "webmastering": "Gestion de site (webmastering)",
        "medias-sociaux": "Médias sociaux",
        "referencement": "Référencement (SEO)",
        "video": "Vidéo",
    }


def test_the_migration_renames_english_labels_and_leaves_edited_ones_alone():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("missions.migrations.0011_french_skill_labels")
    Skill.objects.filter(slug="emailing").update(name="Emailing")
    Skill.objects.filter(slug="analytics").update(name="Statistiques")  # changed by an editor

    migration.to_french(apps, None)

    assert Skill.objects.get(slug="emailing").name == "Campagnes e-mail (e-mailing)"
    assert Skill.objects.get(slug="analytics").name == "Statistiques"


def test_skills_are_listed_alphabetically():
    names = list(Skill.objects.values_list("name", flat=True))

    assert names == sorted(names)


def test_the_former_english_slug_of_seo_still_leads_to_its_page_and_filter(client):
    from tests.missions.factories import MissionFactory, MissionIndexPageFactory

    index_page = MissionIndexPageFactory()
    MissionFactory(title="Audit SEO", skills=["referencement"])
    MissionFactory(title="Montage", skills=["video"])

    page = client.get(f"{index_page.url}competences/search/")
    listing = client.get(index_page.url, {"competences": "search"}).content.decode()
    feed = client.get(f"{index_page.url}rss/", {"competences": "search"}).content.decode()

    assert page.status_code == 301 and page["Location"].endswith(f"{index_page.url}competences/referencement/")
    assert "Audit SEO" in listing and "Montage" not in listing
    assert "Audit SEO" in feed and "Montage" not in feed


def test_the_migration_gives_seo_its_french_slug_curated_with_its_synonyms():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("missions.migrations.0014_french_slug_for_seo")
    Skill.objects.filter(slug="referencement").update(slug="search", aliases="Search", curated=False)

    migration.to_french_slug(apps, None)

    skill = Skill.objects.get(slug="referencement")
    assert skill.curated and {"Search", "SEO", "référencement"} <= set(skill.alias_list())
