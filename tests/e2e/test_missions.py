"""Missions in a real browser: keyboard-only journey and 0 axe-core violations."""

import re

import pytest

from missions.models import Application, Skill
from tests.e2e.keyboard import tab_to
from tests.missions.factories import AssociationFactory, MissionFactory, MissionIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def missions(db):
    MissionIndexPageFactory()
    association = AssociationFactory(name="Les Pousses Solidaires", description="Jardins partagés.",
                                     website="https://pousses.example.org")
    return {
        "both": MissionFactory(title="Campagne de dons par e-mail", slug="campagne-dons",
                               association=association, skills=["collecte", "emailing"]),
        "collecte": MissionFactory(title="Page de collecte", slug="page-collecte", skills=["collecte"]),
        "video": MissionFactory(title="Vidéo de présentation", slug="video-presentation", skills=["video"]),
        "closed": MissionFactory(title="Mission close", slug="mission-close", status="cloturee"),
    }


def test_volunteer_filters_by_two_skills_opens_a_mission_and_applies_with_the_keyboard(
    page, live_server, missions
):
    page.goto(live_server.url + "/missions/")

    tab_to(page, selector="input[name=competences][value=collecte]")
    page.keyboard.press("Space")
    tab_to(page, selector="input[name=competences][value=emailing]")
    page.keyboard.press("Space")
    tab_to(page, selector=".mission-filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"(?=.*competences=collecte)(?=.*competences=emailing)"))  # in label order

    cards = page.locator(".mission-list .card__title")
    assert cards.all_inner_texts() == ["Campagne de dons par e-mail"]
    assert page.locator(".result-count").inner_text() == "1 mission ouverte"

    tab_to(page, selector="a[href='/missions/campagne-dons/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/missions/campagne-dons/")
    assert page.get_by_role("heading", level=1).inner_text() == "Campagne de dons par e-mail"

    tab_to(page, selector="#id_name")
    page.keyboard.type("Camille Bénévole")
    page.keyboard.press("Tab")
    page.keyboard.type("camille@example.org")
    # Collecte (the form offers only the skills of open missions)
    tab_to(page, selector=f"input[name=skills][value='{Skill.objects.get(slug='collecte').pk}']")
    page.keyboard.press("Space")
    tab_to(page, selector="#id_message")
    page.keyboard.type("Je fais des campagnes d'e-mails depuis dix ans.")
    page.keyboard.press("Tab")
    page.keyboard.type("Le mardi soir")
    page.keyboard.press("Tab")
    page.keyboard.type("https://www.linkedin.com/in/camille")
    tab_to(page, selector="#id_consent")
    page.keyboard.press("Space")
    tab_to(page, selector=".mission__apply button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_selector(".message--success")
    assert "Merci, votre candidature est bien envoyée" in page.locator(".messages").inner_text()
    assert page.locator("#id_name").count() == 0  # no empty form under the thank-you
    application = Application.objects.get()
    assert (application.email, application.mission.slug) == ("camille@example.org", "campagne-dons")
    assert [s.slug for s in application.skills.all()] == ["collecte"]


def test_the_error_summary_takes_the_focus_and_links_to_the_fields(page, live_server, missions):
    page.goto(live_server.url + "/missions/campagne-dons/")

    tab_to(page, selector=".mission__apply button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    page.wait_for_load_state("load")

    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    tab_to(page, selector=".error-summary a[href='#id_name']")
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"


@pytest.mark.parametrize(
    "path",
    [
        "/missions/",
        "/missions/?competences=collecte&competences=emailing&format=a_distance",
        "/missions/?competences=video&competences=search",  # empty state
        "/missions/?lieu=Marseille&format=sur_place",  # chips, empty state with a hint per filter
        "/missions/campagne-dons/",
        "/missions/mission-close/",
        "/missions/competences/collecte/",
        "/missions/proposer/",
        "/",
    ],
)
def test_missions_pages_have_no_axe_violations(page, live_server, missions, axe, path):
    page.goto(live_server.url + path)

    assert axe(page) == []


@pytest.mark.parametrize("path", ["/missions/campagne-dons/", "/missions/proposer/"])
def test_forms_with_errors_have_no_axe_violations(page, live_server, missions, axe, path):
    page.goto(live_server.url + path)
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_selector(".error-summary")

    assert page.locator(".field--error").count() >= 3
    assert axe(page) == []


def test_on_a_phone_the_results_come_before_the_filters_which_open_with_the_keyboard(
    page, live_server, missions, axe
):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(live_server.url + "/missions/")

    first_card = page.locator(".mission-list .card").first.bounding_box()
    assert first_card["y"] < 812, first_card  # the first result is on the first screen
    assert not page.locator("input[name=competences][value=video]").is_visible()
    assert axe(page) == []

    summary = page.locator("summary.filters__summary")
    assert summary.inner_text().strip().endswith("Afficher les filtres")
    tab_to(page, selector="summary.filters__summary")
    page.keyboard.press("Enter")
    assert summary.inner_text().strip() == "Masquer les filtres"  # says what it does once open
    tab_to(page, selector="input[name=competences][value=video]")
    page.keyboard.press("Space")
    tab_to(page, selector=".mission-filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"competences=video"))

    assert page.locator(".mission-list .card__title").all_inner_texts() == ["Vidéo de présentation"]
    assert "1 actif" in page.locator("summary.filters__summary").inner_text()
    assert axe(page) == []


def test_on_a_wide_screen_the_filters_are_shown_without_opening_anything(page, live_server, missions):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/missions/")

    assert page.locator("input[name=competences][value=video]").is_visible()
    assert not page.locator("summary.filters__summary").is_visible()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_active_filters_show_above_the_results_and_a_chip_removes_its_filter(
    page, live_server, missions, axe, width
):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(live_server.url + "/missions/?competences=collecte&competences=emailing")

    chips = page.get_by_role("list", name="Filtres actifs").get_by_role("link")
    assert [text.replace("\n", " ") for text in chips.all_inner_texts()] == [
        "Compétences\u00a0: Campagnes e-mail (e-mailing) ×", "Compétences\u00a0: Collecte en ligne ×"]
    first_card = page.locator(".mission-list .card").first.bounding_box()
    assert page.locator(".active-filters").bounding_box()["y"] < first_card["y"] < 844
    assert axe(page) == []

    emailing = page.get_by_role("link", name="Retirer le filtre Compétences\u00a0: Campagnes e-mail (e-mailing)")
    assert emailing.get_attribute("href") == "/missions/?competences=collecte"
    tab_to(page, selector=".active-filters__list li:first-child a")  # reached with the keyboard
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/missions/\?competences=collecte$"))
    assert sorted(page.locator(".mission-list .card__title").all_inner_texts()) == [
        "Campagne de dons par e-mail", "Page de collecte"]

    page.get_by_role("link", name="Effacer tous les filtres").click()
    page.wait_for_url(re.compile(r"/missions/$"))
    assert page.locator(".active-filters").count() == 0


@pytest.mark.parametrize("width", [320, 390])
def test_an_unbroken_keyword_wraps_inside_its_chip_on_a_phone(page, live_server, missions, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/missions/?q=" + "x" * 150)

    chip = page.locator(".chip").first
    assert chip.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert chip.bounding_box()["x"] + chip.bounding_box()["width"] <= width
