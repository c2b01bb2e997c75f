from django import forms
from django.utils.translation import gettext_lazy as _

from webassoc.forms import ConsentField, PublicFormMixin

from .models import SessionMode


class RegistrationForm(PublicFormMixin, forms.Form):
    association_name = forms.CharField(label=_("Nom de l'association"), max_length=200,
                                       widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    contact_name = forms.CharField(label=_("Votre nom"), max_length=200,
                                   widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("Votre adresse e-mail"),
                             help_text=_("La confirmation et le lien d'annulation y seront envoyés."),
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = forms.CharField(label=_("Téléphone"), max_length=30, required=False,
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}))
    attendees = forms.IntegerField(label=_("Nombre de participants"), min_value=1, initial=1)
    message = forms.CharField(label=_("Message"), required=False, max_length=2000,
                              help_text=_("Vos attentes, une question, un besoin d'accessibilité…"),
                              widget=forms.Textarea(attrs={"rows": 4}))
    consent = ConsentField()

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        maximum = session.max_attendees_per_registration
        self.fields["attendees"] = forms.IntegerField(
            label=_("Nombre de participants"), min_value=1, max_value=maximum, initial=1,
            help_text=_("De 1 à %(max)s personnes de votre association.") % {"max": maximum},
            error_messages={
                "max_value": _("Une inscription compte au plus %(limit_value)s participants pour cette session."),
                "min_value": _("Indiquez au moins 1 participant."),
            },
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip()


class CatalogueFilterForm(forms.Form):
    """GET filters of the catalogue: bookmarkable, no JavaScript needed."""

    theme = forms.ChoiceField(label=_("Thème"), required=False)
    mode = forms.ChoiceField(
        label=_("Modalité"), required=False,
        choices=[("", _("Toutes"))] + list(SessionMode.choices),
    )

    def __init__(self, *args, skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Tous les thèmes"))] + [(s.slug, s.name) for s in skills]

