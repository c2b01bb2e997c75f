"""Pages with forms are served from the page cache, each visitor with their own CSRF token (issue 14).

The cached copy holds a placeholder, never a token; the middleware writes the visitor's token
in its place and sets their CSRF cookie. Runs on SQLite and PostgreSQL.
"""

import re

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token
from django.template import engines
from django.test import Client, RequestFactory
from django.utils import timezone

from courses.models import Registration
from home.models import Signature, SiteSettings
from missions.models import Application
from tests.courses.factories import TrainingSessionPageFactory, registration_data
from tests.home.factories import ManifestoPageFactory, SignatureFactory
from tests.missions.factories import MissionFactory, MissionIndexPageFactory
from webassoc import page_cache
from webassoc.page_cache import AnonymousPageCacheMiddleware, csrf_placeholder_text

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
APPLICATION = {
    "name": "Camille Bénévole",
    "email": "camille@example.org",
    "message": "J'ai fait plusieurs audits d'accessibilité, je serais ravie d'aider.",
    "availability": "Deux soirs par semaine",
    "portfolio_url": "https://www.linkedin.com/in/camille",
    "consent": "on",
}
SIGNATURE = {
    "first_name": "Camille", "last_name": "Exemple", "email": "camille@exemple.org",
    "profession": "Développeuse", "organisation": "", "city": "Lyon", "show_publicly": "on",
    "consent": "on",
}


@pytest.fixture
def page_cache_on(settings, home_page):
    SiteSettings.for_site(home_page.get_site())  # created on first read: a content change
    settings.PAGE_CACHE_SECONDS = 300
    settings.RATELIMIT_ENABLED = False


@pytest.fixture
def mission(page_cache_on):
    MissionIndexPageFactory()
    return MissionFactory(title="Refonte du site de la Banque alimentaire")


def visitor():
    return Client(enforce_csrf_checks=True)


def tokens_of(response):
    return TOKEN.findall(response.content.decode())


def is_valid_for(token, client):
    """What CsrfViewMiddleware checks: the token unmasks to the secret of the visitor's cookie."""
    return _unmask_cipher_token(token) == client.cookies["csrftoken"].value


def stored_pages():
    return [entry for key, entry in cache._cache.items() if f":{page_cache.KEY_PREFIX}" in key]


def test_a_cached_mission_page_carries_a_different_valid_token_for_each_visitor(mission):
    first, second = visitor(), visitor()

    response_1 = first.get(mission.get_url())
    response_2 = second.get(mission.get_url())

    assert response_1["X-Cache"] == "MISS"
    assert response_2["X-Cache"] == "HIT"
    [token_1], [token_2] = tokens_of(response_1), tokens_of(response_2)
    assert token_1 != token_2
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert is_valid_for(token_1, first) and is_valid_for(token_2, second)
    assert not is_valid_for(token_1, second)
    for response in (response_1, response_2):
        assert csrf_placeholder_text() not in response.content.decode()
        assert "private" in response["Cache-Control"]
        assert int(response["Content-Length"]) == len(response.content)


def test_a_post_with_another_visitors_token_or_none_is_refused(mission):
    first, second = visitor(), visitor()
    [token_1] = tokens_of(first.get(mission.get_url()))
    second.get(mission.get_url())

    with_other_token = second.post(mission.get_url(), {**APPLICATION, "csrfmiddlewaretoken": token_1})
    without_token = second.post(mission.get_url(), APPLICATION)

    assert with_other_token.status_code == 403
    assert without_token.status_code == 403
    assert not Application.objects.exists()


def test_a_post_with_ones_own_token_from_a_cached_page_succeeds(mission):
    visitor().get(mission.get_url())  # fills the cache
    client = visitor()
    response = client.get(mission.get_url())
    assert response["X-Cache"] == "HIT"

    posted = client.post(mission.get_url(), {**APPLICATION, "csrfmiddlewaretoken": tokens_of(response)[0]})

    assert posted.status_code == 302
    assert Application.objects.get().email == "camille@example.org"


def test_after_the_thank_you_page_a_volunteer_is_served_from_the_cache_again(mission):
    from django.conf import settings

    client = visitor()
    form_page = client.get(mission.get_url())
    client.post(mission.get_url(), {**APPLICATION, "csrfmiddlewaretoken": tokens_of(form_page)[0]})

    thanks = client.get(mission.get_url())
    assert thanks.context["follow_url"]
    for name, cookie in list(client.cookies.items()):  # a browser drops the cookies deleted (max-age=0)
        if cookie["max-age"] == 0:
            del client.cookies[name]

    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert client.get(mission.get_url())["X-Cache"] == "HIT"


def test_a_returning_visitor_keeps_the_csrf_secret_of_their_cookie(mission):
    client = visitor()
    client.get(mission.get_url())
    secret = client.cookies["csrftoken"].value

    again = client.get(mission.get_url())

    assert again["X-Cache"] == "HIT"
    assert client.cookies["csrftoken"].value == secret
    assert _unmask_cipher_token(tokens_of(again)[0]) == secret


def test_the_cached_copy_holds_neither_a_token_nor_a_cookie(mission):
    client = visitor()
    client.get(mission.get_url())
    secret = client.cookies["csrftoken"].value

    [entry] = stored_pages()
    stored = page_cache.cache.get(page_cache.cache_key(RequestFactory().get(mission.get_url())))
    response = stored["response"]
    html = response.content.decode()

    assert entry  # one page stored
    assert stored["csrf"] == csrf_placeholder_text()
    assert csrf_placeholder_text() in html
    assert not TOKEN.search(html.replace(csrf_placeholder_text(), ""))
    assert secret not in html
    assert not response.cookies
    assert "private" not in response["Cache-Control"]


def test_session_page_is_cached_and_registering_with_ones_own_token_works(page_cache_on):
    session = TrainingSessionPageFactory(capacity=5)
    visitor().get(session.url)
    client = visitor()
    response = client.get(session.url)

    refused = visitor().post(session.url, registration_data())
    registered = client.post(session.url, {**registration_data(), "csrfmiddlewaretoken": tokens_of(response)[0]})

    assert response["X-Cache"] == "HIT"
    assert refused.status_code == 403
    assert registered.status_code == 302
    assert Registration.objects.get().email == "camille@jardins.example.org"


def test_manifesto_is_cached_and_signing_with_ones_own_token_works(page_cache_on, home_page):
    manifesto = ManifestoPageFactory(parent=home_page, slug="manifeste")
    visitor().get(manifesto.url)
    client = visitor()
    response = client.get(manifesto.url)

    refused = visitor().post(manifesto.url, SIGNATURE)
    signed = client.post(manifesto.url, {**SIGNATURE, "csrfmiddlewaretoken": tokens_of(response)[0]})

    assert response["X-Cache"] == "HIT"
    assert refused.status_code == 403
    assert signed.status_code == 302
    assert Signature.objects.get().email == "camille@exemple.org"


def test_a_cached_manifesto_page_shows_a_new_signature_at_once(page_cache_on, home_page,
                                                              django_capture_on_commit_callbacks):
    """Signatures do not flush the whole cache; the counter's own version makes the page stale."""
    manifesto = ManifestoPageFactory(parent=home_page, slug="manifeste")
    before = visitor().get(manifesto.url)
    assert visitor().get(manifesto.url)["X-Cache"] == "HIT"

    with django_capture_on_commit_callbacks(execute=True):
        SignatureFactory(page=manifesto, first_name="Dominique", last_name="Nouvelle",
                         confirmed_at=timezone.now())
    after = visitor().get(manifesto.url)

    assert before.context["signature_count"] == 0
    assert after["X-Cache"] == "MISS"
    assert after.context["signature_count"] == 1
    assert "Dominique" in after.content.decode()


def test_what_a_visitor_typed_is_never_served_to_another(mission):
    client = visitor()
    [token] = tokens_of(client.get(mission.get_url()))
    client.post(mission.get_url(), {**APPLICATION, "email": "pas-une-adresse", "csrfmiddlewaretoken": token})

    other = visitor().get(mission.get_url())

    assert other["X-Cache"] == "HIT"
    assert "pas-une-adresse" not in other.content.decode()
    assert "Camille Bénévole" not in other.content.decode()


def test_the_thank_you_page_after_applying_is_not_cached(mission):
    client = visitor()
    [token] = tokens_of(client.get(mission.get_url()))
    thanks = client.post(mission.get_url(), {**APPLICATION, "csrfmiddlewaretoken": token}, follow=True)

    assert thanks.status_code == 200
    assert not thanks.has_header("X-Cache")  # the messages cookie sends it to Django
    assert "Camille Bénévole" not in visitor().get(mission.get_url()).content.decode()


def render_with_token(cache_control=None, status=200):
    template = engines["django"].from_string('<form method="post">{% csrf_token %}</form>')

    def view(request):
        response = HttpResponse(template.render({}, request), status=status)
        if cache_control:
            response["Cache-Control"] = cache_control
        return response
    return view


@pytest.mark.parametrize("cache_control, status", [("private, no-store", 200), (None, 404)])
def test_a_form_page_that_is_not_stored_still_gets_a_real_token(page_cache_on, cache_control, status):
    middleware = AnonymousPageCacheMiddleware(render_with_token(cache_control, status))

    response = middleware(RequestFactory().get("/une-page-avec-formulaire/"))

    assert not response.has_header("X-Cache")
    assert csrf_placeholder_text() not in response.content.decode()
    [token] = tokens_of(response)
    assert _unmask_cipher_token(token) == response.cookies["csrftoken"].value
    assert not stored_pages()


def test_forms_outside_the_page_cache_keep_djangos_own_tokens(settings, mission):
    settings.PAGE_CACHE_SECONDS = 0
    client = visitor()

    response = client.get(mission.get_url())

    assert not response.has_header("X-Cache")
    assert is_valid_for(tokens_of(response)[0], client)


def test_the_placeholder_cannot_be_guessed_without_the_secret_key(settings):
    known = csrf_placeholder_text()
    settings.SECRET_KEY = "une-autre-clé-secrète-" * 3

    assert csrf_placeholder_text() != known
    assert len(known) == 64


def test_pages_cached_before_the_secret_key_changed_are_rendered_again_with_a_working_form(mission, settings):
    """`make production-local` restarts with a new random SECRET_KEY (and production keys get
    rotated) while Redis keeps the pages: their placeholder, derived from the old key, must never
    reach a visitor (it used to, and every form answered 403 for up to five minutes)."""
    visitor().get(mission.get_url())
    old_placeholder = csrf_placeholder_text()
    settings.SECRET_KEY = "une-nouvelle-clé-secrète-après-redémarrage-" * 2

    client = visitor()
    response = client.get(mission.get_url())
    posted = client.post(mission.get_url(), {**APPLICATION, "csrfmiddlewaretoken": tokens_of(response)[0]})

    assert response["X-Cache"] == "MISS"
    assert old_placeholder not in response.content.decode()
    assert is_valid_for(tokens_of(response)[0], client)
    assert posted.status_code == 302
    assert visitor().get(mission.get_url())["X-Cache"] == "HIT"


def test_an_entry_holding_another_keys_placeholder_is_a_miss_wherever_it_is_found(mission, settings):
    """Even under this key's name (a process that wrote it without the fingerprint), a page whose
    placeholder is not this process's is rendered again, never served as it is."""
    visitor().get(mission.get_url())
    request = RequestFactory().get(mission.get_url())
    stored, old_placeholder = cache.get(page_cache.cache_key(request)), csrf_placeholder_text()
    settings.SECRET_KEY = "une-nouvelle-clé-secrète-après-redémarrage-" * 2
    cache.set(page_cache.cache_key(request), stored)

    response = visitor().get(mission.get_url())

    assert response["X-Cache"] == "MISS"
    assert old_placeholder not in response.content.decode()
    assert tokens_of(response) and csrf_placeholder_text() not in response.content.decode()


def test_page_keys_hold_no_url_so_a_long_link_raises_no_warning_holding_its_token(mission, recwarn):
    """A confirmation link with 140 characters of utm_* parameters made a 250+ character key:
    Django's CacheKeyWarning printed it, `jeton=` included, on stderr (outside the logs' mask)."""
    token = "42:1vABCd:Secr3tT0kenXyz0123456789"
    url = f"{mission.get_url()}?jeton={token}&" + "&".join(f"utm_{name}=" + "x" * 30 for name in
                                                          ("source", "medium", "campaign", "content", "term"))

    visitor().get(url)
    visitor().get(url)

    assert not [warning for warning in recwarn if "CacheKeyWarning" in warning.category.__name__]
    keys = [key for key in cache._cache if f":{page_cache.KEY_PREFIX}" in key]
    assert keys and all(len(key) < 120 and token not in key and "utm_" not in key for key in keys)


def test_applications_requests_and_registrations_do_not_flush_the_cache(
        mission, django_capture_on_commit_callbacks):
    from tests.missions.factories import ApplicationFactory, MissionRequestFactory

    with django_capture_on_commit_callbacks(execute=True):
        session = TrainingSessionPageFactory()
    before = page_cache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        ApplicationFactory(mission=mission)
        MissionRequestFactory()
        Registration.objects.create(session=session, association_name="Asso",
                                    contact_name="Camille", email="camille@asso.example.org", attendees=1)

    assert page_cache.generation() == before


def test_applying_and_registering_through_the_public_forms_do_not_flush_the_cache(
        mission, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session = TrainingSessionPageFactory(capacity=5)
    visitor().get(mission.get_url())
    client = visitor()
    before = page_cache.generation()

    with django_capture_on_commit_callbacks(execute=True):
        form_page = client.get(mission.get_url())
        client.post(mission.get_url(), {**APPLICATION, "csrfmiddlewaretoken": tokens_of(form_page)[0]})
        form_page = client.get(session.url)
        client.post(session.url, {**registration_data(), "csrfmiddlewaretoken": tokens_of(form_page)[0]})

    assert Application.objects.count() == 1 and Registration.objects.count() == 1
    assert page_cache.generation() == before
    assert visitor().get(mission.get_url())["X-Cache"] == "HIT"


def test_a_registration_makes_pages_showing_seats_stale_and_no_other(mission, django_capture_on_commit_callbacks):
    from courses.enums import RegistrationStatus

    with django_capture_on_commit_callbacks(execute=True):
        session = TrainingSessionPageFactory(capacity=3)
    for url in (session.url, mission.get_url()):
        visitor().get(url)
        assert visitor().get(url)["X-Cache"] == "HIT"

    with django_capture_on_commit_callbacks(execute=True):
        Registration.objects.create(session=session, association_name="Asso", contact_name="Camille",
                                    email="camille@asso.example.org", attendees=2,
                                    status=RegistrationStatus.CONFIRMED)
    session_page = visitor().get(session.url)

    assert session_page["X-Cache"] == "MISS"
    assert session_page.context["page"].seats_left == 1
    assert visitor().get(mission.get_url())["X-Cache"] == "HIT"


def test_a_hit_reads_the_page_its_generation_and_its_seats_in_one_round_trip_and_stays_exact(
        page_cache_on, django_capture_on_commit_callbacks, monkeypatch):
    from courses.enums import RegistrationStatus

    with django_capture_on_commit_callbacks(execute=True):
        session = TrainingSessionPageFactory(capacity=3)
    visitor().get(session.url)  # stored
    assert visitor().get(session.url)["X-Cache"] == "HIT"  # this process learns the seats' version key
    round_trips = []  # calls to the cache (Redis answers get_many in one MGET; local memory loops on get)
    inside = []
    for name in ("get", "get_many"):
        method = getattr(cache, name)

        def counted(*args, _method=method, _name=name, **kwargs):
            if not inside:
                round_trips.append(_name)
            inside.append(_name)
            try:
                return _method(*args, **kwargs)
            finally:
                inside.pop()
        monkeypatch.setattr(cache, name, counted)

    assert visitor().get(session.url)["X-Cache"] == "HIT"
    assert round_trips == ["get_many"]

    for taken in (1, 2):  # each registration makes the page stale, read in the same round trip
        with django_capture_on_commit_callbacks(execute=True):
            Registration.objects.create(session=session, association_name=f"Asso {taken}", contact_name="Camille",
                                        email=f"camille{taken}@asso.example.org", attendees=1,
                                        status=RegistrationStatus.CONFIRMED)
        first, second = visitor().get(session.url), visitor().get(session.url)
        assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
        assert first.context["page"].seats_left == 3 - taken


def test_a_full_session_pointing_to_another_date_is_cached_and_stops_pointing_once_that_date_is_full(
        page_cache_on, django_capture_on_commit_callbacks):
    from courses.enums import RegistrationStatus
    from tests.courses.factories import RegistrationFactory, TrainingPageFactory

    with django_capture_on_commit_callbacks(execute=True):
        course = TrainingPageFactory()
        full = TrainingSessionPageFactory(parent=course, capacity=1)
        RegistrationFactory(session=full)
        other = TrainingSessionPageFactory(parent=course, capacity=1)
    first = visitor().get(full.url)
    assert f'href="{other.url}"' in first.content.decode()
    assert visitor().get(full.url)["X-Cache"] == "HIT"

    with django_capture_on_commit_callbacks(execute=True):
        Registration.objects.create(session=other, association_name="Asso", contact_name="Camille",
                                    email="camille@asso.example.org", attendees=1,
                                    status=RegistrationStatus.CONFIRMED)
    again = visitor().get(full.url)

    assert again["X-Cache"] == "MISS"
    assert f'href="{other.url}"' not in again.content.decode()
    assert "Prévenez-moi de la prochaine session" in again.content.decode()


def test_the_alert_and_next_session_forms_are_cached_and_subscribing_with_ones_own_token_works(page_cache_on):
    from alerts.models import Subscription
    from tests.courses.factories import TrainingPageFactory

    course = TrainingPageFactory()
    for url in ("/alertes/", f"/alertes/prochaine-session/{course.pk}/"):
        visitor().get(url)
        assert visitor().get(url)["X-Cache"] == "HIT", url
    client = visitor()
    page = client.get("/alertes/")
    subscribed = client.post("/alertes/", {
        "email": "camille@example.org", "skills": ["video"], "frequency": "immediate", "consent": "on",
        "csrfmiddlewaretoken": tokens_of(page)[0],
    })

    assert page["X-Cache"] == "HIT"
    assert subscribed.status_code == 302
    assert Subscription.objects.get().email == "camille@example.org"
    assert visitor().post("/alertes/", {"email": "x@example.org"}).status_code == 403  # no token, no entry
