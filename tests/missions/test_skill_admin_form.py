"""The skill form of the admin (review items 6 and 17): the slug comes from the name when left
empty; a word (name or synonym) names one skill only, case and accents ignored, and merging does
not make a word name two skills."""

import pytest
from django.urls import reverse

from missions.models import Skill
from tests.factories import SuperUserFactory

from .factories import skill

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
NEW = "/admin/competences/new/"


@pytest.fixture
def admin_client(client):
    client.force_login(SuperUserFactory())
    return client


def create(admin_client, **fields):
    data = {"name": "", "slug": "", "aliases": "", "description": ""} | fields
    return admin_client.post(NEW, data)


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_a_new_skill_left_without_slug_gets_one_from_its_name(admin_client):
    response = create(admin_client, name="Rédaction web", aliases="copywriting")

    assert response.status_code == 302
    assert Skill.objects.get(name="Rédaction web").slug == "redaction-web"


def test_a_slug_typed_by_the_coordinator_is_kept(admin_client):
    create(admin_client, name="Rédaction web", slug="ecriture")

    assert Skill.objects.get(name="Rédaction web").slug == "ecriture"


def test_a_derived_slug_never_takes_the_slug_of_another_skill(admin_client):
    Skill.objects.create(name="Sans nom", slug="competence")

    create(admin_client, name="!!!")  # nothing to slugify: "competence", already taken

    assert Skill.objects.get(name="!!!").slug == "competence-2"


def test_a_synonym_that_already_names_another_skill_is_refused_whatever_its_case_and_accents(admin_client):
    response = create(admin_client, name="Rédaction web", aliases="copywriting, écriture web, seo, Referencement naturel")

    assert response.status_code == 200
    assert not Skill.objects.filter(name="Rédaction web").exists()
    assert errors_of(response, "aliases") == [
        f"«{NBSP}seo{NBSP}» est déjà le nom ou un synonyme de «{NBSP}Référencement (SEO){NBSP}».",
        f"«{NBSP}Referencement naturel{NBSP}» est déjà le nom ou un synonyme de «{NBSP}Référencement (SEO){NBSP}».",
        "Un mot ne désigne qu’une compétence\u00a0: retirez ce synonyme, ou fusionnez les deux compétences.",
    ]


def test_a_name_that_is_already_a_synonym_of_another_skill_is_refused(admin_client):
    response = create(admin_client, name="SEO")

    assert errors_of(response, "name") == [
        f"«{NBSP}SEO{NBSP}» est déjà le nom ou un synonyme de «{NBSP}Référencement (SEO){NBSP}»."]


def test_a_skill_keeps_its_own_synonyms_when_edited(admin_client):
    search = skill("referencement")

    response = admin_client.post(reverse("competences:edit", args=[search.pk]), {
        "name": search.name, "slug": search.slug, "aliases": search.aliases + ", SEO local", "description": "",
    })

    assert response.status_code == 302
    search.refresh_from_db()
    assert "SEO local" in search.alias_list()


def test_merging_leaves_out_synonyms_that_name_a_third_skill_and_says_so(admin_client, index_page):
    # Saved before synonyms were checked: "SEO" is also a synonym of "Référencement (SEO)".
    writing = Skill.objects.create(name="Rédaction web", aliases="copywriting, SEO")

    response = admin_client.post(reverse("competences:action", args=[writing.pk, "merge"]),
                                 {"into": skill("strategie").pk}, follow=True)

    strategy = skill("strategie")
    assert "copywriting" in strategy.alias_list() and "Rédaction web" in strategy.alias_list()
    assert "SEO" not in strategy.alias_list() and "SEO" in skill("referencement").alias_list()
    assert messages_of(response) == [
        f"«{NBSP}Rédaction web{NBSP}» est fusionnée dans «{NBSP}Stratégie numérique{NBSP}». "
        f"Synonyme non repris (il désigne déjà une autre compétence){NBSP}: SEO."
    ]


def test_merging_a_skill_whose_name_names_a_third_skill_is_refused_with_the_reason(admin_client, index_page):
    seo = Skill.objects.create(name="SEO")  # saved before names were checked
    url = reverse("competences:action", args=[seo.pk, "merge"])

    response = admin_client.post(url, {"into": skill("strategie").pk})

    assert response.status_code == 200 and Skill.objects.filter(pk=seo.pk).exists()
    assert f"«{NBSP}SEO{NBSP}» est déjà le nom ou un synonyme de «{NBSP}Référencement (SEO){NBSP}»." in (
        response.content.decode())
