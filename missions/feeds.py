"""Feeds of open published missions: RSS 2.0, Atom 1.0 and JSON Feed 1.1 (routes `rss/`, `atom/`
and `json/` of MissionIndexPage).

They honour the list's filters (`/missions/rss/?competences=accessibilite` is the feed of the
accessibility missions). Anonymous GETs like these are served from the full-page cache
(`webassoc.page_cache`), which any content change invalidates.
"""

import json
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .forms import MissionFilterForm
from .models.missions import Mission

FEED_SIZE = 50
FEED_ROUTES = (
    ("rss", "application/rss+xml", "RSS"),
    ("atom", "application/atom+xml", "Atom"),
    ("json", "application/feed+json", "JSON Feed"),
)


def feed_missions(request):
    """The newest open missions matching the query string's filters, with their association and skills."""
    filters = MissionFilterForm(request.GET).filters()
    filters.pop("sort")
    return list(Mission.objects.open().matching(**filters).for_listing()[:FEED_SIZE])


def feed_links(index_page, request, query=""):
    """(url, mimetype, title) of each feed, for `<link rel="alternate">` and visible links."""
    base = index_page.get_url(request) or "/"
    return [
        {"url": base + index_page.reverse_subpage(name) + (f"?{query}" if query else ""),
         "type": mimetype, "label": label}
        for name, mimetype, label in FEED_ROUTES
    ]


def filter_query(request):
    """The list's filters of the query string (page number and sort left out), for feed links."""
    keep = ("q", "competences", "format", "cause", "engagement", "lieu")
    return urlencode([(key, value) for key in keep for value in request.GET.getlist(key) if value])


class MissionRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.links = self.index_page.full_links(request)
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return feed_title(self.request)

    def link(self):
        return self.index_page.get_full_url(self.request)

    def feed_url(self):
        return self.request.build_absolute_uri()

    def description(self):
        return self.index_page.intro or _("Les appels à compétences des associations.")

    def subtitle(self):
        return self.description()

    def items(self):
        return feed_missions(self.request)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return self.links.mission(item)

    def item_guid(self, item):
        return self.links.mission(item)

    def item_pubdate(self, item):
        return item.first_published_at or item.created_at

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return item.association.name

    def item_categories(self, item):
        return [skill.name for skill in item.skill_list()]


class MissionAtomFeed(MissionRssFeed):
    feed_type = Atom1Feed


def feed_title(request):
    filters = MissionFilterForm(request.GET)
    skills = filters.filters()["skills"]
    if skills:
        return _("Missions Webassoc : %(skills)s") % {"skills": ", ".join(skill.name for skill in skills)}
    return _("Missions Webassoc")


def json_feed(index_page, request):
    """A JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the same missions."""
    links = index_page.full_links(request)
    items = []
    for mission in feed_missions(request):
        published = mission.first_published_at or mission.created_at
        items.append({
            "id": links.mission(mission),
            "url": links.mission(mission),
            "title": mission.title,
            "summary": mission.summary,
            "content_text": "\n\n".join(
                part for part in (mission.summary, strip_tags(mission.description).strip()) if part
            ),
            "date_published": published.isoformat(),
            "date_modified": (mission.last_published_at or published).isoformat(),
            "authors": [{"name": mission.association.name}],
            "tags": [skill.name for skill in mission.skill_list()],
        })
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed_title(request),
        "home_page_url": index_page.get_full_url(request),
        "feed_url": request.build_absolute_uri(),
        "description": index_page.intro or _("Les appels à compétences des associations."),
        "language": "fr",
        "items": items,
    }
    return HttpResponse(json.dumps(feed, ensure_ascii=False, indent=1),
                        content_type="application/feed+json; charset=utf-8")
