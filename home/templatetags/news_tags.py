from django import template

from home.models import NewsIndexPage, NewsPage
from home.models.news import listing_queryset

register = template.Library()


@register.simple_tag
def latest_news(limit=3):
    """The `limit` latest live articles, with images and tags prefetched."""
    return list(listing_queryset(NewsPage.objects.all())[:limit])


@register.simple_tag
def news_index():
    return NewsIndexPage.objects.live().public().first()
