import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_renders_its_hero_and_empty_sections(client, home_page):
    home_page.hero_title = "Vos compétences au service des associations"
    home_page.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    assert "home/home_page.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "<h1 id=\"hero-title\">Vos compétences au service des associations</h1>" in html
    assert "Aucune mission ouverte pour le moment." in html
    assert "Aucune session de formation programmée pour le moment." in html
    assert "Pas encore d’actualité publiée." in html


def test_home_page_shows_key_figures_with_french_typography(client, home_page):
    home_page.key_figures = [
        {"type": "figure", "value": {"value": "1 400+", "label": "bénévoles"}},
        {"type": "figure", "value": {"value": "0 €", "label": "de budget : tout est bénévole"}},
    ]
    home_page.save_revision().publish()

    html = client.get("/").content.decode()

    assert '<span class="figures__value">1\u00a0400+</span>' in html
    assert '<span class="figures__value">0\u00a0€</span>' in html
    assert "de budget\u00a0: tout est bénévole" in html


def test_standard_page_renders_title_intro_and_body(client, home_page):
    page = StandardPageFactory(
        parent=home_page, title="Qui sommes-nous ?", slug="qui-sommes-nous",
        intro="Une communauté bénévole.",
        body=[{"type": "heading", "value": {"text": "Notre histoire", "level": "h2"}}],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert "home/standard_page.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "<h1>Qui sommes-nous\u00a0?</h1>" in html  # French typography: no "?" alone on a line
    assert "<h2>Notre histoire</h2>" in html
    assert "Une communauté bénévole." in html


def test_a_heading_block_renders_at_the_level_the_editor_chose(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="niveaux", body=[
        {"type": "heading", "value": {"text": "Section", "level": "h2"}},
        {"type": "heading", "value": {"text": "Sous-partie", "level": "h3"}},
    ])

    html = client.get(page.url).content.decode()

    assert "<h2>Section</h2>" in html
    assert "<h3>Sous-partie</h3>" in html


def test_every_page_declares_french_and_has_a_skip_link(client, home_page):
    html = client.get("/").content.decode()

    assert '<html lang="fr"' in html
    assert 'class="skip-link" href="#contenu"' in html
    assert '<main id="contenu"' in html


def test_page_title_and_meta_description_come_from_the_page(client, home_page):
    page = StandardPageFactory(
        parent=home_page, title="FAQ", seo_title="Questions fréquentes sur Webassoc",
        search_description="Tout savoir sur le bénévolat web.",
    )

    html = client.get(page.url).content.decode()

    assert "<title>Questions fréquentes sur Webassoc" in html
    assert '<meta name="description" content="Tout savoir sur le bénévolat web.">' in html
    assert '<meta property="og:title" content="Questions fréquentes sur Webassoc">' in html
    assert '<meta property="og:locale" content="fr_FR">' in html


def test_main_menu_lists_only_pages_shown_in_menus(client, home_page):
    StandardPageFactory(parent=home_page, title="Qui sommes-nous ?", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Mentions légales", show_in_menus=False)

    html = client.get("/").content.decode()
    nav = html.split('aria-label="Navigation principale"')[1].split("</nav>")[0]

    assert "Qui sommes-nous\u00a0?" in nav
    assert "Mentions légales" not in nav


def test_menu_marks_the_current_section(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Qui sommes-nous ?", show_in_menus=True)

    html = client.get(page.url).content.decode()

    assert f'href="{page.url}" aria-current="page"' in html


def test_unknown_url_returns_the_french_404_page(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@override_settings(DEBUG=False)
def test_server_error_page_is_standalone_and_french(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")

    assert '<html lang="fr" dir="ltr">' in html
    assert "Le site a rencontré un problème" in html
    assert "{%" not in html and "{{" not in html


def test_private_pages_are_not_served_to_visitors(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Brouillon interne")
    PageViewRestriction.objects.create(page=page, restriction_type="login")

    response = client.get(page.url)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] or "login" in response["Location"]


def meta_description_cases():
    from courses.models import TrainingIndexPage, TrainingPage
    from home.models import ManifestoPage, NewsIndexPage, NewsPage, StandardPage
    from missions.models import MissionIndexPage

    for model in (StandardPage, ManifestoPage, NewsIndexPage, NewsPage, MissionIndexPage, TrainingIndexPage):
        yield pytest.param(model, "intro", id=model.__name__)
    yield pytest.param(TrainingPage, "summary", id="TrainingPage")


@pytest.mark.parametrize(("model", "field"), list(meta_description_cases()))
def test_without_an_seo_description_a_page_is_described_by_its_intro_or_summary(model, field):
    page = model(title="Page", **{field: "Ce que dit la page."})
    described = page.get_meta_description()
    page.search_description = "Pour les moteurs de recherche."

    assert described == "Ce que dit la page."
    assert page.get_meta_description() == "Pour les moteurs de recherche."
