from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home import structured_data
from home.blocks import BaseStreamBlock, KeyFigureBlock

from .base import BasePage


class HomePage(BasePage):
    """The site root: hero, key figures, then editorial blocks and live sections."""
    search_kind = _("Accueil")  # in the site search

    hero_title = models.CharField(_("titre d’accroche"), max_length=150, blank=True)
    hero_text = models.TextField(_("texte d’accroche"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image d’accroche"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_label = models.CharField(_("texte du bouton principal"), max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page du bouton principal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())], verbose_name=_("chiffres clés"), blank=True
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)

    search_fields = BasePage.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
                FieldPanel("hero_cta_page"),
            ],
            heading=_("Accroche"),
        ),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("page d’accueil")
        verbose_name_plural = _("pages d’accueil")

    def figures(self):
        return [block.value for block in self.key_figures]

    def get_meta_title(self):
        """What a shared link to the home page shows as its title: the hero's line, not "Accueil"."""
        return self.hero_title or "Webassoc"

    def get_sitemap_urls(self, request=None):
        """The home page, then the site's pages that are views rather than pages: the skill alerts
        and the site map page."""
        from django.urls import reverse

        root = self.get_full_url(request)
        urls = super().get_sitemap_urls(request)
        if root is None:
            return urls
        site_root = root.rstrip("/")
        return [*urls, *({"location": site_root + reverse(name)} for name in ("alerts:subscribe", "sitemap_page"))]

    def structured_data(self, request):
        """JSON-LD: the organisation and the site, with its search (home/structured_data.py)."""
        from home.models.site_settings import SiteSettings

        return [structured_data.organization(request, SiteSettings.for_request(request)),
                structured_data.website(request)]


class StandardPage(BasePage):
    """About, FAQ, legal notice, privacy policy…"""
    search_kind = _("Page")  # in the site search

    intro = models.TextField(_("chapeau"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")

    meta_description_field = "intro"  # without an SEO description (BasePage.get_meta_description)
