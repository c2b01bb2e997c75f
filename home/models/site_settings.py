from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from webassoc import fragments


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Footer, contact and sharing defaults, edited in Paramètres > Site."""

    tagline = models.CharField(
        _("signature"), max_length=150, blank=True,
        default="Le web solidaire et bénévole",
    )
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    contact_text = models.TextField(_("texte de contact"), blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    bluesky_url = models.URLField(_("Bluesky"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page des mentions légales"),
        null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page de politique de confidentialité"),
        null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page de déclaration d’accessibilité"),
        null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    default_meta_description = models.TextField(
        _("description par défaut"), blank=True,
        help_text=_("Utilisée pour les moteurs de recherche quand une page n’a pas la sienne."),
    )
    default_social_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image de partage par défaut"),
        null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )

    panels = [
        FieldPanel("tagline"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_text")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("instagram_url"),
            ],
            heading=_("Réseaux sociaux"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("legal_notice_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Pages légales"),
        ),
        MultiFieldPanel(
            [FieldPanel("default_meta_description"), FieldPanel("default_social_image")],
            heading=_("Partage et référencement"),
        ),
    ]

    select_related = [
        "legal_notice_page", "privacy_page", "accessibility_page", "default_social_image",
    ]

    class Meta:
        verbose_name = _("paramètres du site")
        verbose_name_plural = _("paramètres du site")

    @classmethod
    def for_site(cls, site):
        """The site's settings with their pages and image, read from the fragment cache (one
        query joining three pages and an image otherwise); saving them, or any content, bumps
        the generation its key holds (webassoc/fragments.py)."""
        if site is None:
            return super().for_site(site)
        return fragments.cached("site_settings", lambda: super(SiteSettings, cls).for_site(site), [site.pk])

    def social_links(self):
        candidates = [
            ("Mastodon", self.mastodon_url),
            ("LinkedIn", self.linkedin_url),
            ("Bluesky", self.bluesky_url),
            ("Instagram", self.instagram_url),
        ]
        return [(name, url) for name, url in candidates if url]

    def legal_pages(self):
        pages = [self.legal_notice_page, self.privacy_page, self.accessibility_page]
        return [page for page in pages if page is not None and page.live]
