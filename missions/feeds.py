"""Feeds of open published missions: RSS 2.0, Atom 1.0 and JSON Feed 1.1 (routes `rss/`, `atom/`
and `json/` of MissionIndexPage).

They honour the list's filters (`/missions/rss/?competences=accessibilite` is the feed of the
accessibility missions). Anonymous GETs like these are served from the full-page cache
(`webassoc.page_cache`), which any content change invalidates. The three formats come from
`webassoc.feeds.PageFeed`; this module gives the missions, the title and what each item shows.
"""

from urllib.parse import urlencode

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from webassoc import plain_text
from webassoc.feeds import PageFeed

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


class MissionFeed(PageFeed):
    default_description = gettext_lazy("Les appels à compétences des associations.")
    keeps_query = True  # the list's filters choose the missions

    @cached_property
    def links(self):
        return self.index_page.full_links(self.request)

    def title(self):
        return feed_title(self.request)

    def items(self):
        return feed_missions(self.request)

    def item_url(self, item):
        return self.links.mission(item)

    def item_description(self, item):
        return item.summary

    def item_content_text(self, item):
        return "\n\n".join(part for part in (item.summary, plain_text.from_html(item.description)) if part)

    def item_pubdate(self, item):
        return item.first_published_at or item.created_at

    def item_author_name(self, item):
        return item.association.name

    def item_categories(self, item):
        return [skill.name for skill in item.skill_list()]


def feed_title(request):
    filters = MissionFilterForm(request.GET)
    skills = filters.filters()["skills"]
    if skills:
        return _("Missions Webassoc : %(skills)s") % {"skills": ", ".join(skill.name for skill in skills)}
    return _("Missions Webassoc")
