"""Text typed with a straight apostrophe reads with ’ wherever a visitor meets it: the window title,
the sharing tags, the structured data, the feeds and the site search, not only the page body."""

import json
import re

import feedparser
import pytest

from tests.home.factories import NewsIndexPageFactory, NewsPageFactory
from tests.missions.factories import AssociationFactory, MissionFactory, MissionIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mission(db):
    MissionIndexPageFactory()
    return MissionFactory(
        title="Audit d'accessibilité du site", slug="audit",
        association=AssociationFactory(name="Abeilles d'Ici"),
        summary="Les Abeilles recherchent de l'aide : audit et plan d'action.",
    )


@pytest.fixture
def article(db):
    index = NewsIndexPageFactory(slug="actualites", title="Actualités")
    return NewsPageFactory(parent=index, title="Réussir l'e-mailing", intro="L'essentiel : trois conseils.")


def head(html):
    return html.split("</head>")[0]


def meta(html, name):
    return re.search(rf'<meta (?:name|property)="{name}" content="([^"]*)"', html).group(1)


def test_the_mission_page_title_and_sharing_tags_have_french_typography(client, mission):
    html = client.get("/missions/audit/").content.decode()

    assert "<title>Audit d’accessibilité du site – " in html
    assert meta(html, "og:title") == "Audit d’accessibilité du site"
    assert meta(html, "og:description") == "Les Abeilles recherchent de l’aide\u00a0: audit et plan d’action."
    assert meta(html, "description") == meta(html, "og:description")
    assert "Abeilles d’Ici" in html and "Abeilles d'Ici" not in html and "Abeilles d&#x27;Ici" not in html


def test_the_news_title_and_structured_data_have_french_typography(client, article):
    html = client.get(article.url).content.decode()

    assert "<title>Réussir l’e-mailing – " in html
    assert meta(html, "og:title") == "Réussir l’e-mailing"
    assert '"headline":"Réussir l’e-mailing"' in html
    assert '"description":"L’essentiel\u00a0: trois conseils."' in html
    assert "'" not in head(html).split("<title>")[1].split("</title>")[0]


@pytest.mark.parametrize("route", ["rss", "atom"])
def test_mission_feed_entries_have_french_typography(client, mission, route):
    parsed = feedparser.parse(client.get(f"/missions/{route}/").content)

    [entry] = parsed.entries
    assert entry.title == "Audit d’accessibilité du site"
    assert entry.summary == "Les Abeilles recherchent de l’aide\u00a0: audit et plan d’action."
    assert entry.author == "Abeilles d’Ici"
    assert entry.link.endswith("/missions/audit/")


def test_the_json_feed_has_french_typography_but_keeps_its_links(client, mission):
    feed = json.loads(client.get("/missions/json/").content)

    [item] = feed["items"]
    assert item["title"] == "Audit d’accessibilité du site"
    assert item["summary"] == "Les Abeilles recherchent de l’aide\u00a0: audit et plan d’action."
    assert item["content_text"].startswith("Les Abeilles recherchent de l’aide\u00a0:")
    assert item["authors"] == [{"name": "Abeilles d’Ici"}]
    assert item["url"].endswith("/missions/audit/") and item["id"] == item["url"]


@pytest.mark.parametrize("route", ["rss", "atom"])
def test_news_feed_entries_have_french_typography(client, article, route):
    parsed = feedparser.parse(client.get(f"/actualites/{route}/").content)

    [entry] = parsed.entries
    assert entry.title == "Réussir l’e-mailing"
    assert entry.summary == "L’essentiel\u00a0: trois conseils."


def test_a_mission_in_the_site_search_has_french_typography(client, mission):
    response = client.get("/recherche/", {"q": "audit"})
    html = response.content.decode()

    result = html.split('class="search-results__item"')[1]
    assert "Audit d’accessibilité du site</a>" in result
    assert "de l’aide\u00a0: audit et plan d’action." in result
    assert "Abeilles d’Ici" in result


def test_a_course_and_its_session_show_what_editors_typed_with_french_typography(client):
    from tests.courses.factories import TrainingPageFactory, TrainingSessionPageFactory

    course = TrainingPageFactory(
        audience="Bénévoles d'associations", trainers="L'équipe accessibilité",
        prerequisites="Savoir ce qu'est un site : rien de plus.", duration="3 heures",
    )
    session = TrainingSessionPageFactory(parent=course, notes="Prévoir l'ordinateur ; c'est tout.")

    course_html = client.get(course.url).content.decode()
    session_html = client.get(session.url).content.decode()

    assert "Bénévoles d’associations" in course_html and "L’équipe accessibilité" in course_html
    assert "Savoir ce qu’est un site\u00a0: rien de plus." in course_html
    assert "Prévoir l’ordinateur\u00a0; c’est tout." in session_html
