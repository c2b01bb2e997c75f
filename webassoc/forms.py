"""Pieces every public form of the site uses."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "site_web_entreprise"
REQUIRED = _("Ce champ est obligatoire.")


class HoneypotMixin:
    """Adds a field people never see; bots that fill it in are refused.

    The field is rendered off-screen by `components/honeypot.html`, hidden from
    assistive technologies and out of the tab order.
    """

    honeypot_field = HONEYPOT_FIELD

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # Django's French default is a terse "Champ requis."
            if str(field.error_messages.get("required")) == str(forms.Field.default_error_messages["required"]):
                field.error_messages["required"] = REQUIRED
        self.fields[self.honeypot_field] = forms.CharField(
            required=False,
            label=_("Laissez ce champ vide"),
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(self.honeypot_field):
            raise forms.ValidationError(
                _("Votre envoi ressemble à celui d'un robot et n'a pas été enregistré."),
                code="spam",
            )
        return cleaned

    @property
    def visible_fields_without_honeypot(self):
        return [field for field in self.visible_fields() if field.name != self.honeypot_field]

    @property
    def honeypot(self):
        return self[self.honeypot_field]


class ConsentField(forms.BooleanField):
    def __init__(self, *, label=None, **kwargs):
        super().__init__(
            required=True,
            label=label or _("J'accepte que mes données soient utilisées pour traiter ma demande, "
                             "conformément à la politique de confidentialité."),
            error_messages={"required": _("Votre accord est nécessaire pour envoyer ce formulaire.")},
            **kwargs,
        )
        # Shown in the error summary instead of the whole sentence; the field links to the policy.
        self.summary_label = _("Consentement")
        self.links_privacy_policy = True
