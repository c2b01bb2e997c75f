"""Associations helped by the community (a snippet)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from missions.enums import Cause


class Association(index.Indexed, models.Model):
    name = models.CharField(_("nom"), max_length=200, unique=True)
    cause = models.CharField(_("cause"), max_length=20, choices=Cause.choices, default=Cause.SOLIDARITY)
    website = models.URLField(_("site web"), blank=True)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    description = models.TextField(_("description courte"), blank=True, max_length=1000)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(
        _("nom du contact"), max_length=200, blank=True,
        help_text=_("Jamais affiché sur le site public."),
    )
    contact_email = models.EmailField(
        _("e-mail du contact"), blank=True,
        help_text=_("Adresse proposée par défaut pour les missions de cette association. "
                    "Jamais affichée sur le site public."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("cause"),
        FieldPanel("city"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("cause"),
    ]

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]

    def __str__(self):
        return self.name
