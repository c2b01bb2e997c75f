"""What every page of the site shares: SEO fields and a social sharing image."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class BasePage(Page):
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de partage"),
        help_text=_("Image montrée quand la page est partagée (1200×630 idéalement)."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, _("Référencement et menus")),
        FieldPanel("social_image"),
    ]

    class Meta:
        abstract = True

    # The field that describes the page to search engines and in shares when its SEO description
    # (`search_description`) is empty: "intro" on most pages, a course's "summary".
    meta_description_field = ""

    def get_meta_description(self):
        fallback = getattr(self, self.meta_description_field) if self.meta_description_field else ""
        return self.search_description or fallback

    def breadcrumb_ancestors(self):
        """The breadcrumb of the routes below this page (a mission, a skill, the manifesto's "merci"):
        its ancestors and the page itself, without the tree's root. Lazy: the breadcrumb is a
        cached fragment, so the query runs only when it is rendered."""
        return self.get_ancestors(inclusive=True).filter(depth__gt=1)
