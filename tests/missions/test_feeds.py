"""Mission feeds (RSS, Atom, JSON Feed 1.1): valid, filtered like the list, advertised, cached."""

import datetime
import json

import feedparser
import pytest

from .factories import AssociationFactory, MissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def missions(index_page):
    return [
        MissionFactory(title="Audit d'accessibilité", slug="audit", skills=["accessibilite"],
                       association=AssociationFactory(name="Les Abeilles")),
        MissionFactory(title="Vidéo de présentation", slug="video-asso", skills=["video"]),
        MissionFactory(title="Brouillon accessible", skills=["accessibilite"], live=False),
        MissionFactory(title="Pourvue accessible", skills=["accessibilite"], status="pourvue"),
    ]


@pytest.mark.parametrize(("route", "mimetype", "version"), [
    ("rss", "application/rss+xml", "rss20"), ("atom", "application/atom+xml", "atom10"),
])
def test_rss_and_atom_feeds_are_valid_and_list_open_published_missions(client, missions, route, mimetype, version):
    response = client.get(f"/missions/{route}/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith(mimetype)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == version
    assert {entry.title for entry in parsed.entries} == {"Audit d’accessibilité", "Vidéo de présentation"}
    audit = next(entry for entry in parsed.entries if entry.title == "Audit d’accessibilité")
    assert audit.link == missions[0].get_full_url() and audit.link.endswith("/missions/audit/")
    assert audit.author == "Les Abeilles"
    assert [tag.term for tag in audit.tags] == ["Accessibilité"]


def test_feeds_honour_the_list_filters(client, missions):
    for route in ("rss", "atom"):
        parsed = feedparser.parse(client.get(f"/missions/{route}/?competences=accessibilite").content)
        assert [entry.title for entry in parsed.entries] == ["Audit d’accessibilité"]
        assert "Accessibilité" in parsed.feed.title
    feed = json.loads(client.get("/missions/json/?competences=video").content)
    assert [item["title"] for item in feed["items"]] == ["Vidéo de présentation"]


def test_json_feed_follows_version_1_1(client, missions):
    response = client.get("/missions/json/")

    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"].endswith("/missions/")
    assert feed["feed_url"] == "http://testserver/missions/json/"
    assert len(feed["items"]) == 2
    for item in feed["items"]:
        assert {"id", "url", "title", "content_text", "date_published"} <= item.keys()
        assert item["authors"][0]["name"]
        assert isinstance(item["tags"], list) and "author" not in item  # 1.1: "authors" only
        datetime.datetime.fromisoformat(item["date_published"])  # RFC 3339


def test_the_list_and_skill_pages_advertise_their_feeds(client, missions):
    html = client.get("/missions/?competences=video&tri=echeance&page=1").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/missions/rss/?competences=video"' in html
    assert 'href="/missions/json/?competences=video"' in html

    html = client.get("/missions/competences/accessibilite/").content.decode()
    assert ('type="application/atom+xml" title="Missions Webassoc (Atom)" '
            'href="/missions/atom/?competences=accessibilite"') in html


def test_feeds_are_served_from_the_page_cache(client, missions, settings):
    settings.PAGE_CACHE_SECONDS = 60

    first = client.get("/missions/rss/?competences=accessibilite")
    second = client.get("/missions/rss/?competences=accessibilite")

    assert first["X-Cache"] == "MISS" and second["X-Cache"] == "HIT"
    assert second.content == first.content


def test_a_mission_cannot_take_a_feed_route_as_slug():
    from missions.models.missions import RESERVED_SLUGS

    assert {"rss", "atom", "json"} <= RESERVED_SLUGS


def test_the_json_feed_keeps_paragraphs_and_list_items_apart_in_its_text(client, index_page):
    MissionFactory(
        summary="Capsules vidéo.",
        description="<p>Pour Instagram.</p><p>Vous travaillerez avec :</p><ul><li>la chargée de com</li>"
                    "<li>deux bénévoles</li></ul>",
    )

    [item] = json.loads(client.get("/missions/json/").content)["items"]

    assert item["content_text"] == (
        "Capsules vidéo.\n\nPour Instagram.\n\nVous travaillerez avec\u00a0:\n\n• la chargée de com\n• deux bénévoles"
    )
