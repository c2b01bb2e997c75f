"""Views of the manifesto page (called from ManifestoPage's routes). Thin: the work is in signatures.py."""

from urllib.parse import quote, urlencode

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from webassoc.ratelimit import is_rate_limited

from . import signatures
from .forms import ResendForm, SignatureForm
from .signatures import Outcome

SIGN_LIMIT = 10       # signature attempts per IP and hour
RESEND_LIMIT = 5
# Share links are plain links: no third-party script, no tracking until someone clicks.
MASTODON_SHARE = "https://mastodonshare.com/?"
BLUESKY_SHARE = "https://bsky.app/intent/compose?"
LINKEDIN_SHARE = "https://www.linkedin.com/sharing/share-offsite/?"
RATE_LIMIT_MESSAGE = gettext_lazy("Trop d'envois depuis votre connexion. Merci de réessayer dans une heure.")


def _context(page, request, **extra):
    signatories = signatures.public_signatories(page, request.GET.get("page"))
    count = signatures.signature_count(page)
    return {
        "signature_count": count,
        "goal": page.goal,
        "progress_value": min(count, page.goal),
        "progress_percent": min(100, round(count * 100 / page.goal)) if page.goal else 100,
        "signatories": signatories,
        "page_obj": signatories,
        "share_links": share_links(page, request),
        "share_url": page.get_full_url(request),
        **extra,
    }


def share_links(page, request):
    url = page.get_full_url(request)
    text = page.share_text or page.title
    return [
        (_("Envoyer par e-mail"), "mailto:?" + urlencode({"subject": page.title, "body": f"{text}\n{url}"},
                                          quote_via=quote)),
        (_("Partager sur Mastodon"), MASTODON_SHARE + urlencode({"text": text, "url": url})),
        (_("Partager sur Bluesky"), BLUESKY_SHARE + urlencode({"text": f"{text} {url}"})),
        (_("Partager sur LinkedIn"), LINKEDIN_SHARE + urlencode({"url": url})),
    ]


def manifesto(page, request):
    if request.method == "POST":
        form = SignatureForm(request.POST)
        if is_rate_limited(request, "manifesto-sign", SIGN_LIMIT):
            form.is_valid()
            form.add_error(None, RATE_LIMIT_MESSAGE)
            return _render_form(page, request, form, status=429)
        if form.is_valid():
            result = signatures.sign(page, form.cleaned_data)
            if result.outcome is Outcome.SIGNED:
                return redirect(page.url + page.reverse_subpage("thanks"))
            if result.outcome is Outcome.CONFIRMATION_RESENT:
                messages.info(request, _(
                    "Vous avez déjà signé avec cette adresse, mais votre signature n'est pas encore "
                    "confirmée : nous venons de vous renvoyer le lien de confirmation."
                ))
            else:
                messages.info(request, _(
                    "Vous avez déjà signé le manifeste avec cette adresse : votre signature compte "
                    "déjà. Merci !"
                ))
            return redirect(page.url)
        # Like the other forms of the site: the page again, with the errors, and a 200.
        return _render_form(page, request, form)
    return _render_form(page, request, SignatureForm())


def _render_form(page, request, form, status=200):
    response = page.render(request, context_overrides=_context(page, request, form=form))
    response.status_code = status
    return response


def thanks(page, request):
    return page.render(request, template="home/manifesto_thanks.html")


def confirm(page, request, token):
    if request.method == "POST":
        result = signatures.confirm(page, token)
        if result.outcome is Outcome.CONFIRMED:
            messages.success(request, _("Merci ! Votre signature est confirmée : elle compte désormais."))
            return redirect(page.url + "#signataires")
    else:
        result = signatures.check_token(page, token)
    status = 200 if result.outcome in (Outcome.CONFIRMED, Outcome.ALREADY_CONFIRMED) else 400
    response = page.render(
        request,
        template="home/manifesto_confirm.html",
        context_overrides={
            "outcome": result.outcome.value,
            "signature": result.signature,
            "resend_form": ResendForm(),
        },
    )
    response.status_code = status
    add_never_cache_headers(response)  # shows the signer's name
    return response


def resend(page, request):
    form = ResendForm(request.POST or None)
    limited = False
    if request.method == "POST":
        if limited := is_rate_limited(request, "manifesto-resend", RESEND_LIMIT):
            form.is_valid()
            form.add_error(None, RATE_LIMIT_MESSAGE)
        elif form.is_valid():
            signatures.resend_confirmation(page, form.cleaned_data["email"])
            # The same answer whoever asks, so the form does not reveal who signed.
            messages.info(request, _(
                "Si une signature non confirmée correspond à cette adresse, un nouveau lien de "
                "confirmation vient d'y être envoyé. Il est valable 7 jours."
            ))
            return redirect(page.url + page.reverse_subpage("resend"))
    response = page.render(request, template="home/manifesto_resend.html",
                           context_overrides={"resend_form": form})
    if limited:
        response.status_code = 429
    return response
