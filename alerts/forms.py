"""Public forms of the alerts: subscribe (and change one's choices), wait for a course's next session."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from missions.enums import Cause, Commitment
from missions.models.skills import Skill, current_slugs
from webassoc.enums import Format
from webassoc.forms import ConsentField, PublicFormMixin, without_bidi_controls

from .enums import Frequency


class ChoicesForm(PublicFormMixin, forms.Form):
    """What someone wants to hear about (also the preferences page, without the address)."""

    skills = forms.ModelMultipleChoiceField(
        label=_("Compétences"), queryset=Skill.objects.order_by("name"), to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vous recevrez les missions qui demandent au moins une de ces compétences."),
    )
    format = forms.ChoiceField(label=_("Format"), required=False,
                               choices=[("", _("Tous les formats"))] + Format.choices)
    cause = forms.ChoiceField(label=_("Cause"), required=False,
                              choices=[("", _("Toutes les causes"))] + Cause.choices)
    commitment = forms.ChoiceField(label=_("Temps à consacrer"), required=False,
                                   choices=[("", _("Toutes les durées"))] + Commitment.choices)
    frequency = forms.ChoiceField(label=_("Fréquence"), choices=Frequency.choices, initial=Frequency.IMMEDIATE,
                                  widget=forms.RadioSelect)
    in_pool = forms.BooleanField(
        label=_("Je suis disponible : l’équipe peut me proposer une mission"), required=False,
        help_text=_("Si vous cochez cette case, vous rejoignez le vivier des bénévoles disponibles : "
                    "l’équipe pourra vous écrire pour vous proposer une mission qui vous correspond. "
                    "Vous pourrez en sortir à tout moment."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The community's vocabulary and the skills of open missions: not a skill typed by mistake
        # in a draft. The skills someone already chose stay offered (their preferences page).
        chosen = [skill.pk for skill in self.initial.get("skills") or [] if hasattr(skill, "pk")]
        self.fields["skills"].queryset = Skill.objects.filter(
            Q(curated=True) | Q(pk__in=Skill.objects.in_use_ids()) | Q(pk__in=chosen)
        ).order_by("name")


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(label=_("Votre adresse e-mail"), max_length=254)
    consent = ConsentField()

    field_order = ["email", "skills", "format", "cause", "commitment", "frequency", "in_pool", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class WaitForSessionForm(PublicFormMixin, forms.Form):
    email = forms.EmailField(label=_("Votre adresse e-mail"), max_length=254)
    consent = ConsentField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"


# The alert box of the mission list and skill pages posts `etape=preremplir` with the address and
# the skills: a first step that only pre-fills the subscribe form (the address never goes in a URL).
PREFILL_STEP = "preremplir"  # french_strings: keep


def is_prefill(request):
    """Whether this request is the alert box's first step (a POST pre-filling the form)."""
    return request.method == "POST" and request.POST.get("etape") == PREFILL_STEP


def initial_from_query(query, *, with_email=False):
    """The subscribe form's initial values: the skills (`?competences=a&competences=b`) and the
    format, cause and time filters (`format`, `cause`, `engagement`, as on the mission list) of a
    link or, `with_email`, those and the address posted by the alert box. An address is never
    read from a query string (it would sit in browser histories, server logs and Referer headers)."""
    slugs = [slug for slug in query.getlist("competences") if slug][:20]
    initial = {"skills": list(Skill.objects.filter(slug__in=current_slugs(slugs)))}  # former slugs too
    # The list's other filters, under their names on the list (an unknown value is left out).
    for field, name, choices in (("format", "format", Format), ("cause", "cause", Cause),
                                 ("commitment", "engagement", Commitment)):
        if query.get(name) in choices.values:
            initial[field] = query.get(name)
    if with_email:
        initial["email"] = without_bidi_controls(query.get("email", "")).strip()[:254]
    return initial
