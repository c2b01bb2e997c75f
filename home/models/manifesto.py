"""The "Manifeste des 1000": a page with a signature form, and the signatures (double opt-in)."""

from django.contrib import admin
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock

from .base import BasePage


class ManifestoPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("chapeau"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("texte du manifeste"), blank=True)
    goal = models.PositiveIntegerField(
        _("objectif de signatures"), default=1000, validators=[MinValueValidator(1)]
    )
    form_intro = models.TextField(
        _("texte au-dessus du formulaire"), blank=True,
        default="Signez le manifeste : vous recevrez un e-mail pour confirmer votre signature.",
    )
    share_text = models.CharField(
        _("texte de partage"), max_length=200, blank=True,
        default="J'ai signé le Manifeste des 1000 pros du web solidaires. Et vous ?",
        help_text=_("Proposé dans les liens de partage (e-mail, Mastodon, Bluesky…)."),
    )
    signatures_per_page = 24

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("goal"), FieldPanel("form_intro"), FieldPanel("share_text")],
            heading=_("Signatures"),
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "home/manifesto_page.html"

    class Meta:
        verbose_name = _("page manifeste")
        verbose_name_plural = _("pages manifeste")

    def get_meta_description(self):
        return self.search_description or self.intro

    # The views live in home/manifesto_views.py, so this model stays a model.
    @path("")
    def index_route(self, request):
        from home import manifesto_views

        return manifesto_views.manifesto(self, request)

    @path("merci/", name="thanks")
    def thanks_route(self, request):
        from home import manifesto_views

        return manifesto_views.thanks(self, request)

    # The token travels in the query string: Wagtail's page URLs only allow [\w-] in a path
    # segment, and query strings never reach the access logs.
    @path("confirmer/", name="confirm")
    def confirm_route(self, request):
        from home import manifesto_views

        return manifesto_views.confirm(self, request, request.GET.get("jeton", "")[:200])

    @path("nouveau-lien/", name="resend")
    def resend_route(self, request):
        from home import manifesto_views

        return manifesto_views.resend(self, request)


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def visible(self):
        """Counted signatures: confirmed and not hidden by moderation."""
        return self.confirmed().filter(hidden_at__isnull=True)

    def public(self):
        """Shown in the list of signatories."""
        return self.visible().filter(show_publicly=True)


class Signature(models.Model):
    page = models.ForeignKey(
        ManifestoPage, verbose_name=_("manifeste"), on_delete=models.PROTECT, related_name="signatures"
    )
    first_name = models.CharField(_("prénom"), max_length=80)
    last_name = models.CharField(_("nom"), max_length=80)
    email = models.EmailField(_("adresse e-mail"), max_length=254)
    profession = models.CharField(_("métier"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    city = models.CharField(_("ville"), max_length=100, blank=True)
    # Opt-in: a name is published only if the signer ticks the box.
    show_publicly = models.BooleanField(_("nom affiché publiquement"), default=False)
    consent = models.BooleanField(_("consentement"), default=False)
    created_at = models.DateTimeField(_("signée le"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True, db_index=True)
    confirmation_sent_at = models.DateTimeField(_("lien envoyé le"), null=True, blank=True)
    hidden_at = models.DateTimeField(
        _("masquée le"), null=True, blank=True,
        help_text=_("Une signature masquée n'est ni comptée ni affichée, mais reste enregistrée."),
    )
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures du manifeste")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "page", name="home_signature_unique_email_per_page",
                violation_error_message=_("Cette adresse a déjà signé le manifeste."),
            ),
        ]
        indexes = [models.Index(fields=["page", "confirmed_at"], name="home_signature_page_conf")]

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    @admin.display(description=_("Nom"), ordering="last_name")
    def full_name(self):
        return str(self)

    @property
    def show_publicly_label(self):
        return _("Oui") if self.show_publicly else _("Non")

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    @property
    def status_label(self):
        if self.hidden_at:
            return _("Masquée")
        if self.confirmed_at:
            return _("Confirmée")
        return _("En attente de confirmation")

    def anonymise(self, save=True):
        """Forget who signed; the signature still counts (status and dates are kept)."""
        self.first_name = "Anonyme"
        self.last_name = ""
        self.email = f"anonyme-{self.pk}@anonyme.invalid"
        self.profession = ""
        self.organisation = ""
        self.city = ""
        self.show_publicly = False
        self.anonymised_at = timezone.now()
        if save:
            self.save()
