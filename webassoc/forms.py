"""Pieces every public form of the site uses: honeypot, messages, rate limit, consent, and the
clean-up of hostile input (bidi controls, checkbox values that are not a ticked box)."""

import re

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from .errors import TryAgainLater
from .ratelimit import is_rate_limited

HONEYPOT_FIELD = "site_web_entreprise"
POSTS_PER_HOUR = 10
# Every post, valid or not, counts against this many times the limit: a person correcting their
# own mistakes is not locked out, a flood of junk still is.
ATTEMPTS_PER_ACCEPTED_POST = 4
# The site's one wording for each of these, on every public form (PublicFormMixin sets them).
REQUIRED = _("Ce champ est obligatoire.")
# An unticked consent box: "required" would not say what is missing (ConsentField).
CONSENT_REQUIRED = _("Votre accord est nécessaire pour envoyer ce formulaire.")
INVALID_EMAIL = _("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.")
RATE_LIMITED = _("Vous avez envoyé beaucoup de formulaires en peu de temps. Merci de réessayer dans une heure.")
# Invisible characters that reorder the text around them (U+202E shows "moc.elpmaxe" as
# "example.com"): nobody types them on purpose in a name, a city or a message.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What a browser sends for a ticked box without a value attribute (the only kind the site renders).
CHECKED = "on"
# Seconds a visitor told "try again" (503, a busy lock) is asked to wait.
RETRY_AFTER_SECONDS = 5


def without_bidi_controls(value):
    return BIDI_CONTROLS.sub("", value) if isinstance(value, str) else value


def search_words(query):
    """What a visitor typed in a search box, as words for the search index: double quotes (the
    phrase syntax of SQLite's full-text index, where an unpaired one is an SQL error) become
    spaces, and spaces are collapsed. Every call to a search backend goes through it."""
    return " ".join(query.replace('"', " ").split()) if isinstance(query, str) else ""


def cleaned_input(data):
    """A copy of posted data (QueryDict or dict) without bidi controls in any value."""
    if hasattr(data, "setlist"):
        data = data.copy()
        for key, values in data.lists():
            data.setlist(key, [without_bidi_controls(value) for value in values])
        return data
    return {
        key: [without_bidi_controls(item) for item in value] if isinstance(value, list | tuple)
        else without_bidi_controls(value)
        for key, value in data.items()
    }


class CheckboxInput(forms.CheckboxInput):
    """Django's checkbox, strict: ticked only by what a browser sends for a ticked box
    (`show_publicly=<script>` is not a yes). Same class name, so templates still see `checkbox`."""

    def value_from_datadict(self, data, files, name):
        return data.get(name) == CHECKED


class PublicFormMixin:
    """Mixed into every public form (before forms.Form / forms.ModelForm).

    - a honeypot field people never see (rendered off-screen by `components/honeypot.html`,
      hidden from assistive technologies and out of the tab order); bots that fill it are refused;
    - one "required" message on every field (`REQUIRED`; the consent box has the one consent
      message, `CONSENT_REQUIRED`), one "invalid" message on every e-mail field (`INVALID_EMAIL`);
    - hostile input is cleaned before validation: bidi controls are stripped from every value,
      and a checkbox is ticked only by a real checkbox value (`CheckboxInput`);
    - `accept(request, scope=…)`: rate limit, then validation; `http_status` is what the page
      answers with (200 for validation errors, 429 over the rate limit, 503 "try again").
    """

    honeypot_field = HONEYPOT_FIELD
    http_status = 200

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = cleaned_input(self.data)
        for field in self.fields.values():
            if not isinstance(field, ConsentField):  # consent explains itself (see below)
                field.error_messages["required"] = REQUIRED
            if isinstance(field, forms.EmailField):
                field.error_messages["invalid"] = INVALID_EMAIL
            if isinstance(field.widget, forms.CheckboxInput):
                field.widget = CheckboxInput(attrs=field.widget.attrs)
        self.fields[self.honeypot_field] = forms.CharField(
            required=False, max_length=200,
            label=_("Laissez ce champ vide"),
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(self.honeypot_field):
            raise forms.ValidationError(
                _("Votre envoi ressemble à celui d’un robot et n’a pas été enregistré."),
                code="spam",
            )
        return cleaned

    def accept(self, request, *, scope, limit=POSTS_PER_HOUR):
        """True when the form is valid and the client under the limits (per hour and `scope`):
        `limit` valid posts (those that write a record or send an e-mail), and
        ATTEMPTS_PER_ACCEPTED_POST × `limit` posts in all. Over either, the form keeps what was
        typed and says RATE_LIMITED with a 429."""
        over = is_rate_limited(request, f"{scope}:attempts", limit * ATTEMPTS_PER_ACCEPTED_POST)
        valid = self.is_valid()  # keeps what was typed, with its errors, in every case
        if not over and valid:
            over = is_rate_limited(request, scope, limit)
        if over:
            self.add_error(None, RATE_LIMITED)
            self.http_status = 429
            return False
        return valid

    def add_domain_error(self, error):
        """Show a service's refusal (webassoc.errors.DomainError) on its field or on the form."""
        field = error.field if error.field in self.fields else None
        self.add_error(field, error.message)
        if isinstance(error, TryAgainLater):
            self.http_status = 503

    def submitted(self):
        """The cleaned values for a service call: without the honeypot and the consent box."""
        return {
            name: value for name, value in self.cleaned_data.items()
            if name not in {self.honeypot_field, "consent"}
        }

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
            label=label or _("J’accepte que mes données soient utilisées pour traiter ma demande, "
                             "conformément à la politique de confidentialité."),
            error_messages={"required": CONSENT_REQUIRED},
            **kwargs,
        )
        # Shown in the error summary instead of the whole sentence; the field links to the policy.
        self.summary_label = _("Consentement")
        self.links_privacy_policy = True


def just_sent(request, tag=None):
    """True on the page a successful post redirected to: its thank-you replaces the empty form.

    With a `tag`, the page a post redirected to with a message carrying that extra tag, whatever
    its level (a registration on the waitlist is told so by a warning)."""
    if request.method != "GET":
        return False
    if tag is None:
        return any(message.level == messages.SUCCESS for message in messages.get_messages(request))
    return any(tag in (message.extra_tags or "").split() for message in messages.get_messages(request))


def pop_from_session(request, key, default=""):
    """The value kept in the session for the next page only (e.g. the follow link shown after
    applying). A session left empty is flushed, so its cookie is deleted: an anonymous visitor goes
    back to the page cache instead of reaching Django for the two weeks the cookie would last."""
    if key not in request.session:
        return default
    value = request.session.pop(key)
    if not request.session.keys():
        request.session.flush()
    return value


def keep_personal_answers_private(request, response):
    """Never store a form page that shows what someone typed or a message meant for them.

    The empty form of a plain GET is the same for everyone: the page cache stores it with a
    placeholder for the CSRF token (webassoc.page_cache) and sends each visitor their own token,
    `private`. Answers to a POST (typed values, errors) and pages with a pending message are
    `never_cache`, for browsers and any cache in between.
    """
    if request.method != "GET" or len(messages.get_messages(request)):
        add_never_cache_headers(response)
    return response


def form_response(request, response, status):
    """The answer of a form page: `status` (the form's `http_status`, 200 for plain validation
    errors), `Retry-After` when it is 503 (TryAgainLater: a lock was busy), and personal answers
    kept out of every cache (`keep_personal_answers_private`)."""
    response.status_code = status
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return keep_personal_answers_private(request, response)


class ResendLinkForm(PublicFormMixin, forms.Form):
    """"Send me the e-mail again" (a registration's confirmation, an application's follow link),
    offered when a form is refused as a duplicate. Prefixed: it sits on the page of that form
    without clashing ids. The page answers the same whatever the address."""

    prefix = "renvoi"

    email = forms.EmailField(label=_("Votre adresse e-mail"), max_length=254,  # the models' column
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))


RESEND_LINKS_PER_HOUR = 5  # per client, like the manifesto's new links


def resend_link_route(request, *, scope, send, sent_message, back_url, limited_response):
    """The POST route behind a `ResendLinkForm` (courses "renvoyer-confirmation", missions
    "renvoyer-suivi"): `send(email)` for a valid address, then the same `sent_message` whoever asks
    and back to `back_url`. Over `RESEND_LINKS_PER_HOUR` for the client (`scope`), the page again
    with the address kept and the limit said: `limited_response(form)`. A GET or a mistyped address
    just goes back. The service behind `send` caps the e-mails per address."""
    form = ResendLinkForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.accept(request, scope=scope, limit=RESEND_LINKS_PER_HOUR):
        send(form.cleaned_data["email"])
        messages.info(request, sent_message)
    elif form.http_status == 429:
        return limited_response(form)
    return redirect(back_url)
