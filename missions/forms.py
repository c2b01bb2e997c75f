"""Public forms of the missions pages: filters, application, association request."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from webassoc.forms import ConsentField, PublicFormMixin

from .models import (
    Application,
    Cause,
    MissionFormat,
    MissionRequest,
    MissionRequestStatus,
    Skill,
)

DUPLICATE_APPLICATION = _(
    "Vous avez déjà candidaté à cette mission avec cette adresse e-mail : merci ! "
    "L'équipe a bien votre candidature et reviendra vers vous."
)
DUPLICATE_REQUEST = _(
    "Nous avons déjà reçu cette demande avec cette adresse e-mail : merci ! "
    "L'équipe l'examine et reviendra vers vous."
)


class SkillCheckboxes(forms.CheckboxSelectMultiple):
    pass


class MissionFilterForm(forms.Form):
    """Filters of the mission list, sent in the query string (bookmarkable, no JavaScript)."""

    SORT_NEWEST = "recentes"
    SORT_DEADLINE = "echeance"

    q = forms.CharField(label=_("Mots-clés"), required=False, max_length=200)
    competences = forms.ModelMultipleChoiceField(
        label=_("Compétences"),
        queryset=Skill.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        widget=SkillCheckboxes,
        help_text=_("Les missions affichées demandent toutes les compétences cochées."),
    )
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("Tous les formats"))] + MissionFormat.choices
    )
    cause = forms.ChoiceField(
        label=_("Cause"), required=False, choices=[("", _("Toutes les causes"))] + Cause.choices
    )
    tri = forms.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=[(SORT_NEWEST, _("Les plus récentes")), (SORT_DEADLINE, _("Échéance la plus proche"))],
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)
        self.is_valid()  # fills cleaned_data with the valid filters; invalid ones are ignored

    def filters(self):
        data = self.cleaned_data
        return {
            "q": data.get("q") or "",
            "skills": list(data.get("competences") or []),
            "format": data.get("format") or "",
            "cause": data.get("cause") or "",
            "sort": data.get("tri") or self.SORT_NEWEST,
        }

    @property
    def is_filtered(self):
        return self.active_count > 0

    @property
    def active_count(self):
        """How many filters narrow the list (each checked skill counts)."""
        filters = self.filters()
        return len(filters["skills"]) + sum(bool(filters[key]) for key in ("q", "format", "cause"))


URL_INVALID = _("Saisissez une adresse web valide, par exemple https://exemple.fr")


def optional_url_field(label, help_text):
    """A web address people may type without "https://" (added for them)."""
    return forms.URLField(label=label, required=False, assume_scheme="https", max_length=200,
                          help_text=help_text, error_messages={"invalid": URL_INVALID})


class ApplicationForm(PublicFormMixin, forms.ModelForm):
    portfolio_url = optional_url_field(
        _("Portfolio ou profil LinkedIn"), _("Adresse complète, par exemple https://www.linkedin.com/in/votre-nom")
    )
    consent = ConsentField()

    class Meta:
        model = Application
        fields = ["name", "email", "skills", "message", "availability", "portfolio_url"]
        labels = {
            "name": _("Votre nom"),
            "email": _("Votre adresse e-mail"),
            "skills": _("Vos compétences pour cette mission"),
            "message": _("Votre message"),
            "availability": _("Vos disponibilités"),
        }
        help_texts = {
            "message": _("Présentez-vous et dites ce que vous aimeriez apporter à l'association."),
            "availability": _("Par exemple : « 3 heures par semaine jusqu'en juin »."),
        }
        widgets = {
            "skills": forms.CheckboxSelectMultiple,
            "message": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, mission=None, **kwargs):
        self.mission = mission
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = Skill.objects.order_by("name")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["portfolio_url"].widget.attrs["autocomplete"] = "url"

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        duplicates = Application.objects.filter(mission=self.mission, email=email)
        if self.mission is not None and duplicates.exists():
            raise forms.ValidationError(DUPLICATE_APPLICATION, code="duplicate")
        return email

    def validate_unique(self):
        pass  # the mission is not a form field: duplicates are checked in clean_email


class MissionRequestForm(PublicFormMixin, forms.ModelForm):
    website = optional_url_field(
        _("Site web de l'association"), _("Adresse complète, par exemple https://mon-association.fr")
    )
    consent = ConsentField()

    class Meta:
        model = MissionRequest
        fields = [
            "association_name", "cause", "website", "city", "contact_name", "email", "phone",
            "title", "description", "skills", "format", "deadline",
        ]
        labels = {
            "association_name": _("Nom de l'association"),
            "contact_name": _("Votre nom"),
            "email": _("Votre adresse e-mail"),
            "phone": _("Votre téléphone"),
            "title": _("Votre besoin en une phrase"),
            "description": _("Décrivez votre besoin"),
            "skills": _("Compétences recherchées"),
            "deadline": _("Échéance souhaitée"),
        }
        help_texts = {
            "description": _("Le contexte, ce que vous attendez des bénévoles, le temps à y consacrer."),
            "skills": _("Cochez celles qui vous semblent utiles ; l'équipe complétera si besoin."),
            "deadline": _("Au format jj/mm/aaaa, facultatif."),
        }
        widgets = {
            "skills": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 8}),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = Skill.objects.order_by("name")
        self.fields["deadline"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        if deadline and deadline < timezone.localdate():
            raise forms.ValidationError(
                _("L'échéance souhaitée est déjà passée : indiquez une date à venir, ou laissez le champ vide."),
                code="past_deadline",
            )
        return deadline

    def clean(self):
        cleaned = super().clean()
        email, title = cleaned.get("email"), cleaned.get("title")
        if email and title and MissionRequest.objects.filter(
            email=email, title__iexact=title.strip(), status=MissionRequestStatus.NOUVELLE
        ).exists():
            raise forms.ValidationError(DUPLICATE_REQUEST, code="duplicate")
        return cleaned
