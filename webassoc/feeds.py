"""The feeds of an index page (news, missions): RSS 2.0, Atom 1.0 and JSON Feed 1.1 from one class.

An app subclasses `PageFeed` and gives only what is its own: the items, the feed's title, and per
item its URL, summary, dates, author and categories. Routes call it with their kind of feed:
`NewsFeed(self)(request)`, `MissionFeed(self, "atom")(request)`, `MissionFeed(self, "json")(request)`.
Anonymous GETs of a feed are served from the full-page cache (`webassoc.page_cache`) like any page.

Every text a reader sees (titles, descriptions, author names, categories) gets French typography
here, in all three formats, with `french_text`: subclasses return the text as stored.
"""

import json

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from webassoc.typography import french_text

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# Kind of feed → Django's generator (None: JSON Feed, written by PageFeed.json_response).
FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed, "json": None}
# What people read, in Django's feed and item dicts and in JSON Feed (never the links nor ids).
FEED_TEXT = ("title", "description", "subtitle", "author_name", "categories")
ITEM_TEXT = ("title", "description", "author_name", "categories")
JSON_TEXT = ("title", "summary", "content_text", "description", "name", "tags")


def typographed(value):
    """`value` (a text, or a list of texts) with French typography; anything else as it is."""
    if isinstance(value, str):
        return french_text(value)
    if isinstance(value, list | tuple):
        return [typographed(item) for item in value]
    return value


def typographed_fields(data, keys):
    """`data` (a dict) with French typography on the values of `keys`, at any depth."""
    for key, value in data.items():
        if key in keys:
            data[key] = typographed(value)
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    typographed_fields(item, keys)
    return data


class PageFeed(Feed):
    """A feed of `index_page`, built for one request (an instance per call, like the route).

    Subclasses define `title()`, `items()`, `item_url(item)`, `item_description(item)`,
    `item_pubdate(item)`, and may define `item_author_name(item)`, `item_categories(item)`,
    `item_content_text(item)` (JSON Feed; the description by default), `default_description`
    (gettext_lazy: when the index has no intro) and `keeps_query` (the query string selects the items, so it
    belongs to the feed's own URL)."""

    default_description = ""
    keeps_query = False

    def __init__(self, index_page, kind="rss"):
        super().__init__()
        self.index_page = index_page
        self.kind = kind
        self.feed_type = FEED_TYPES[kind]

    def __call__(self, request, *args, **kwargs):
        self.request = request
        if self.kind == "json":
            return self.json_response()
        return super().__call__(request, *args, **kwargs)

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        typographed_fields(feed.feed, FEED_TEXT)
        for item in feed.items:
            typographed_fields(item, ITEM_TEXT)
        return feed

    # --- the feed -------------------------------------------------------------------------------

    def link(self):
        return self.index_page.get_full_url(self.request)

    def feed_url(self):
        return self.request.build_absolute_uri(None if self.keeps_query else self.request.path)

    def description(self):
        return self.index_page.intro or str(self.default_description)  # a gettext_lazy class attribute

    def subtitle(self):
        return self.description()

    # --- each item ------------------------------------------------------------------------------

    def item_url(self, item):
        raise NotImplementedError

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return self.item_url(item)

    def item_guid(self, item):
        return self.item_url(item)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return None

    def item_categories(self, item):
        return []

    def item_content_text(self, item):
        return self.item_description(item)

    # --- JSON Feed 1.1 (https://jsonfeed.org/version/1.1) ---------------------------------------

    def json_item(self, item):
        url, published = self.item_url(item), self.item_pubdate(item)
        entry = {
            "id": url,
            "url": url,
            "title": self.item_title(item),
            "summary": self.item_description(item),
            "content_text": self.item_content_text(item),
            "date_published": published.isoformat(),
            "date_modified": self.item_updateddate(item).isoformat(),
        }
        author = self.item_author_name(item)
        if author:
            entry["authors"] = [{"name": author}]  # 1.1: "authors" only, never "author"
        entry["tags"] = self.item_categories(item)
        return entry

    def json_response(self):
        feed = {
            "version": JSON_FEED_VERSION,
            "title": self.title(),
            "home_page_url": self.link(),
            "feed_url": self.feed_url(),
            "description": self.description(),
            "language": "fr",
            "items": [self.json_item(item) for item in self.items()],
        }
        return HttpResponse(json.dumps(typographed_fields(feed, JSON_TEXT), ensure_ascii=False, indent=1),
                            content_type="application/feed+json; charset=utf-8")
