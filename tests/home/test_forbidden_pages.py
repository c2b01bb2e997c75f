"""A refused request gets the site's own French page (DEBUG off), never Django's bare English one:
403 for a page someone may not see, and the CSRF page for a form that expired or came without its
cookie, which says nothing was saved and leads back to the form."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import include, path

from home.models import Signature
from tests.home.factories import ManifestoPageFactory


def forbidden(request):
    raise PermissionDenied


urlpatterns = [path("interdit/", forbidden), path("", include("webassoc.urls"))]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@pytest.fixture(autouse=True)
def _production_like(settings):
    settings.DEBUG = False


def test_a_forbidden_page_is_the_site_403_in_french_with_ways_back(client, home_page):
    response = client.get("/interdit/")

    html = response.content.decode()
    assert response.status_code == 403
    assert "<title>Accès refusé – " in html
    assert "Vous n’avez pas accès à cette page" in html
    assert 'class="skip-link"' in html and 'id="contenu"' in html  # the site's layout
    assert 'href="/recherche/"' in html and 'href="/plan-du-site/"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Forbidden" not in html


def test_a_form_sent_without_its_security_cookie_gets_the_site_csrf_page(home_page):
    manifesto = ManifestoPageFactory(parent=home_page, slug="manifeste")
    client = Client(enforce_csrf_checks=True)

    response = client.post(manifesto.url, {"first_name": "Camille", "email": "camille@exemple.org"},
                           HTTP_REFERER="http://testserver/manifeste/")

    html = response.content.decode()
    assert response.status_code == 403
    assert "<title>Formulaire expiré – " in html
    assert "Votre formulaire n’a pas pu être envoyé" in html
    assert "Rien n’a été enregistré." in html
    assert "bloque les cookies" in html
    assert '<a class="button" href="http://testserver/manifeste/">Revenir au formulaire</a>' in html
    assert 'class="skip-link"' in html and 'id="contenu"' in html
    assert "CSRF" not in html and "Forbidden" not in html
    assert "no-cache" in response["Cache-Control"]
    assert Signature.objects.count() == 0


def test_the_csrf_page_never_links_back_to_another_site(home_page):
    manifesto = ManifestoPageFactory(parent=home_page, slug="manifeste")

    response = Client(enforce_csrf_checks=True).post(manifesto.url, {}, HTTP_REFERER="https://ailleurs.example/piege/")

    html = response.content.decode()
    assert response.status_code == 403
    assert "ailleurs.example" not in html
    assert "Revenir au formulaire" not in html and 'href="/"' in html
