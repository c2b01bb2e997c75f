"""Every feed of the site (news, missions) is a webassoc.feeds.PageFeed: the same identifiers,
dates, self link and description, whatever its items."""

import feedparser
import pytest

from tests.home.factories import NewsIndexPageFactory, NewsPageFactory
from tests.missions.factories import MissionFactory, MissionIndexPageFactory

pytestmark = pytest.mark.django_db


def news_index():
    index = NewsIndexPageFactory(slug="actualites")
    NewsPageFactory(parent=index, title="Une nouvelle")
    return index


def mission_index():
    index = MissionIndexPageFactory()
    MissionFactory(title="Une mission", skills=["accessibilite"])
    return index


FEEDS = {"news": (news_index, "Les actualités de Webassoc."),
         "missions": (mission_index, "Les appels à compétences des associations.")}


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("route", ["rss", "atom"])
def test_every_feed_identifies_an_entry_by_its_page_url_and_dates_it(client, name, route):
    index = FEEDS[name][0]()

    parsed = feedparser.parse(client.get(f"{index.url}{route}/").content)

    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.link == index.get_full_url()
    assert parsed.feed.subtitle == index.intro
    [entry] = parsed.entries
    assert entry.id == entry.link and entry.link.startswith("http")
    assert entry.published_parsed
    if route == "atom":
        assert entry.updated_parsed  # the last publication, or the first one


@pytest.mark.parametrize("name", FEEDS)
def test_an_index_without_intro_gets_its_feed_s_own_description(client, name):
    make, description = FEEDS[name]
    index = make()
    index.intro = ""
    index.save_revision().publish()

    parsed = feedparser.parse(client.get(f"{index.url}rss/").content)

    assert parsed.feed.subtitle == description


def test_only_a_feed_chosen_by_its_query_string_keeps_it_in_its_own_url(client):
    news, missions = news_index(), mission_index()

    news_feed = feedparser.parse(client.get(f"{news.url}atom/?utm_source=lettre").content)
    missions_feed = feedparser.parse(client.get(f"{missions.url}atom/?competences=accessibilite").content)

    assert self_link(news_feed) == "http://testserver/actualites/atom/"
    assert self_link(missions_feed) == "http://testserver/missions/atom/?competences=accessibilite"


def self_link(parsed):
    return next(link.href for link in parsed.feed.links if link.rel == "self")
