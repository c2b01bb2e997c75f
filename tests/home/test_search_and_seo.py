import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_search_finds_a_live_page_by_its_content(client, home_page):
    StandardPageFactory(parent=home_page, title="Devenir bénévole", intro="Rejoignez la communauté.")
    StandardPageFactory(parent=home_page, title="Mentions légales", intro="Éditeur du site.")

    response = client.get("/recherche/", {"q": "bénévole"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Devenir bénévole" in html
    assert "Mentions légales" not in html
    assert "1 résultat pour «\u00a0bénévole\u00a0»" in html


def test_search_ignores_draft_pages(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Projet secret", live=False)
    page.unpublish()

    html = client.get("/recherche/", {"q": "secret"}).content.decode()

    assert "Aucun résultat pour «\u00a0secret\u00a0»" in html


def test_search_without_query_shows_only_the_form(client, home_page):
    response = client.get("/recherche/")

    assert response.status_code == 200
    assert "résultat" not in response.content.decode()


def test_search_results_are_paginated_by_ten(client, home_page):
    for number in range(12):
        StandardPageFactory(parent=home_page, title=f"Atelier accessibilité {number}")

    first = client.get("/recherche/", {"q": "accessibilité"}).content.decode()
    second = client.get("/recherche/", {"q": "accessibilité", "page": 2}).content.decode()

    assert first.count('class="search-results__item"') == 10
    assert second.count('class="search-results__item"') == 2
    assert "Page 2 sur 2" in second


@pytest.mark.parametrize(("asked", "shown"), [("abc", 1), ("0", 1), ("99", 2), ("9" * 30, 1)])
def test_a_malformed_or_out_of_range_page_shows_the_nearest_one(client, home_page, asked, shown):
    for number in range(12):
        StandardPageFactory(parent=home_page, title=f"Atelier accessibilité {number}")

    response = client.get("/recherche/", {"q": "accessibilité", "page": asked})

    assert response.status_code == 200
    assert response.context["page_obj"].number == shown


def test_sitemap_lists_live_pages_only(client, home_page):
    StandardPageFactory(parent=home_page, title="Publiée", slug="publiee")
    draft = StandardPageFactory(parent=home_page, title="Brouillon", slug="brouillon")
    draft.unpublish()

    response = client.get("/sitemap.xml")

    xml = response.content.decode()
    assert response.status_code == 200
    assert "/publiee/</loc>" in xml
    assert "/brouillon/" not in xml
    assert "<loc>http://localhost/alertes/</loc>" in xml
    assert "<loc>http://localhost/plan-du-site/</loc>" in xml


def test_robots_txt_points_to_the_sitemap_and_hides_the_admin(client, home_page):
    response = client.get("/robots.txt")

    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_public_pages_send_a_strict_content_security_policy(client, home_page):
    response = client.get("/")

    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_admin_login_page_loads_in_french(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()
