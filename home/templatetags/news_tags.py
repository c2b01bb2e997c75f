import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

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


# French typography: no line break before "?", "!", ":", ";" or "»", nor after "«".
_BEFORE = re.compile(r"\s+([?!:;»])")
_AFTER = re.compile(r"(«)\s+")


@register.filter
def typo_fr(value):
    """The text, escaped, with non-breaking spaces where French typography wants them."""
    text = _BEFORE.sub("\u00a0\\1", str(conditional_escape(value)))
    return mark_safe(_AFTER.sub("\\1\u00a0", text))
