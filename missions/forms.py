"""Public forms of the missions pages: filters, application, association request."""

from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.utils import get_user_display_name

from webassoc.enums import WITH_A_PLACE, Format
from webassoc.forms import ConsentField, PublicFormMixin

from .enums import Cause, Commitment, MissionSort, Urgency
from .models.applications import Application, MissionRequest  # not .models: its pages module imports this one
from .models.skills import Skill, current_slugs

MAX_CHOSEN_SKILLS = 20


@dataclass(frozen=True)
class ActiveFilter:
    """One filter narrowing the mission list, with the list's URL without it (a chip, a hint)."""

    label: str  # the filter's name: "Lieu"
    value: str  # what it keeps: "Marseille", "Sur place"
    without: str  # "sans le lieu « Marseille »"
    url: str  # the list with every other filter, this one removed

    @property
    def remove_label(self):
        """The accessible name of the link removing it: "Retirer le filtre Lieu : Marseille"."""
        return gettext("Retirer le filtre %(label)s : %(value)s") % {"label": self.label, "value": self.value}


class MissionFilterForm(forms.Form):
    """Filters of the mission list, sent in the query string (bookmarkable, no JavaScript)."""

    q = forms.CharField(label=_("Mots-clés"), required=False, max_length=200)
    competences = forms.ModelMultipleChoiceField(
        label=_("Compétences"),
        queryset=Skill.objects.none(),  # set per form: the skills of missions one can apply to today
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Les missions affichées demandent toutes les compétences cochées."),
    )
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("Tous les formats"))] + Format.choices
    )
    cause = forms.ChoiceField(
        label=_("Cause"), required=False, choices=[("", _("Toutes les causes"))] + Cause.choices
    )
    engagement = forms.ChoiceField(
        label=_("Temps à consacrer"), required=False,
        choices=[("", _("Toutes les durées"))] + Commitment.choices,
    )
    lieu = forms.CharField(
        label=_("Lieu"), required=False, max_length=100,
        help_text=_("Ville ou numéro de département, par exemple « Lyon » ou « 69 ». "
                    "Les missions à distance restent affichées."),
    )
    tri = forms.ChoiceField(label=_("Trier par"), required=False, choices=MissionSort.choices)

    # Filters whose options show how many missions they would list, and their key in facet_counts().
    COUNTED = {"format": "format", "cause": "cause", "engagement": "commitment"}

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)
        self.offer_skills()
        self.is_valid()  # fills cleaned_data with the valid filters; invalid ones are ignored
        # A skill's former slug (merged, renamed) in a bookmark or a feed URL still filters. Looked up
        # only when a chosen slug is unknown: the usual list costs no query for it.
        if "competences" in self.errors and hasattr(self.data, "getlist"):
            slugs = self.data.getlist("competences")
            moved = current_slugs(slugs[:MAX_CHOSEN_SKILLS]) + slugs[MAX_CHOSEN_SKILLS:]
            if moved != slugs:
                self.data = self.data.copy()
                self.data.setlist("competences", moved)
                self.offer_skills()
                self._errors = None
                self.is_valid()

    def offer_skills(self):
        """Skills of missions one can apply to today, plus those chosen (a bookmark keeps its filter)."""
        chosen = self.data.getlist("competences") if hasattr(self.data, "getlist") else []
        self.fields["competences"].queryset = Skill.objects.filter(
            Q(pk__in=Skill.objects.in_use_ids()) | Q(slug__in=chosen[:MAX_CHOSEN_SKILLS])
        ).order_by("name")

    def filters(self):
        """The valid filters, as keyword arguments of MissionQuerySet.matching()."""
        data = self.cleaned_data
        return {
            "q": data.get("q") or "",
            "skills": list(data.get("competences") or []),
            "format": data.get("format") or "",
            "cause": data.get("cause") or "",
            "commitment": data.get("engagement") or "",
            "place": (data.get("lieu") or "").strip(),
            "sort": data.get("tri") or MissionSort.NEWEST,
        }

    def show_counts(self, counts):
        """Write each option's number of missions (MissionQuerySet.facet_counts()) in its label."""
        skills = counts["skills"]
        self.fields["competences"].label_from_instance = (
            lambda skill: f"{skill.name} ({skills.get(skill.pk, 0)})"
        )
        for name, key in self.COUNTED.items():
            field = self.fields[name]
            field.choices = [
                (value, f"{label} ({counts[key].get(value, 0)})" if value else label)
                for value, label in field.choices
            ]

    # How a hint names the list without one filter.
    WITHOUT = {
        "q": _("sans les mots-clés « %(value)s »"),
        "competences": _("sans la compétence « %(value)s »"),
        "format": _("sans le format « %(value)s »"),
        "cause": _("sans la cause « %(value)s »"),
        "engagement": _("sans la durée « %(value)s »"),
        "lieu": _("sans le lieu « %(value)s »"),
    }

    def active_filters(self, index_url):
        """The valid filters narrowing the list, in the form's order (each checked skill is one),
        each with the URL of the list without it (other filters and the sort kept, page 1).
        Reads only what is already known: no query."""
        filters = self.filters()
        shown = [("q", filters["q"], filters["q"])]
        shown += [("competences", skill.slug, skill.name) for skill in filters["skills"]]
        shown += [
            ("format", filters["format"], Format(filters["format"]).label if filters["format"] else ""),
            ("cause", filters["cause"], Cause(filters["cause"]).label if filters["cause"] else ""),
            ("engagement", filters["commitment"],
             Commitment(filters["commitment"]).label if filters["commitment"] else ""),
            ("lieu", filters["place"], filters["place"]),
        ]
        return [
            ActiveFilter(
                label=str(self.fields[name].label), value=str(label),
                without=self.WITHOUT[name] % {"value": label},
                url=self._url_without(index_url, name, value if name == "competences" else None),
            )
            for name, value, label in shown if value
        ]

    def _url_without(self, index_url, name, value=None):
        """The list's URL with this form's parameters but `name` (or only its `value`)."""
        query = QueryDict(mutable=True)
        for key in self.fields:
            values = self.data.getlist(key) if hasattr(self.data, "getlist") else []
            if key == name:
                values = [v for v in values if value is not None and v != value]
            values = [v for v in values if v.strip()]
            if values:
                query.setlist(key, values)
        return f"{index_url}?{query.urlencode()}" if query else index_url

    @property
    def is_filtered(self):
        return self.active_count > 0

    @property
    def active_count(self):
        """How many filters narrow the list (each checked skill counts)."""
        filters = self.filters()
        return len(filters["skills"]) + sum(
            bool(filters[key]) for key in ("q", "format", "cause", "commitment", "place")
        )


class CoordinatorChoiceField(forms.ModelChoiceField):
    """A member of the mission team, shown by name: the mission coordinators and administrators
    (and whoever holds the role already, so that an existing choice is never lost)."""

    def __init__(self, *, current_id=None, **kwargs):
        from django.contrib.auth import get_user_model

        from home.roles import MISSION_COORDINATORS

        current = Q(pk=current_id) if current_id else Q(pk__in=[])
        users = get_user_model().objects.filter(
            Q(is_active=True) & (Q(is_superuser=True) | Q(groups__name=MISSION_COORDINATORS)) | current
        ).distinct().order_by("first_name", "last_name", "username")
        super().__init__(queryset=users, required=False, **kwargs)

    def label_from_instance(self, user):
        return get_user_display_name(user)


class MissionAdminForm(WagtailAdminModelForm):
    """The mission's admin form: a skill typed by one of its synonyms ("SEO") is the skill itself
    ("Search"), not a new skill; the coordinator is chosen among the mission coordinators (and
    administrators), by name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("coordinator")
        if field is not None:
            self.fields["coordinator"] = CoordinatorChoiceField(
                current_id=self.instance.coordinator_id, label=field.label, help_text=field.help_text,
            )

    def clean_skills(self):
        names = self.cleaned_data.get("skills") or []
        skills = list(Skill.objects.all())
        resolved = []
        for name in names:
            skill = next((s for s in skills if s.name.lower() == name.lower()), None) or next(
                (s for s in skills if s.answers_to(name)), None
            )
            resolved.append(skill.name if skill else name)
        return list(dict.fromkeys(resolved))


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
            "message": _("Présentez-vous et dites ce que vous aimeriez apporter à l’association."),
            "availability": _("Par exemple : « 3 heures par semaine jusqu’en juin »."),
        }
        widgets = {
            "skills": forms.CheckboxSelectMultiple,
            "message": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, mission, **kwargs):
        super().__init__(*args, **kwargs)
        # The skills this mission asks for, and only those: they tell the team which of them the
        # volunteer brings (every skill in use made a long list, mostly beside the point). None
        # asked: no question.
        asked = sorted({tagged.tag_id for tagged in mission.tagged_items.all()})
        if asked:
            self.fields["skills"].queryset = Skill.objects.filter(pk__in=asked).order_by("name")
        else:
            del self.fields["skills"]
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["portfolio_url"].widget.attrs["autocomplete"] = "url"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class TelInput(forms.TextInput):
    """A phone number: the numeric keypad on phones (Django has no widget for it)."""

    input_type = "tel"


class MissionRequestForm(PublicFormMixin, forms.ModelForm):
    # Required (the model has no blank cause), with an empty first choice: an association that
    # skips it is asked, never filed under the first cause of the list.
    cause = forms.ChoiceField(label=_("Cause"), choices=[("", _("— Choisissez —")), *Cause.choices])
    website = optional_url_field(
        _("Site web de l’association"), _("Adresse complète, par exemple https://mon-association.fr")
    )
    consent = ConsentField()

    class Meta:
        model = MissionRequest
        fields = [
            "association_name", "cause", "website", "contact_name", "email", "phone",
            "title", "description", "skills", "format", "city", "deadline",
        ]  # the format first: it says whether the town is needed
        labels = {
            "association_name": _("Nom de l’association"),
            "contact_name": _("Votre nom"),
            "email": _("Votre adresse e-mail"),
            "phone": _("Votre téléphone"),
            "title": _("Votre besoin en une phrase"),
            "description": _("Décrivez votre besoin"),
            "skills": _("Compétences recherchées"),
            "deadline": _("Échéance souhaitée"),
        }
        help_texts = {
            "city": _("Obligatoire si la mission se fait sur place, même en partie."),
            "description": _("Le contexte, ce que vous attendez des bénévoles, le temps à y consacrer."),
            "skills": _("Cochez celles qui vous semblent utiles ; l’équipe complétera si besoin."),
            "deadline": _("Au format jj/mm/aaaa, facultatif."),
        }
        widgets = {
            "skills": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 8}),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "phone": TelInput,
        }

    # What the browser may fill in about the person typing (HTML autocomplete tokens, WCAG 1.3.5);
    # the association's website and city are not the person's own, so they get none.
    AUTOCOMPLETE = {"association_name": "organization", "contact_name": "name", "email": "email", "phone": "tel"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = Skill.objects.curated().order_by("name")  # the community's vocabulary
        self.fields["deadline"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        for name, token in self.AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = token

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("format") in WITH_A_PLACE and not cleaned.get("city", "").strip() and "city" not in self.errors:
            message = (_("Indiquez la ville, puisque la mission se fait sur place.") if cleaned["format"] == Format.ON_SITE
                       else _("Indiquez la ville, puisque la mission se fait en partie sur place."))
            self.add_error("city", forms.ValidationError(message, code="city_needed"))
        return cleaned

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        if deadline and deadline < timezone.localdate():
            raise forms.ValidationError(
                _("Cette date est déjà passée ; indiquez une date à venir ou laissez le champ vide."),
                code="past_deadline",
            )
        return deadline


class HelpRequestForm(PublicFormMixin, forms.Form):
    """"J'ai besoin de l'aide de l'équipe", from the check-in email's signed link."""

    description = forms.CharField(
        label=_("Que se passe-t-il ?"), max_length=4000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Quelques lignes suffisent. L’autre partie n’en est pas informée : l’équipe vous répond d’abord."),
    )
    urgency = forms.ChoiceField(
        label=_("Est-ce urgent ?"), choices=Urgency.choices, initial=Urgency.MEDIUM, widget=forms.RadioSelect,
    )


RATINGS = [
    ("5", _("5 – Excellent")), ("4", _("4 – Bien")), ("3", _("3 – Correct")), ("2", _("2 – Décevant")),
    ("1", _("1 – Très décevant")),
]


class FeedbackForm(PublicFormMixin, forms.Form):
    """The one question after a mission (1–5) and an optional comment."""

    rating = forms.TypedChoiceField(
        label=_("Comment s’est passée la mission ?"), choices=RATINGS, coerce=int, widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Un commentaire ? (facultatif)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Lu par l’équipe de coordination seulement."),
    )
