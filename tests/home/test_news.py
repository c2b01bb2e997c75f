"""News: index (newest first, pagination, tag filter, empty state), articles, feeds, home section."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from home.models import NewsIndexPage, NewsPage

from .factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def index(home_page):
    return NewsIndexPageFactory(parent=home_page, slug="actualites")


def article(index, days_ago, **kwargs):
    return NewsPageFactory(parent=index, date=timezone.localdate() - datetime.timedelta(days=days_ago),
                           **kwargs)


def titles(response):
    return [item.title for item in response.context["news_items"]]


def test_index_lists_articles_newest_first(client, index):
    article(index, 10, title="Ancienne")
    article(index, 1, title="Récente")
    article(index, 5, title="Entre les deux")

    response = client.get(index.url)

    assert response.status_code == 200
    assert titles(response) == ["Récente", "Entre les deux", "Ancienne"]


def test_every_news_listing_uses_the_site_card(client, index, home_page):
    page = article(index, 0, title="Principal", tags=["Conseils"])
    article(index, 1, title="Voisine", tags=["Conseils"])

    for url in (index.url, page.url, home_page.url):
        response = client.get(url)
        assert "components/card.html" in [template.name for template in response.templates]
        assert '<article class="card news-card">' in response.content.decode()


def test_index_cards_link_their_tags_to_the_filtered_index(client, index):
    article(index, 0, title="Principal", tags=["Conseils"])

    html = client.get(index.url).content.decode()
    card = html.split('<article class="card news-card">')[1].split("</article>")[0]

    assert '<a class="tag" href="/actualites/?tag=conseils">Conseils</a>' in card


def test_unpublished_articles_are_not_listed(client, index):
    article(index, 1, title="Publiée")
    article(index, 2, title="Brouillon", live=False)

    assert titles(client.get(index.url)) == ["Publiée"]


def test_index_is_paginated(client, index):
    for number in range(12):
        article(index, number, title=f"Article {number}")

    first = client.get(index.url)
    second = client.get(index.url + "?page=2")

    assert len(titles(first)) == 10
    assert titles(second) == ["Article 10", "Article 11"]
    assert 'rel="next"' in first.content.decode()


def test_index_filters_by_tag_and_keeps_the_filter_in_pagination_links(client, index):
    for number in range(11):
        article(index, number, title=f"Accessible {number}", tags=["Accessibilité"])
    article(index, 0, title="Autre sujet", tags=["Sobriété"])

    slug = Tag.objects.get(name="Accessibilité").slug

    response = client.get(index.url, {"tag": slug})

    assert "Autre sujet" not in titles(response)
    assert len(titles(response)) == 10
    assert response.context["current_tag"].name == "Accessibilité"
    assert f"?tag={quote(slug)}&amp;page=2" in response.content.decode()


def test_unknown_tag_shows_an_empty_state_with_a_way_back(client, index):
    article(index, 1, tags=["Sobriété"])

    response = client.get(index.url + "?tag=inconnu")

    html = response.content.decode()
    assert titles(response) == []
    assert "Aucune actualité avec ce mot-clé." in html
    assert "Voir toutes les actualités" in html


def test_empty_index_says_there_is_no_news_yet(client, index):
    response = client.get(index.url)

    assert "Pas encore d’actualité publiée." in response.content.decode()


def test_article_shows_date_in_french_author_tags_and_body(client, index):
    page = NewsPageFactory(parent=index, title="Le manifeste est en ligne", date=datetime.date(2026, 3, 2),
                           author="Jeanne Exemple", tags=["Manifeste"])

    html = client.get(page.url).content.decode()

    assert "<h1>Le manifeste est en ligne</h1>" in html
    assert "2 mars 2026" in html
    assert "par Jeanne Exemple" in html
    assert 'href="/actualites/?tag=manifeste"' in html
    assert "Texte de l\u2019article." in html  # rich text gets the typographic apostrophe


def test_article_suggests_related_news_sharing_its_tags(client, index):
    page = article(index, 0, title="Principal", tags=["Accessibilité", "Conseils"])
    article(index, 1, title="Deux mots-clés communs", tags=["Accessibilité", "Conseils"])
    article(index, 2, title="Un mot-clé commun", tags=["Conseils"])
    article(index, 3, title="Sans rapport", tags=["Événements"])

    related = [item.title for item in page.related_news()]

    assert related == ["Deux mots-clés communs", "Un mot-clé commun"]
    assert "À lire aussi" in client.get(page.url).content.decode()


def test_rss_feed_lists_the_latest_articles(client, index):
    article(index, 2, title="Plus ancienne", intro="Résumé ancien", tags=["Bilan"])
    article(index, 1, title="Plus récente", intro="Résumé récent")
    article(index, 0, title="Brouillon", live=False)

    response = client.get(index.url + "rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Plus récente", "Plus ancienne"]
    assert items[0].findtext("link") == "http://localhost/actualites/" + items[0].findtext("link").split(
        "/actualites/")[1]
    assert items[0].findtext("description") == "Résumé récent"
    assert items[1].findtext("category") == "Bilan"


def test_atom_feed_lists_the_latest_articles(client, index):
    article(index, 1, title="Première nouvelle", author="Jeanne Exemple")

    response = client.get(index.url + "atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Première nouvelle"]
    assert entries[0].find(f"{ATOM}author").findtext(f"{ATOM}name") == "Jeanne Exemple"


def test_index_advertises_its_feeds(client, index):
    html = client.get(index.url).content.decode()

    assert 'type="application/rss+xml"' in html
    assert 'href="/actualites/atom/"' in html


def test_home_page_shows_the_three_latest_articles(client, index, home_page):
    for number in range(5):
        article(index, number, title=f"Nouvelle {number}")

    html = client.get(home_page.url).content.decode()

    assert "Nouvelle 0" in html and "Nouvelle 2" in html
    assert "Nouvelle 3" not in html
    assert "Toutes les actualités" in html


def test_news_pages_only_live_where_they_belong(home_page):
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsIndexPage.can_create_at(home_page)
    assert not NewsPage.can_create_at(home_page)


def _fill(index, count, images):
    for number in range(count):
        article(index, number % 300, listing_image=images[number % len(images)],
                tags=[f"Sujet {number % 4}", "Commun"])


def _queries(client, url):
    client.get(url)  # first render creates the image renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_index_query_count_does_not_grow_with_the_number_of_articles(client, home_page, monkeypatch):
    # A page of 12 against a page of 3: four times the rows on screen, the same queries.
    monkeypatch.setattr(NewsIndexPage, "per_page", 12)
    images = wagtail_factories.ImageFactory.create_batch(3)
    small = NewsIndexPageFactory(parent=home_page, slug="petit")
    large = NewsIndexPageFactory(parent=home_page, slug="grand")
    _fill(small, 3, images)
    _fill(large, 40, images)

    few = _queries(client, small.url)
    many = _queries(client, large.url)
    assert few == many
    assert many <= 20

    few_filtered = _queries(client, small.url + "?tag=commun")
    many_filtered = _queries(client, large.url + "?tag=commun&page=3")
    assert few_filtered == many_filtered


def test_home_news_section_query_count_is_constant(client, home_page):
    images = wagtail_factories.ImageFactory.create_batch(2)
    index = NewsIndexPageFactory(parent=home_page, slug="actualites")
    _fill(index, 1, images)
    one = _queries(client, home_page.url)
    _fill(index, 20, images)

    assert _queries(client, home_page.url) == one
