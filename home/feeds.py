"""RSS and Atom feeds of a news index (routes `rss/` and `atom/` of NewsIndexPage)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from webassoc.feeds import PageFeed


class NewsFeed(PageFeed):
    default_description = gettext_lazy("Les actualités de Webassoc.")

    def title(self):
        return _("%(title)s – Webassoc") % {"title": self.index_page.title}

    def items(self):
        return list(self.index_page.news()[: self.index_page.feed_size])

    def item_url(self, item):
        return item.get_full_url(self.request)

    def item_description(self, item):
        return item.intro

    def item_pubdate(self, item):
        published = datetime.datetime.combine(item.date, datetime.time(9, 0))
        return timezone.make_aware(published)

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
