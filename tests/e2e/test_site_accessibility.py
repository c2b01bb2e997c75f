"""Every public page type of the foundation: 0 axe-core violations, usable with the keyboard."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)



@pytest.mark.parametrize(
    "path",
    ["/", "/qui-sommes-nous/", "/questions-frequentes/", "/recherche/?q=bénévole",
     "/recherche/?q=introuvable", "/page-qui-n-existe-pas/"],
)
def test_public_page_has_no_axe_violations(page, live_server, demo_site, axe, path):
    page.goto(live_server.url + path)

    assert page.locator("html").get_attribute("lang") == "fr"
    assert axe(page) == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, live_server, demo_site):
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"
    assert page.locator(".skip-link").is_visible()

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


def test_visitor_searches_the_site_with_the_keyboard(page, live_server, demo_site):
    page.goto(live_server.url + "/")

    page.get_by_label("Rechercher sur le site").fill("bénévole")
    page.keyboard.press("Enter")

    page.wait_for_url("**/recherche/**")
    assert page.get_by_role("heading", name="Qui sommes-nous ?").is_visible()


def test_focus_is_visible_on_links(page, live_server, demo_site):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")

    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_axe_check_really_reports_violations(page, live_server, demo_site, axe):
    """Guards the guard: a page with an unlabelled field and an image without alt must fail."""
    page.goto(live_server.url + "/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<input type=\"text\"><img src=\"/static/images/favicon.svg\">')"
    )

    violations = axe(page)

    assert any(v.startswith("label ") for v in violations)
    assert any(v.startswith("image-alt ") for v in violations)
