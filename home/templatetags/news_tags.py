"""Template tags of the news: the latest articles, the index, an article's card, French typography."""

from django import template
from django.template.defaultfilters import urlencode

from home.models import NewsIndexPage, NewsPage
from home.models.news import listing_queryset
from webassoc import typography

register = template.Library()


@register.simple_tag
def latest_news(limit=3):
    """The `limit` latest live articles, with images and tags prefetched."""
    return list(listing_queryset(NewsPage.objects.all())[:limit])


@register.simple_tag
def news_index():
    return NewsIndexPage.objects.live().public().first()


@register.inclusion_tag("components/card.html", takes_context=True)
def news_card(context, item, heading_level=3, tag_base_url=""):
    """An article as the site's card; its tags link to the index filtered by tag when
    `tag_base_url` (the index URL) is given. `item` comes from a listing_queryset()."""
    return {
        "title": item.title,
        "url": item.get_url(request=context.get("request")),
        "heading_level": heading_level,
        "kicker_date": item.date,
        "text": item.intro,
        "image": item.listing_image,
        "tags": [
            {"name": tag.name, "url": f"{tag_base_url}?tag={urlencode(tag.slug)}" if tag_base_url else ""}
            for tag in item.tags.all()
        ],
        "modifier": "news-card",
    }


# The site's French typography filter, also loadable from here (the manifesto's templates do).
register.filter("typo_fr", typography.typo_fr)
