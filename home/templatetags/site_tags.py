import datetime

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from webassoc import fragments, typography

register = template.Library()

# French typography (apostrophes, non-breaking spaces) for titles and rich text: `{{ page.title|typo_fr }}`,
# `{{ page.body_html|richtext|typo_fr }}`. Plain text is escaped first; tags and attributes never change.
register.filter("typo_fr", typography.typo_fr)
# A moment as French readers write it: `{{ step.at|french_datetime }}` → "3 mars 2026 à 9 h 30"
# (optional day format: `|french_datetime:"d/m/Y"`); a time alone: `{{ lock.until|french_time }}`.
# A name after "de": `{% blocktranslate with name=association.name|with_de %}À propos {{ name }}`
# gives "À propos des Pousses", "À propos d’Eau Claire" (webassoc.typography.with_de).
register.filter("with_de", typography.with_de)
register.filter("after_colon", typography.after_colon)
# A day with "1er" for the first of a month: `{{ page.date|french_date }}` → "1er mars 2026".
register.filter("french_date", typography.french_date)


@register.filter
def french_datetime(value, day="j F Y"):
    return typography.french_datetime(value, day) if value else ""


@register.filter
def french_time(value):
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return typography.french_time(value)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live pages under the site root marked "show in menus", with the current one flagged."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_main_menu", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    items = []
    if site is not None:
        current = context.get("page")
        current_path = getattr(current, "path", "")
        home = site.root_page
        items = list(home.get_children().live().in_menu().only("id", "title", "url_path", "path", "depth"))
        for item in items:
            item.is_current = bool(current_path) and current_path.startswith(item.path)
    request._main_menu = items
    return items


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context):
    """<meta> description, canonical URL and Open Graph tags for the current page."""
    request = context.get("request")
    page = context.get("page")
    site_settings = None
    if request is not None:
        from home.models import SiteSettings

        site_settings = SiteSettings.for_request(request)
    description = ""
    image = None
    title = ""
    if page is not None and isinstance(page, Page):
        getter = getattr(page, "get_meta_description", None)
        description = (getter() if getter else page.search_description) or ""
        image_getter = getattr(page, "get_social_image", None)
        image = image_getter() if image_getter else getattr(page, "social_image", None)
        title_getter = getattr(page, "get_meta_title", None)
        title = page.seo_title or (title_getter() if title_getter else page.title)
    description = context.get("meta_description") or description
    if not description and site_settings is not None:
        description = site_settings.default_meta_description
    if image is None and site_settings is not None:
        image = site_settings.default_social_image
    rendition = social_rendition(image) if image is not None else None
    return {
        "rendition": rendition,
        "image_url": request.build_absolute_uri(rendition["url"]) if rendition and request else "",
        "title": context.get("meta_title") or title or _("Webassoc"),
        "description": description,
        "canonical": request.build_absolute_uri(request.path) if request is not None else "",
        "og_type": context.get("og_type") or getattr(page, "og_type", "website"),
        "published_time": getattr(page, "og_published_time", lambda: "")() if page is not None else "",
    }


def social_rendition(image):
    """URL and size of the image's sharing rendition (Wagtail looks it up, then writes it to the
    cache, on every call: cached here per content generation)."""
    def find():
        rendition = image.get_rendition("fill-1200x630")
        return {"url": rendition.url, "width": rendition.width, "height": rendition.height}
    return fragments.cached("social_rendition", find, [image.pk, image.file_hash])


@register.filter
def elided_page_range(page_obj):
    """Page numbers around the current page (Django centres on page 1 when given no number)."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def privacy_policy_url(context):
    """URL of the privacy policy chosen in the site settings ("" when none is set)."""
    request = context.get("request")
    if request is None:
        return ""
    from home.models import SiteSettings

    page = SiteSettings.for_request(request).privacy_page
    return page.get_url(request) if page else ""


@register.tag("cachedfragment")
def cached_fragment(parser, token):
    """{% cachedfragment "name" value… %}…{% endcachedfragment %}: rendered once per content
    generation, day, host and values (webassoc.fragments). Only for what every visitor sees alike."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% cachedfragment %} needs a fragment name.")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, parser.compile_filter(bits[1]),
                              [parser.compile_filter(bit) for bit in bits[2:]])


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        return fragments.cached(
            self.name.resolve(context),
            lambda: self.nodelist.render(context),
            [value.resolve(context) for value in self.vary_on],
            context.get("request"),
        )


@register.simple_tag
def manifesto_page():
    """The live manifesto page (for links from other pages), or None."""
    from home.models import ManifestoPage

    return ManifestoPage.objects.live().first()
