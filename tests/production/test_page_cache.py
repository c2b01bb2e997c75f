import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from home.models import SiteSettings
from tests.factories import StandardPageFactory, SuperUserFactory
from webassoc.page_cache import AnonymousPageCacheMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache_on(settings, home_page):
    # Site settings are created on first read, which counts as a content change.
    SiteSettings.for_site(home_page.get_site())
    settings.PAGE_CACHE_SECONDS = 300


def test_anonymous_page_is_served_from_the_cache_the_second_time(client, home_page, page_cache_on):
    page = StandardPageFactory(parent=home_page, title="À propos")

    first = client.get(page.url)
    second = client.get(page.url)

    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content


def test_publishing_a_change_invalidates_cached_pages(client, home_page, page_cache_on,
                                                     django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home_page, title="À propos", intro="Ancienne version.")
    client.get(page.url)

    page.intro = "Nouvelle version."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = client.get(page.url)

    assert response["X-Cache"] == "MISS"
    assert "Nouvelle version." in response.content.decode()


def test_cached_pages_are_invalidated_only_once_the_change_is_committed(home_page, page_cache_on,
                                                                       django_capture_on_commit_callbacks):
    """A page rendered between the save and the commit must not be cached as the new version."""
    from webassoc import page_cache

    before = page_cache.generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        StandardPageFactory(parent=home_page, title="Nouvelle page")
        assert page_cache.generation() == before

    assert callbacks
    assert page_cache.generation() != before


def test_cached_pages_are_revalidated_by_browsers(client, home_page, page_cache_on):
    response = client.get("/")

    assert response["Cache-Control"] == "no-cache"
    assert response.has_header("ETag")
    assert client.get("/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_logged_in_editors_never_get_cached_pages(client, home_page, page_cache_on):
    client.get("/")
    client.force_login(SuperUserFactory())

    response = client.get("/")

    assert not response.has_header("X-Cache")


def test_visitor_with_pending_messages_is_not_served_from_the_cache(client, home_page, page_cache_on):
    client.get("/")
    client.cookies["messages"] = "quelque-chose"

    response = client.get("/")

    assert not response.has_header("X-Cache")


def render_form(request):
    get_token(request)  # what {% csrf_token %} does
    return HttpResponse("<form>…</form>")


def test_pages_rendering_a_csrf_token_are_never_stored(settings, page_cache_on):
    middleware = AnonymousPageCacheMiddleware(render_form)
    request = RequestFactory().get("/missions/une-mission/")

    response = middleware(request)
    again = middleware(RequestFactory().get("/missions/une-mission/"))

    assert not response.has_header("X-Cache")
    assert not again.has_header("X-Cache")


def test_responses_marked_private_are_never_stored(page_cache_on):
    def personal(request):
        response = HttpResponse("Votre inscription")
        response["Cache-Control"] = "private, no-store"
        return response

    middleware = AnonymousPageCacheMiddleware(personal)
    middleware(RequestFactory().get("/formations/annulation/jeton/"))

    assert not middleware(RequestFactory().get("/formations/annulation/jeton/")).has_header("X-Cache")


def test_cache_is_off_when_disabled(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 0

    assert not client.get("/").has_header("X-Cache")
