"""Pages every visitor may reach: the useful 404 (also in development), the static 500, the
"Plan du site", the accessibility statement of the demo, and a course's format from its sessions."""

import html as html_module
import re

import pytest
from django.template.loader import render_to_string
from django.test import override_settings

from courses.enums import SessionMode
from tests.courses.factories import TrainingPageFactory, TrainingSessionPageFactory
from tests.factories import StandardPageFactory
from tests.missions.factories import MissionFactory, MissionIndexPageFactory
from webassoc import accessibility_checks
from webassoc.enums import Format

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def test_the_404_page_offers_a_search_and_ways_back(client, home_page):
    MissionIndexPageFactory()

    response = client.get("/cette-mission-n-existe-plus/")

    html = response.content.decode()
    assert response.status_code == 404
    assert 'action="/recherche/"' in html and 'type="search"' in html
    assert 'href="/missions/"' in html and 'href="/plan-du-site/"' in html
    assert "Cette page est introuvable" in html


@override_settings(DEBUG=True)
def test_in_development_a_missing_page_shows_the_site_404_not_the_debug_page(client, home_page, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "webassoc.middleware.SiteNotFoundPageInDebugMiddleware"]

    response = client.get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert "Cette page est introuvable" in response.content.decode()
    assert "Page not found at" not in response.content.decode()


def test_the_development_settings_switch_the_site_404_on():
    from webassoc.settings import dev

    assert "webassoc.middleware.SiteNotFoundPageInDebugMiddleware" in dev.MIDDLEWARE


def test_the_500_page_renders_without_the_database(django_db_blocker):
    with django_db_blocker.block():
        html = render_to_string("500.html")

    assert "Le site a rencontré un problème" in html
    assert 'href="/missions/"' in html and 'href="/formations/"' in html
    assert "{%" not in html and "{{" not in html


def test_the_sitemap_page_lists_sections_their_pages_and_the_request_form(client, home_page):
    about = StandardPageFactory(parent=home_page, title="Qui sommes-nous ?", slug="qui-sommes-nous")
    StandardPageFactory(parent=about, title="Notre histoire", slug="histoire")
    MissionIndexPageFactory()
    MissionFactory(skills=["video"])
    StandardPageFactory(parent=home_page, title="Brouillon", slug="brouillon", live=False)

    html = client.get("/plan-du-site/").content.decode()

    assert 'href="/alertes/"' in html
    assert '<a href="/missions/competences/video/">Vidéo</a>' in html

    assert f"Qui sommes-nous{NBSP}?" in html
    assert 'href="/qui-sommes-nous/histoire/"' in html
    assert 'href="/missions/proposer/"' in html
    assert "Brouillon" not in html


def test_the_footer_links_to_the_sitemap_page(client, home_page):
    assert 'href="/plan-du-site/"' in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("modes", "label"),
    [
        ([SessionMode.REMOTE, SessionMode.REMOTE], "En ligne"),
        ([SessionMode.ON_SITE], "Sur place"),
        ([SessionMode.REMOTE, SessionMode.ON_SITE], "En ligne et sur place"),
    ],
)
def test_a_course_says_where_it_happens_from_its_sessions(client, modes, label):
    course = TrainingPageFactory(title="Réseaux sociaux")
    for mode in modes:
        address = "3 quai des Initiatives, 44000 Nantes" if mode == SessionMode.ON_SITE else ""
        TrainingSessionPageFactory(parent=course, mode=mode, address=address)

    html = client.get(course.url).content.decode()
    catalogue = client.get(course.get_parent().url).content.decode()

    assert f"<dt>Format</dt><dd>{label}</dd>" in html
    assert f"· {label}</p>" in catalogue


@pytest.mark.parametrize(("course_format", "label"), [(Format.REMOTE, "En ligne"), (Format.ON_SITE, "Sur place")])
def test_a_course_without_sessions_says_where_it_happens_in_the_catalogues_words(client, course_format, label):
    course = TrainingPageFactory(title="Mesurer son audience", format=course_format)

    catalogue = client.get(course.get_parent().url).content.decode()

    assert f"· {label}</p>" in catalogue
    assert "À distance" not in catalogue.split("Mesurer son audience")[1].split("</section>")[0]


def test_the_demo_tells_the_story_and_states_its_accessibility_checks(client, demo_site):
    """One demo load (slow) for three things: the statement, the story, every checked page answers."""

    html = client.get("/accessibilite/").content.decode()
    headings = re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html)
    for section in ("État de conformité", "Résultats des tests", "Contenus non accessibles",
                    "Dérogations pour charge disproportionnée", "Établissement de cette déclaration",
                    "Retour d’information et contact", "Voies de recours"):
        assert section in headings
    pages = len(accessibility_checks.PAGE_TYPES)
    assert f"{pages} types de pages" in html
    assert f"soit {pages * len(accessibility_checks.WIDTHS)} vérifications" in html
    assert "toutes réussissent" not in html  # written once, the statement cannot know the tests' result
    text = re.sub(r"\s+", " ", html_module.unescape(html))
    for label, _path in accessibility_checks.PAGE_TYPES:  # every page type checked is listed
        assert f"<li>{label}</li>" in text, label
    assert 'href="/accessibilite/"' in client.get("/").content.decode()  # footer link

    texts = " ".join(client.get(path).content.decode() for path in ("/", "/manifeste/", "/actualites/"))
    assert "texte de démonstration" not in texts and "Collectif Démo" not in texts
    manifesto = html_module.unescape(client.get("/manifeste/").content.decode()).replace("\u202f", NBSP)
    assert re.search(r"9[0-9]\xa0% de l(’|')objectif", manifesto)

    paths = [path for _label, path in accessibility_checks.PAGE_TYPES]
    assert "/alertes/" in paths  # the alert pages are checked like the others
    for path in paths:
        expected = 404 if "n-existe-pas" in path else 200
        assert client.get(path).status_code == expected, path
