import pytest

from missions.models import Skill

pytestmark = pytest.mark.django_db


def test_the_nine_community_skills_are_seeded():
    assert set(Skill.objects.values_list("name", flat=True)) == {
        "Stratégie", "Accessibilité", "Analytics", "Collecte", "Emailing",
        "Webmastering", "Médias sociaux", "Search", "Vidéo",
    }


def test_skills_are_listed_alphabetically():
    names = list(Skill.objects.values_list("name", flat=True))

    assert names == sorted(names)
