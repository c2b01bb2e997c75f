"""Manifesto: signing, double opt-in, duplicates, moderation, cached counter and list."""

import re
import time
from datetime import datetime, timedelta

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils.html import escape

from home import services
from home.models import Signature
from outbox.models import Email
from webassoc.errors import TryAgainLater
from webassoc.forms import RATE_LIMITED, REQUIRED
from webassoc.signed_links import LinkExpired
from webassoc.typography import after_colon

from .factories import ManifestoPageFactory, SignatureFactory

pytestmark = pytest.mark.django_db

VALID = {
    "first_name": "Camille",
    "last_name": "Exemple",
    "email": "camille@exemple.org",
    "profession": "Développeuse web",
    "organisation": "Studio Fictif",
    "city": "Nantes",
    "show_publicly": "on",
    "consent": "on",
}


# What the form hands to services.sign() for VALID.
SIGNER = {**VALID, "show_publicly": True}
del SIGNER["consent"]


@pytest.fixture
def manifesto(home_page):
    return ManifestoPageFactory(parent=home_page, slug="manifeste")


def sign(client, manifesto, **changes):
    return client.post(manifesto.url, {**VALID, **changes})


def confirmation_link(email_index=-1):
    body = mail.outbox[email_index].body
    return re.search(r"https?://[^/\s]+(/\S*/confirmer/\?jeton=\S+)", body).group(1)


# --- Signing -----------------------------------------------------------------------------------

def test_signing_records_an_unconfirmed_signature_and_emails_a_confirmation_link(client, manifesto):
    response = sign(client, manifesto)

    assert response.status_code == 302
    assert response["Location"] == "/manifeste/merci/"
    signature = Signature.objects.get()
    assert signature.confirmed_at is None
    assert signature.email == "camille@exemple.org"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["camille@exemple.org"]
    assert "/manifeste/confirmer/" in mail.outbox[0].body
    assert Email.objects.filter(tag="manifesto_confirmation").count() == 1


def test_unconfirmed_signatures_are_neither_counted_nor_listed(client, manifesto):
    sign(client, manifesto)

    response = client.get(manifesto.url)

    assert response.context["signature_count"] == 0
    assert "Camille Exemple" not in response.content.decode()


def test_invalid_form_keeps_the_typed_values_and_explains_in_french(client, manifesto):
    response = sign(client, manifesto, email="pas-une-adresse", consent="")

    assert response.status_code == 200  # like the other forms of the site
    html = response.content.decode()
    assert 'value="Camille"' in html
    assert 'value="pas-une-adresse"' in html
    assert "Saisissez une adresse e-mail valide" in html
    assert "Votre accord est nécessaire" in html
    assert 'aria-invalid="true"' in html
    assert Signature.objects.count() == 0


def test_an_empty_signature_says_each_required_field_is_obligatoire(client, manifesto):
    response = client.post(manifesto.url, {"consent": "on"})

    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Prénom", "Nom", "Adresse e-mail", "Métier"):
        assert f'{label}&nbsp;: {after_colon(REQUIRED)}' in html
    assert "Indiquez votre" not in html


def test_honeypot_filled_in_refuses_the_signature(client, manifesto):
    response = sign(client, manifesto, site_web_entreprise="http://spam.example")

    assert response.status_code == 200
    assert Signature.objects.count() == 0
    assert mail.outbox == []


def test_the_form_needs_a_csrf_token(manifesto):
    response = Client(enforce_csrf_checks=True).post(manifesto.url, VALID)

    assert response.status_code == 403


def test_too_many_signatures_from_one_address_are_refused(client, manifesto, settings):
    settings.RATELIMIT_ENABLED = True
    for number in range(10):
        sign(client, manifesto, email=f"personne{number}@exemple.org")

    response = sign(client, manifesto, email="une-de-trop@exemple.org")

    assert response.status_code == 429
    assert escape(str(RATE_LIMITED)) in response.content.decode()
    assert not Signature.objects.filter(email="une-de-trop@exemple.org").exists()


def test_a_lock_timeout_shows_the_form_again_with_a_try_again_message(client, manifesto, monkeypatch):
    def busy(*args, **kwargs):
        raise TryAgainLater("Merci de réessayer dans quelques secondes.")

    monkeypatch.setattr(services, "sign", busy)

    response = sign(client, manifesto)

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "réessayer dans quelques secondes" in response.content.decode()
    assert 'value="Camille"' in response.content.decode()


# --- Duplicates --------------------------------------------------------------------------------

def age_emails(minutes):
    """Pretend every email to the signers was sent `minutes` earlier than it was."""
    for signature in Signature.objects.all():
        signature.emails_sent_at = [
            (datetime.fromisoformat(moment) - timedelta(minutes=minutes)).isoformat()
            for moment in signature.emails_sent_at
        ]
        signature.save(update_fields=["emails_sent_at"])


def test_signing_again_with_a_confirmed_email_answers_like_a_first_signature(client, manifesto):
    """The page must not reveal who signed: the email explains instead."""
    first = sign(client, manifesto, email="nouvelle@exemple.org")
    SignatureFactory(page=manifesto, email="camille@exemple.org", confirmed=True)

    again = sign(client, manifesto, email="Camille@Exemple.org", first_name="Autre")

    assert (again.status_code, again["Location"]) == (first.status_code, first["Location"]) == (302, "/manifeste/merci/")
    assert client.get(again["Location"]).content == client.get(first["Location"]).content
    assert Signature.objects.filter(email__iexact="camille@exemple.org").count() == 1
    assert [message.to for message in mail.outbox] == [["nouvelle@exemple.org"], ["camille@exemple.org"]]
    assert "votre signature compte déjà" in mail.outbox[-1].body
    assert "/manifeste/confirmer/" not in mail.outbox[-1].body


def test_signing_again_before_confirming_sends_the_link_again_after_ten_minutes(client, manifesto):
    sign(client, manifesto)

    soon = sign(client, manifesto, email="CAMILLE@exemple.org")
    assert soon["Location"] == "/manifeste/merci/"
    assert len(mail.outbox) == 1  # not twice within 10 minutes
    # The thank-you page does not claim an e-mail was just sent: it says the cap.
    thanks = client.get(soon["Location"]).content.decode()
    assert "Nous venons de vous envoyer" not in thanks
    assert "ou vient d’y partir" in thanks and "au plus un toutes les 10 minutes" in thanks
    age_emails(minutes=11)
    later = sign(client, manifesto, email="CAMILLE@exemple.org")

    assert later["Location"] == "/manifeste/merci/"
    assert Signature.objects.count() == 1
    assert len(mail.outbox) == 2
    assert "/manifeste/confirmer/" in mail.outbox[-1].body


def test_re_signing_six_times_in_a_row_sends_one_email(client, manifesto):
    for _ in range(7):
        assert sign(client, manifesto).status_code == 302

    assert len(mail.outbox) == 1


def test_re_signing_all_day_long_sends_at_most_five_emails_a_day(client, manifesto):
    for _ in range(8):
        sign(client, manifesto)
        age_emails(minutes=11)

    assert len(mail.outbox) == services.EMAILS_PER_DAY == 5
    age_emails(minutes=24 * 60)
    sign(client, manifesto)
    assert len(mail.outbox) == 6  # a new day


def test_the_cap_covers_the_new_link_form_too(client, manifesto):
    sign(client, manifesto)

    response = client.post(manifesto.url + "nouveau-lien/", {"email": "camille@exemple.org"}, follow=True)

    assert len(mail.outbox) == 1
    assert "au plus un e-mail toutes les 10 minutes" in response.content.decode()


# --- The time it takes does not tell who signed -------------------------------------------------

def statements(queries):
    """Each statement as its kind and the tables it names (values left out)."""
    shapes = []
    for query in queries:
        sql = query["sql"]
        tables = re.findall(r'(?:FROM|INTO|UPDATE|JOIN)\s+"?(\w+)"?', sql)
        shapes.append((sql.split()[0].upper(), *tables))
    return shapes


def test_signing_anew_and_signing_again_run_the_same_statements(manifesto, settings):
    """The answer is the same, and so is the work (a timing side channel would tell who signed):
    the same queries, the same writes and one email queued, whether the address is new or signed
    before (confirmed or not; the last email to it an hour ago), as in production, where the email is
    a queued task."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    an_hour_ago = (services.timezone.now() - timedelta(hours=1))
    SignatureFactory(page=manifesto, email="en-attente@exemple.org", emails_sent_at=[an_hour_ago.isoformat()])
    SignatureFactory(page=manifesto, email="confirmee@exemple.org", confirmed=True,
                     emails_sent_at=[an_hour_ago.isoformat()])
    services.sign(manifesto, **{**SIGNER, "email": "premiere@exemple.org"})  # the site's URLs looked up once
    work = {}
    for email in ("nouvelle@exemple.org", "En-Attente@exemple.org", "confirmee@exemple.org"):
        emails_before = Email.objects.count()
        with CaptureQueriesContext(connection) as queries:
            services.sign(manifesto, **{**SIGNER, "email": email})
        work[email] = statements(queries.captured_queries)
        assert Email.objects.count() == emails_before + 1, email

    assert work["En-Attente@exemple.org"] == work["nouvelle@exemple.org"]
    assert work["confirmee@exemple.org"] == work["nouvelle@exemple.org"]
    assert Signature.objects.count() == 4


def test_asking_for_a_new_link_runs_the_same_statements_whoever_asks(manifesto, settings):
    """The "nouveau lien" form answers the same whoever asks, and does the same work (a timing side
    channel would tell who signed): the same statements for an address that never signed, one that
    signed without confirming (a link goes), one whose last email is too recent (the cap holds)
    and a confirmed one, as in production, where the email is queued by a task."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    now = services.timezone.now()
    an_hour_ago, a_minute_ago = (now - timedelta(hours=1)).isoformat(), (now - timedelta(minutes=1)).isoformat()
    SignatureFactory(page=manifesto, email="en-attente@exemple.org", emails_sent_at=[an_hour_ago])
    SignatureFactory(page=manifesto, email="plafond@exemple.org", emails_sent_at=[a_minute_ago])
    SignatureFactory(page=manifesto, email="confirmee@exemple.org", confirmed=True, emails_sent_at=[an_hour_ago])
    services.resend_confirmation(manifesto, email="premiere@exemple.org")  # warm-up
    work, sent = {}, {}
    for email in ("inconnue@exemple.org", "En-Attente@exemple.org", "plafond@exemple.org", "confirmee@exemple.org"):
        tasks_before = DBTaskResult.objects.count()
        with CaptureQueriesContext(connection) as queries:
            sent[email] = services.resend_confirmation(manifesto, email=email) is not None
        work[email] = statements(queries.captured_queries)
        assert DBTaskResult.objects.count() == tasks_before + 1, email

    assert sent == {"inconnue@exemple.org": False, "En-Attente@exemple.org": True, "plafond@exemple.org": False,
                    "confirmee@exemple.org": False}
    assert work["En-Attente@exemple.org"] == work["inconnue@exemple.org"]
    assert work["plafond@exemple.org"] == work["inconnue@exemple.org"]
    assert work["confirmee@exemple.org"] == work["inconnue@exemple.org"]
    # One locked read, the cap's bookkeeping, the task (in a transaction).
    assert [shape for shape in work["inconnue@exemple.org"] if shape[0] not in ("SAVEPOINT", "RELEASE")] == [
        ("SELECT", "home_signature"), ("UPDATE", "home_signature"), ("INSERT", "django_tasks_database_dbtaskresult")]
    # The task then queues the one email, to the signature that asked for it.
    pending = Signature.objects.get(email="en-attente@exemple.org")
    assert pending.confirmation_sent_at is not None and len(pending.emails_sent_at) == 2
    for result in DBTaskResult.objects.order_by("enqueued_at"):
        result.task.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
    assert [message.to for message in Email.objects.all()] == [["en-attente@exemple.org"]]


def test_the_database_refuses_two_signatures_with_the_same_email_in_any_case(manifesto):
    from django.db import IntegrityError, transaction

    SignatureFactory(page=manifesto, email="camille@exemple.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        SignatureFactory(page=manifesto, email="CAMILLE@EXEMPLE.ORG")


# --- Confirmation ------------------------------------------------------------------------------

def test_following_the_link_shows_a_button_and_does_not_confirm_yet(client, manifesto):
    """Mail scanners follow links: only the POST from the button confirms."""
    sign(client, manifesto)

    response = client.get(confirmation_link())

    assert response.status_code == 200
    assert "Je confirme ma signature" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    assert Signature.objects.get().confirmed_at is None


def test_confirming_makes_the_signature_count_and_appear(client, manifesto):
    sign(client, manifesto)

    response = client.post(confirmation_link())

    assert response.status_code == 302
    assert Signature.objects.get().confirmed_at is not None
    page = client.get(manifesto.url)
    assert page.context["signature_count"] == 1
    html = page.content.decode()
    assert "Camille Exemple" in html
    assert "Votre signature est confirmée" in html


def test_the_confirmation_link_works_only_once(client, manifesto):
    sign(client, manifesto)
    link = confirmation_link()
    client.post(link)
    confirmed_at = Signature.objects.get().confirmed_at

    second_post = client.post(link)
    second_click = client.get(link)

    assert "déjà confirmée" in second_post.content.decode()
    assert "déjà confirmée" in second_click.content.decode()
    assert Signature.objects.get().confirmed_at == confirmed_at


def test_an_expired_link_says_so_and_offers_a_new_one(client, manifesto, monkeypatch):
    sign(client, manifesto)
    link = confirmation_link()
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 8 * 86400)

    response = client.post(link)

    assert response.status_code == 410
    html = response.content.decode()
    assert "Ce lien a expiré" in html
    assert "valable que 7" in html
    assert "Envoyer un nouveau lien" in html
    assert Signature.objects.get().confirmed_at is None


def test_the_link_expires_after_seven_days(manifesto, monkeypatch):
    signature = SignatureFactory(page=manifesto)
    token = services.CONFIRM.make(signature.pk)
    real_time = time.time

    monkeypatch.setattr(time, "time", lambda: real_time() + 6 * 86400)
    assert services.check_token(manifesto, token) == signature
    monkeypatch.setattr(time, "time", lambda: real_time() + 7 * 86400 + 60)
    with pytest.raises(LinkExpired):
        services.check_token(manifesto, token)
    assert services.CONFIRM.days == 7


def test_a_link_made_before_the_shared_helper_still_confirms(manifesto):
    signature = SignatureFactory(page=manifesto)
    old_token = signing.TimestampSigner(salt="home.manifesto.signature").sign(str(signature.pk))  # as sent until now

    assert services.confirm(manifesto, old_token) == signature


def test_a_tampered_link_is_refused(client, manifesto):
    sign(client, manifesto)
    link = confirmation_link()
    pk = Signature.objects.get().pk
    forged = link.replace(f"jeton={pk}%3A", f"jeton={pk + 1}%3A")
    assert forged != link

    response = client.post(forged)

    assert response.status_code == 400
    assert escape("Ce lien n’est pas valide") in response.content.decode()
    assert Signature.objects.get().confirmed_at is None


def test_asking_for_a_new_link_resends_it_without_revealing_who_signed(client, manifesto):
    sign(client, manifesto)
    age_emails(minutes=11)  # one email per 10 minutes at most
    url = manifesto.url + "nouveau-lien/"

    known = client.post(url, {"email": "camille@exemple.org"}, follow=True)
    unknown = client.post(url, {"email": "inconnu@exemple.org"}, follow=True)

    assert len(mail.outbox) == 2  # the first link, then the new one; nothing for the unknown address
    message = "Si une signature non confirmée correspond à cette adresse"
    assert message in known.content.decode()
    assert message in unknown.content.decode()


def test_the_new_link_form_shows_its_errors_with_a_200(client, manifesto):
    response = client.post(manifesto.url + "nouveau-lien/", {"email": "pas-une-adresse"})

    assert response.status_code == 200
    assert "Saisissez une adresse e-mail valide" in response.content.decode()


def test_an_empty_new_link_request_says_the_address_is_obligatoire(client, manifesto):
    response = client.post(manifesto.url + "nouveau-lien/", {"email": ""})

    assert response.status_code == 200
    assert f"Adresse e-mail utilisée pour signer&nbsp;: {after_colon(REQUIRED)}" in response.content.decode()


def test_too_many_new_link_requests_are_refused_with_a_429(client, manifesto, settings):
    settings.RATELIMIT_ENABLED = True
    url = manifesto.url + "nouveau-lien/"
    for _ in range(5):
        client.post(url, {"email": "camille@exemple.org"})

    response = client.post(url, {"email": "camille@exemple.org"})

    assert response.status_code == 429
    assert escape(str(RATE_LIMITED)) in response.content.decode()


# --- Moderation and cache ----------------------------------------------------------------------

def test_hidden_signatures_are_neither_counted_nor_listed(client, manifesto):
    visible = SignatureFactory(page=manifesto, confirmed=True, first_name="Visible")
    hidden = SignatureFactory(page=manifesto, confirmed=True, first_name="Masquée")
    assert services.signature_count(manifesto) == 2

    services.hide(hidden)

    response = client.get(manifesto.url)
    assert response.context["signature_count"] == 1
    html = response.content.decode()
    assert visible.first_name in html
    assert "Masquée Exemple" not in html
    assert Signature.objects.filter(pk=hidden.pk).exists()


def test_unhiding_brings_the_signature_back(manifesto):
    signature = SignatureFactory(page=manifesto, hidden=True)
    assert services.signature_count(manifesto) == 0

    services.unhide(signature)

    assert services.signature_count(manifesto) == 1


def test_private_signatures_are_counted_but_not_listed(client, manifesto):
    SignatureFactory(page=manifesto, confirmed=True, show_publicly=False, first_name="Discrète")

    response = client.get(manifesto.url)

    assert response.context["signature_count"] == 1
    assert "Discrète" not in response.content.decode()


def test_counter_and_list_are_served_from_the_cache(manifesto, django_assert_num_queries):
    SignatureFactory.create_batch(3, page=manifesto, confirmed=True)
    services.signature_count(manifesto)
    services.public_signatories(manifesto, 1)

    with django_assert_num_queries(0):
        assert services.signature_count(manifesto) == 3
        assert len(services.public_signatories(manifesto, 1).object_list) == 3


def test_confirming_a_signature_refreshes_the_cached_counter(manifesto):
    signature = SignatureFactory(page=manifesto)
    assert services.signature_count(manifesto) == 0

    assert services.confirm(manifesto, services.CONFIRM.make(signature.pk)) == signature

    assert services.signature_count(manifesto) == 1
    assert services.public_signatories(manifesto, 1).paginator.count == 1


def test_a_new_unconfirmed_signature_does_not_flush_the_cache(manifesto):
    SignatureFactory(page=manifesto, confirmed=True)
    before = services.version(manifesto)

    services.sign(manifesto, **SIGNER)

    assert services.version(manifesto) == before


def test_public_list_is_paginated_newest_first(client, manifesto):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    for number in range(30):
        SignatureFactory(page=manifesto, first_name=f"Personne{number:02d}",
                         confirmed_at=now - timedelta(minutes=30 - number))

    first = client.get(manifesto.url)
    second = client.get(manifesto.url + "?page=2")

    names_first = [s["first_name"] for s in first.context["signatories"].object_list]
    assert names_first[0] == "Personne29"
    assert len(names_first) == 24
    assert [s["first_name"] for s in second.context["signatories"].object_list][-1] == "Personne00"
    assert 'aria-current="page"' in second.content.decode()


def test_the_signatory_pages_link_to_the_list_itself_not_the_top_of_the_page(client, manifesto):
    """The list sits at the bottom of a tall page: changing page lands on it."""
    SignatureFactory.create_batch(30, page=manifesto, confirmed=True)

    first = client.get(manifesto.url).content.decode()
    second = client.get(manifesto.url + "?page=2").content.decode()

    assert 'id="signataires"' in first
    assert 'href="?page=2#signataires" rel="next"' in first
    assert 'href="?page=1#signataires" rel="prev"' in second


def test_progress_toward_the_goal_is_shown_with_an_accessible_progress_bar(client, manifesto):
    SignatureFactory.create_batch(5, page=manifesto, confirmed=True)

    html = client.get(manifesto.url).content.decode()

    assert '<label class="manifesto-counter__label" for="manifesto-progress">' in html
    assert 'id="manifesto-progress" max="1000" value="5"' in html
    assert "5 sur 1" in html


def test_share_block_uses_plain_links_and_no_script(client, manifesto):
    html = client.get(manifesto.url).content.decode()
    share = html.split('id="share-title"')[1].split("</section>")[0]

    assert "mailto:?" in share
    assert "bsky.app/intent/compose" in share
    assert "linkedin.com/sharing" in share
    assert "<script" not in share


def test_the_manifesto_share_text_gets_french_typography_like_the_page(client, manifesto):
    from urllib.parse import unquote

    manifesto.share_text = "J'ai signé le Manifeste des 1000. Et vous ?"
    manifesto.save_revision().publish()

    html = client.get(manifesto.url).content.decode()
    share = unquote(html.split('id="share-title"')[1].split("</section>")[0].replace("+", " "))

    assert "J’ai signé le Manifeste des 1000. Et vous\u00a0?" in share
    assert "J'ai" not in share and "vous ?" not in share


def test_anonymising_keeps_the_signature_counted_but_forgets_the_person(manifesto):
    signature = SignatureFactory(page=manifesto, confirmed=True, email="camille@exemple.org")

    signature.anonymise()

    signature.refresh_from_db()
    assert signature.email.endswith("@anonyme.invalid")
    assert signature.last_name == "" and signature.anonymised_at is not None
    assert services.signature_count(manifesto) == 1
    assert services.public_signatories(manifesto, 1).paginator.count == 0


def test_deleting_a_manifesto_with_signatures_is_refused(manifesto):
    from django.db.models import ProtectedError

    SignatureFactory(page=manifesto)
    with pytest.raises(ProtectedError):
        manifesto.delete()


# --- Consent and publication are the signer's choice ------------------------------------------

def checkbox(html, name):
    return re.search(rf'<input[^>]*type="checkbox"[^>]*name="{name}"[^>]*>|<input[^>]*name="{name}"[^>]*type="checkbox"[^>]*>',
                     html).group(0)


def test_neither_consent_nor_showing_my_name_is_ticked_in_advance(client, manifesto):
    html = client.get(manifesto.url).content.decode()

    assert "checked" not in checkbox(html, "consent")
    assert "checked" not in checkbox(html, "show_publicly")


def test_a_signer_who_leaves_the_box_unticked_is_not_listed(client, manifesto):
    sign(client, manifesto, show_publicly="")

    assert Signature.objects.get().show_publicly is False
    assert Signature._meta.get_field("show_publicly").default is False


@pytest.mark.parametrize(("route", "current"), [
    ("merci/", "Merci"), ("confirmer/?jeton=faux", "Confirmation"), ("nouveau-lien/", "Nouveau lien"),
])
def test_the_pages_below_the_manifesto_have_it_in_their_breadcrumb(client, manifesto, route, current):
    html = client.get(manifesto.url + route).content.decode()

    breadcrumb = re.search(r'<nav class="breadcrumb".*?</nav>', html, re.S).group(0)
    links = re.findall(r'<a href="([^"]*)">([^<]*)</a>', breadcrumb)
    assert links == [("/", "Accueil"), (manifesto.url, manifesto.title)]
    assert f'<span aria-current="page">{current}</span>' in breadcrumb
