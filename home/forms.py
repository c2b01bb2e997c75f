"""The manifesto's public forms (sign, ask for a new confirmation link) and the admin login form
(throttled: home/login_throttle.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from webassoc.forms import ConsentField, PublicFormMixin

from . import login_throttle
from .models.signatures import Signature


class SignatureForm(PublicFormMixin, forms.ModelForm):
    consent = ConsentField(
        label=_("J’accepte que Webassoc conserve ces informations pour compter ma signature et, si je "
                "le choisis, afficher mon nom (voir la politique de confidentialité).")
    )

    class Meta:
        model = Signature
        fields = ["first_name", "last_name", "email", "profession", "organisation", "city",
                  "show_publicly", "consent"]
        labels = {
            "show_publicly": _("Afficher mon nom, mon métier et ma ville dans la liste des signataires"),
            "profession": _("Métier"),
        }
        help_texts = {
            "email": _("Nous vous enverrons un lien pour confirmer votre signature. Il ne sera jamais "
                       "affiché."),
            "profession": _("Par exemple : développeuse, UX designer, consultant SEO."),
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "profession": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }

    def validate_unique(self):
        """Duplicates are answered politely by the service (and the link re-sent), not as an error."""


class ResendForm(PublicFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail utilisée pour signer"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


LOGIN_LOCKED = _(
    "Trop de tentatives de connexion ont échoué pour ce compte ou depuis votre connexion. Par sécurité, "
    "la connexion est bloquée pendant 15 minutes, même avec le bon mot de passe. Réessayez plus tard, "
    "ou demandez à une personne qui gère les comptes de le débloquer (Paramètres › Comptes bloqués)."
)


class AdminLoginForm(LoginForm):
    """Wagtail's login form (settings.WAGTAILADMIN_USER_LOGIN_FORM), throttled per account and address."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if not (username and self.cleaned_data.get("password")):
            # A field left empty: no password is checked, so nothing is counted nor forgotten (an
            # empty password used to pass for a success and forget the account's failures).
            return super().clean()
        # Counted before the password is checked, so that parallel attempts cannot pass the limit.
        attempt = login_throttle.begin_attempt(self.request, username)
        if attempt is None:
            raise forms.ValidationError(LOGIN_LOCKED, code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError as error:
            if error.code != "invalid_login":
                login_throttle.not_a_failure(attempt)
            elif login_throttle.failed(attempt):
                raise forms.ValidationError(LOGIN_LOCKED, code="locked") from None
            raise
        login_throttle.forget_account(username)
        return cleaned
