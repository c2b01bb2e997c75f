"""Skill pages, the association request form, the home section and the site search."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import Revision

from home.demo.pages import call_to_action
from home.models import HomePage, StandardPage
from missions.models import MissionRequest

from .factories import MissionFactory, MissionRequestFactory, skill

pytestmark = pytest.mark.django_db


def test_skill_page_lists_the_open_missions_with_that_skill(client, index_page):
    MissionFactory(title="Vidéo ouverte", skills=["video"])
    MissionFactory(title="Vidéo brouillon", skills=["video"], live=False)
    MissionFactory(title="Vidéo close", skills=["video"], status="cloturee")
    MissionFactory(title="Autre", skills=["referencement"])

    response = client.get("/missions/competences/video/")

    assert response.status_code == 200
    assert [m.title for m in response.context["missions"]] == ["Vidéo ouverte"]
    html = response.content.decode()
    assert "<h1>Missions «\u00a0Vidéo\u00a0»</h1>" in html
    assert 'href="/missions/?competences=video"' in html


def test_skill_page_of_an_unknown_skill_is_a_404(client, index_page):
    assert client.get("/missions/competences/plongee/").status_code == 404


def test_a_skill_typed_only_in_drafts_has_no_public_page(client, index_page):
    draft = MissionFactory(title="Brouillon", live=False)
    draft.skills.add("Référencment")  # a typo, never published
    draft.save()
    typo = draft.skill_list()[0]
    MissionFactory(live=False, skills=["video"])  # a draft with a skill of the community's vocabulary

    assert client.get(f"/missions/competences/{typo.slug}/").status_code == 404
    assert client.get("/missions/competences/video/").status_code == 200  # the vocabulary keeps its page


def test_a_skill_of_closed_missions_only_keeps_its_page_with_no_open_mission(client, index_page):
    closed = MissionFactory(title="Mission close", status="cloturee")
    closed.skills.add("Podcast")
    closed.save()
    podcast = closed.skill_list()[0]

    response = client.get(f"/missions/competences/{podcast.slug}/")

    assert response.status_code == 200 and list(response.context["missions"]) == []
    assert "Aucune mission ouverte pour cette compétence" in response.content.decode()
    assert f'href="/missions/competences/{podcast.slug}/"' in client.get(f"/missions/{closed.slug}/").content.decode()


def test_skill_page_shows_the_skill_description_and_empty_state(client, index_page):
    video = skill("video")
    video.description = "Tournage, montage, sous-titres."
    video.save()

    html = client.get("/missions/competences/video/").content.decode()

    assert "Tournage, montage, sous-titres." in html
    assert "Aucune mission ouverte pour cette compétence" in html


def test_editors_may_add_skills_with_unicode_names_and_get_a_skill_page(client, index_page):
    mission = MissionFactory(title="Nouvelle compétence")
    mission.skills.add("Référencement payant")
    mission.save()
    new_skill = mission.skill_list()[0]

    response = client.get(f"/missions/competences/{new_skill.slug}/")

    assert response.status_code == 200
    assert [m.title for m in response.context["missions"]] == ["Nouvelle compétence"]


REQUEST = {
    "association_name": "Les Amis du Canal",
    "cause": "environnement",
    "website": "https://amis-du-canal.example.org",
    "city": "Nantes",
    "contact_name": "Paul",
    "email": "paul@canal.example.org",
    "title": "Rendre notre site accessible",
    "description": "Notre site est difficile à lire pour les personnes malvoyantes.",
    "format": "a_distance",
    "deadline": "2031-06-30",
    "consent": "on",
}


def test_association_sends_a_request_and_gets_a_confirmation(client, index_page, settings):
    settings.TEAM_EMAIL = "equipe@webassoc.test"

    response = client.post("/missions/proposer/", {**REQUEST, "skills": [skill("accessibilite").pk]})

    assert response.status_code == 302
    assert response["Location"] == "/missions/proposer/"
    request_ = MissionRequest.objects.get()
    assert request_.status == "nouvelle"
    assert [s.slug for s in request_.skills.all()] == ["accessibilite"]
    assert sorted(m.to[0] for m in mail.outbox) == ["equipe@webassoc.test", "paul@canal.example.org"]
    assert "Merci, votre demande est bien envoyée" in client.get("/missions/proposer/").content.decode()


def test_request_form_errors_keep_the_values(client, index_page):
    response = client.post("/missions/proposer/", {**REQUEST, "website": "pas une url", "consent": ""})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Saisissez une adresse web valide" in html
    assert 'value="Les Amis du Canal"' in html
    assert not MissionRequest.objects.exists()


def test_request_form_refuses_a_deadline_in_the_past(client, index_page):
    response = client.post("/missions/proposer/", {**REQUEST, "deadline": "2020-01-01"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Cette date est déjà passée\u00a0; indiquez une date à venir ou laissez le champ vide." in html
    assert 'value="Les Amis du Canal"' in html
    assert not MissionRequest.objects.exists()


def test_the_same_request_twice_gets_a_polite_message(client, index_page):
    MissionRequestFactory(email="paul@canal.example.org", title="Rendre notre site accessible")

    response = client.post("/missions/proposer/", REQUEST)

    assert response.status_code == 200
    assert "Nous avons déjà reçu cette demande" in response.content.decode()
    assert MissionRequest.objects.count() == 1


def test_request_form_refuses_bots(client, index_page):
    client.post("/missions/proposer/", {**REQUEST, "site_web_entreprise": "x"})

    assert not MissionRequest.objects.exists()


def test_request_form_is_rate_limited(client, index_page, settings):
    settings.RATELIMIT_ENABLED = True
    for n in range(10):
        client.post("/missions/proposer/", {**REQUEST, "email": f"p{n}@example.org"})

    response = client.post("/missions/proposer/", {**REQUEST, "email": "encore@example.org"})

    assert response.status_code == 429
    assert MissionRequest.objects.count() == 10


def test_home_page_shows_the_latest_open_missions(client, index_page):
    MissionFactory(title="Mission ouverte sur l'accueil", skills=["video"])
    MissionFactory(title="Mission brouillon", live=False)

    response = client.get("/")
    html = response.content.decode().replace("&#x27;", "'").replace("\u2019", "'")  # typographic apostrophe

    assert "components/card.html" in [template.name for template in response.templates]
    assert '<a class="tag" href="/missions/competences/video/">Vidéo</a>' in html
    assert "Mission ouverte sur l'accueil" in html
    assert "Mission brouillon" not in html
    assert 'href="/missions/"' in html


def test_home_page_invites_associations_to_the_request_form(client, index_page):
    html = client.get("/").content.decode()
    # A <div>, not an <aside>: a complementary landmark must not sit inside <main> (axe best practice).
    cta = re.search(r'<div class="cta">.*?</div>', html, re.S)

    assert cta is not None
    assert "Vous êtes une association\u00a0?" in cta.group()
    assert 'href="/missions/proposer/"' in cta.group()


def test_the_demo_home_page_sends_associations_to_the_request_form_and_stays_idempotent(client, demo_site):
    revisions = Revision.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    html = client.get("/").content.decode()
    ctas = [block.value for block in HomePage.objects.get().body if block.block_type == "call_to_action"]

    assert Revision.objects.count() == revisions
    assert html.count("Vous êtes une association\u00a0?") == 1
    assert 'href="/missions/proposer/"' in html
    assert all(cta["title"] != "Vous êtes une association ?" for cta in ctas)


def test_load_demo_retitles_the_old_faq_bound_association_call_to_action(demo_site):
    home = HomePage.objects.get()
    faq_page = StandardPage.objects.get(slug="questions-frequentes")
    home.body = [call_to_action("Vous êtes une association ?", "Ancien texte", faq_page, "Lire la FAQ")]
    home.save_revision().publish()

    call_command("load_demo", stdout=open("/dev/null", "w"))

    titles = [block.value["title"] for block in HomePage.objects.get().body]
    assert titles == ["Des questions avant de vous lancer ?"]


def test_home_page_keeps_its_empty_state_without_missions(client, index_page):
    assert "Aucune mission ouverte pour le moment." in client.get("/").content.decode()


def test_site_search_finds_published_missions(client, index_page):
    found = MissionFactory(title="Sous-titrage des vidéos")
    MissionFactory(title="Sous-titrage secret", live=False)

    response = client.get("/recherche/?q=sous-titrage")
    urls = {result.title: result.url for result in response.context["page_obj"].object_list}

    assert urls["Sous-titrage des vidéos"] == f"/missions/{found.slug}/"
    assert "Sous-titrage secret" not in urls


def test_open_published_missions_are_in_the_sitemap(client, index_page):
    MissionFactory(slug="ouverte")
    MissionFactory(slug="brouillon", live=False)
    MissionFactory(slug="pourvue", status="pourvue")

    xml = client.get("/sitemap.xml").content.decode()

    assert "http://localhost/missions/</loc>" in xml
    assert "http://localhost/missions/ouverte/</loc><lastmod>" in xml
    assert "/missions/brouillon/" not in xml and "/missions/pourvue/" not in xml


def test_the_missions_part_of_the_sitemap_takes_two_queries_whatever_the_missions(index_page,
                                                                                django_assert_num_queries):
    MissionFactory.create_batch(5, skills=["video"])
    MissionFactory(skills=["collecte"])
    MissionFactory(skills=["emailing"], live=False)  # a draft's skill has no page in the sitemap
    index_page = type(index_page).objects.get(pk=index_page.pk)
    index_page.get_full_url()  # the site's root URL is cached

    with django_assert_num_queries(2):
        urls = [url["location"] for url in index_page.get_sitemap_urls()]

    assert len(urls) == 1 + 1 + 6 + 2
    assert "http://localhost/missions/proposer/" in urls
    assert {"http://localhost/missions/competences/video/", "http://localhost/missions/competences/collecte/"} < set(urls)
    assert "http://localhost/missions/competences/emailing/" not in urls
