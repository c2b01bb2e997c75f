"""Public forms of the training catalogue: registering for a session, filtering the catalogue."""

from types import SimpleNamespace

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from missions.models.skills import current_slug
from webassoc.forms import ConsentField, PublicFormMixin

from .enums import LEGACY_REMOTE, SessionMode
from .formatting import session_town


class RegistrationForm(PublicFormMixin, forms.Form):
    association_name = forms.CharField(label=_("Nom de l’association"), max_length=200,
                                       widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    contact_name = forms.CharField(label=_("Votre nom"), max_length=200,
                                   widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("Votre adresse e-mail"), max_length=254,  # the model's column
                             help_text=_("La confirmation et le lien d’annulation y seront envoyés."),
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = forms.CharField(label=_("Téléphone"), max_length=30, required=False,
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}))
    attendees = forms.IntegerField(
        label=_("Nombre de participants"), min_value=1, initial=1,
        error_messages={"min_value": _("Indiquez au moins 1 participant.")},
    )
    message = forms.CharField(label=_("Message"), required=False, max_length=2000,
                              help_text=_("Vos attentes, une question, un besoin d’accessibilité…"),
                              widget=forms.Textarea(attrs={"rows": 4}))
    consent = ConsentField()

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.limit_attendees(session.max_attendees_per_registration)

    def limit_attendees(self, maximum):
        """The session's own maximum, set on the field (not a new field: it keeps the mixin's messages)."""
        field = self.fields["attendees"]
        field.max_value = maximum
        field.validators.append(MaxValueValidator(maximum))
        field.widget.attrs.update(field.widget_attrs(field.widget))
        field.help_text = _("De 1 à %(max)s personnes de votre association.") % {"max": maximum}
        field.error_messages["max_value"] = _(
            "Une inscription compte au plus %(limit_value)s participants pour cette session."
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

    def __init__(self, data=None, *, skills=(), **kwargs):
        if data is not None and data.get("mode") == LEGACY_REMOTE:  # a bookmark from before a_distance
            data = data.copy()
            data["mode"] = SessionMode.REMOTE
        super().__init__(data, **kwargs)
        self.fields["theme"].choices = [("", _("Tous les thèmes"))] + [(s.slug, s.name) for s in skills]
        theme = self.data.get("theme")
        if theme and theme not in dict(self.fields["theme"].choices):  # a skill's former slug (merged, renamed)
            self.data = self.data.copy()
            self.data["theme"] = current_slug(theme)

    @property
    def filtering(self):
        """Whether a filter applies (then courses without a matching session are left out)."""
        return self.is_valid() and bool(self.cleaned_data["theme"] or self.cleaned_data["mode"])

    def filter(self, courses, sessions):
        """The courses and sessions the filters ask for (all of them when the filters are invalid)."""
        if self.filtering:
            if self.cleaned_data["theme"]:
                courses = courses.filter(skills__slug=self.cleaned_data["theme"])
            if self.cleaned_data["mode"]:
                sessions = sessions.filter(mode=self.cleaned_data["mode"])
        return courses, sessions


class SessionPageForm(WagtailAdminPageForm):
    """A session's title is derived from its start and place ("02/01/2027 – Lyon", "02/01/2027 – En
    ligne": it is always shown under its course, and shared titles add the course), and stays
    editable: left empty, it is filled when the session is saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "slug"):
            if name in self.fields:
                self.fields[name].required = False
        if "title" in self.fields:
            self.fields["title"].help_text = _(
                "Laissez vide : « date – lieu » est proposé à partir du début et du lieu (la formation s’affiche à côté)."
            )

    def clean(self):
        cleaned_data = super().clean()
        start = cleaned_data.get("start")
        if not cleaned_data.get("title") and start:
            place = SimpleNamespace(is_online=cleaned_data.get("mode") == SessionMode.REMOTE,
                                    address=cleaned_data.get("address") or "", venue=cleaned_data.get("venue") or "")
            cleaned_data["title"] = derived_session_title(start, session_town(place))
            self.instance.title = cleaned_data["title"]
        if not cleaned_data.get("slug") and cleaned_data.get("title"):
            base = slugify(cleaned_data["title"])[:200] or "session"
            slug, n = base, 2
            while self.parent_page is not None and not Page._slug_is_available(slug, self.parent_page, self.instance):
                slug, n = f"{base}-{n}", n + 1
            cleaned_data["slug"] = slug
            self.instance.slug = slug
        if not cleaned_data.get("title"):
            self.add_error("title", _("Indiquez un titre, ou une date de début pour le proposer."))
        return cleaned_data


def derived_session_title(start, town):
    """"02/01/2027 – Lyon": the title an editor leaves empty, and the demo's."""
    return " – ".join(part for part in (f"{timezone.localtime(start):%d/%m/%Y}", str(town or "")) if part)
