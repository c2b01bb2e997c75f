"""RSS and Atom feeds of a news index (routes `rss/` and `atom/` of NewsIndexPage)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("%(title)s – Webassoc") % {"title": self.index_page.title}

    def link(self):
        return self.index_page.get_full_url(self.request)

    def feed_url(self):
        return self.request.build_absolute_uri(self.request.path)

    def description(self):
        return self.index_page.intro or _("Les actualités de Webassoc.")

    def subtitle(self):
        return self.description()

    def items(self):
        return list(self.index_page.news()[: self.index_page.feed_size])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        published = datetime.datetime.combine(item.date, datetime.time(9, 0))
        return timezone.make_aware(published)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
