"""Manifesto and news in a real browser: keyboard-only signing, emailed link, 0 axe violations."""

import re

import pytest

from home.demo.manifesto import DEMO_SIGNATURES
from home.models import Signature
from outbox.models import Email
from tests.e2e.keyboard import focused, tab_to

pytestmark = pytest.mark.django_db(transaction=True)



def test_visitor_signs_the_manifesto_with_the_keyboard_and_confirms_by_email(page, live_server, demo_site):
    page.goto(live_server.url + "/manifeste/")

    tab_to(page, text="Signer à mon tour")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_first_name"
    for value in ["Alex", "Clavier", "alex.clavier@exemple.org", "Experte accessibilité", "", "Rennes"]:
        if value:
            page.keyboard.type(value)
        page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_show_publicly"  # unticked by default: publishing is a choice
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_consent"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Lire la politique de confidentialité"
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Je signe le manifeste"
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/manifeste/merci/"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Plus qu")
    signature = Signature.objects.get(email="alex.clavier@exemple.org")
    assert signature.confirmed_at is None

    email = Email.objects.get(tag="manifesto_confirmation", to=["alex.clavier@exemple.org"])
    link = re.search(r"https?://\S+/confirmer/\?jeton=\S+", email.body_text).group(0)
    path = link.split("/", 3)[3]
    page.goto(live_server.url + "/" + path)
    tab_to(page, text="Je confirme ma signature")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/manifeste/#signataires$"))
    assert page.get_by_text("Votre signature est confirmée").is_visible()
    assert page.get_by_text("Alex Clavier").is_visible()
    assert page.locator("#manifesto-progress").get_attribute("value") == str(DEMO_SIGNATURES + 1)


def test_manifesto_with_errors_has_no_axe_violations_and_focuses_the_summary(
    page, live_server, demo_site, axe
):
    page.goto(live_server.url + "/manifeste/")

    tab_to(page, text="Je signe le manifeste")
    page.keyboard.press("Enter")

    page.wait_for_selector(".error-summary")
    page.wait_for_load_state("load")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.get_by_role("link", name=re.compile("Prénom")).is_visible()
    assert axe(page) == []


@pytest.mark.parametrize(
    "path",
    ["/manifeste/", "/manifeste/merci/", "/manifeste/nouveau-lien/", "/manifeste/confirmer/?jeton=faux",
     "/actualites/", "/actualites/?tag=conseils", "/actualites/?tag=inconnu",
     "/actualites/lancement-du-manifeste-des-1000/", "/"],
)
def test_manifesto_and_news_pages_have_no_axe_violations(page, live_server, demo_site, axe, path):
    page.goto(live_server.url + path)

    assert axe(page) == []


def test_visitor_filters_news_by_tag_with_the_keyboard(page, live_server, demo_site):
    page.goto(live_server.url + "/actualites/")

    tab_to(page, text="Accessibilité")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/actualites/\?tag="))
    titles = page.locator(".news-list .card__title").all_inner_texts()
    assert titles == ["Accessibilité\u00a0: cinq premiers pas pour un site associatif"]  # French typography
