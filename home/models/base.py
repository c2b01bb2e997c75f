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

    def get_meta_description(self):
        return self.search_description
