"""The manifesto's public forms: sign, and ask for a new confirmation link."""

from django import forms
from django.utils.translation import gettext_lazy as _

from webassoc.forms import ConsentField, PublicFormMixin

from .models.signatures import Signature

INVALID_EMAIL = _("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.")


class SignatureForm(PublicFormMixin, forms.ModelForm):
    consent = ConsentField(
        label=_("J'accepte que Webassoc conserve ces informations pour compter ma signature et, si je "
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
            "profession": _("Par exemple : développeuse, UX designer, consultant SEO."),
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "profession": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }
        error_messages = {"email": {"invalid": INVALID_EMAIL}}

    def validate_unique(self):
        """Duplicates are answered politely by the service (and the link re-sent), not as an error."""


class ResendForm(PublicFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail utilisée pour signer"), max_length=254,
        error_messages={"invalid": INVALID_EMAIL},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
