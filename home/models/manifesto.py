"""The "Manifeste des 1000": a page with a signature form; its routes are the manifesto's views.

Signatures are confirmed by email (double opt-in): see home/services.py.
"""

from django.contrib import messages
from django.core.validators import MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from home import services
from home.blocks import BaseStreamBlock
from home.forms import ResendForm, SignatureForm
from home.sharing import share_links
from webassoc import signed_links
from webassoc.errors import TryAgainLater
from webassoc.forms import form_response
from webassoc.pagination import page_number

from .base import BasePage

SIGNATURES_PER_HOUR = 10  # per client address
NEW_LINKS_PER_HOUR = 5


class ManifestoPage(RoutablePageMixin, BasePage):
    search_kind = _("Manifeste")  # in the site search
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

    meta_description_field = "intro"  # without an SEO description (BasePage.get_meta_description)

    def signing_context(self, request, form):
        """The counter, the signatories and the share links shown around the signature form."""
        count = services.signature_count(self)
        url = self.get_full_url(request)
        return {
            "form": form,
            "signature_count": count,
            "goal": self.goal,
            "progress_value": min(count, self.goal),
            "progress_percent": min(100, round(count * 100 / self.goal)) if self.goal else 100,
            "signatories": services.public_signatories(self, page_number(request)),
            "share_links": share_links(url=url, text=self.share_text or self.title, subject=self.title),
            "share_url": url,
        }

    @path("")
    def index_route(self, request):
        form = SignatureForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.accept(request, scope="manifesto-sign", limit=SIGNATURES_PER_HOUR):
            try:  # an address that signed already gets the same answer (its email explains)
                services.sign(self, **form.submitted())
            except TryAgainLater as error:
                form.add_domain_error(error)
            else:
                return redirect(self.url + self.reverse_subpage("thanks"))
        response = self.render(request, context_overrides=self.signing_context(request, form))
        return form_response(request, response, form.http_status)  # 200 with errors, like every form

    @path("merci/", name="thanks")
    def thanks_route(self, request):
        return self.render(request, template="home/manifesto_thanks.html",
                           context_overrides={"link_days": services.CONFIRM.days})

    # The token travels in the query string (`?jeton=`): Wagtail's page URLs only allow [\w-] in a
    # path segment; the access logs mask it (webassoc.observability).
    @path("confirmer/", name="confirm")
    def confirm_route(self, request):
        return signed_links.confirmation_response(
            request, check=lambda token: services.check_token(self, token),
            confirm=lambda token: services.confirm(self, token),
            success=_("Merci ! Votre signature est confirmée : elle compte désormais."),
            redirect_to=lambda signature: self.url + "#signataires",
            render=lambda signature, error, token: self.render(  # shows the signer's name: never cached
                request, template="home/manifesto_confirm.html", context_overrides={
                    "signature": signature, "error": error, "resend_form": ResendForm(),
                }),
        )

    @path("nouveau-lien/", name="resend")
    def resend_route(self, request):
        form = ResendForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.accept(request, scope="manifesto-resend", limit=NEW_LINKS_PER_HOUR):
            services.resend_confirmation(self, email=form.cleaned_data["email"])
            # The same answer whoever asks, so the form does not reveal who signed.
            days = services.CONFIRM.days
            messages.info(request, ngettext(
                "Si une signature non confirmée correspond à cette adresse, un nouveau lien de "
                "confirmation vient d’y être envoyé. Il est valable %(days)s jour. Pour éviter les abus, une "
                "même adresse reçoit au plus un e-mail toutes les 10 minutes.",
                "Si une signature non confirmée correspond à cette adresse, un nouveau lien de "
                "confirmation vient d’y être envoyé. Il est valable %(days)s jours. Pour éviter les abus, une "
                "même adresse reçoit au plus un e-mail toutes les 10 minutes.",
                days,
            ) % {"days": days})
            return redirect(self.url + self.reverse_subpage("resend"))
        response = self.render(request, template="home/manifesto_resend.html",
                               context_overrides={"resend_form": form})
        return form_response(request, response, form.http_status)
