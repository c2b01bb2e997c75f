"""Alerts in a real browser: subscribe with the keyboard, confirm, a mission published in the admin
alerts the person, one-click unsubscribe; 0 axe violations on every new page and state."""

import re
from urllib.parse import urlsplit

import pytest

from alerts import services
from alerts.models import Subscription
from missions.models import Skill
from outbox.models import Email
from tests.alerts.factories import SubscriptionFactory
from tests.courses.factories import TrainingPageFactory
from tests.e2e.keyboard import focused, tab_to
from tests.factories import SuperUserFactory
from tests.missions.factories import MissionFactory, MissionIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def missions(db):
    MissionIndexPageFactory()
    return {"video": MissionFactory(title="Vidéo de présentation", slug="video-presentation", skills=["video"])}


def path_of(url):
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def test_subscribe_with_the_keyboard_confirm_get_an_alert_from_the_admin_and_unsubscribe_in_one_click(
    page, live_server, missions
):
    page.goto(live_server.url + "/missions/competences/video/")
    tab_to(page, selector="#alert-cta-email")
    page.keyboard.type("alex.alerte@exemple.org")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/alertes/$"))  # posted: the address is in no URL
    assert page.locator("#id_email").input_value() == "alex.alerte@exemple.org"
    assert page.locator(".error-summary").count() == 0 and not page.locator("#id_consent").is_checked()
    assert page.locator('input[name="skills"][value="video"]').is_checked()
    tab_to(page, selector="#id_in_pool")
    page.keyboard.press("Space")
    tab_to(page, selector="#id_consent")
    page.keyboard.press("Space")
    tab_to(page, text="Créer mon alerte")
    page.keyboard.press("Enter")
    page.get_by_text("Rien ne vous sera envoyé avant cette confirmation").wait_for()  # redirected to /alertes/

    email = Email.objects.get(tag="alerts_confirmation", to=["alex.alerte@exemple.org"])
    link = re.search(r"https?://\S+/alertes/confirmer/\?jeton=\S+", email.body_text).group(0)
    page.goto(live_server.url + path_of(link))
    tab_to(page, text="Je confirme")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/alertes/preferences/\?jeton="))
    assert Subscription.objects.get().is_active and Subscription.objects.get().in_pool

    # An editor publishes a matching mission in the admin.
    draft = MissionFactory(title="Montage vidéo pour une radio", slug="montage-radio", skills=["video"], live=False)
    SuperUserFactory(username="editrice", password="mot-de-passe-solide-42")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editrice")
    page.fill("#id_password", "mot-de-passe-solide-42")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(live_server.url + f"/admin/snippets/missions/mission/edit/{draft.pk}/")
    page.evaluate("document.querySelector('button[name=\"action-publish\"]').click()")
    page.wait_for_url(re.compile(r"/admin/snippets/missions/mission/(\?.*)?$"))

    alert, = [email for email in Email.objects.filter(tag="alerts_mission") if email.to == ["alex.alerte@exemple.org"]]
    assert "Montage vidéo pour une radio" in alert.subject
    assert alert.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<(.+)>", alert.headers["List-Unsubscribe"]).group(1)

    # The mail client's one-click unsubscribe: a POST, no session, no CSRF token.
    response = page.request.post(live_server.url + path_of(unsubscribe),
                                 form={"List-Unsubscribe": "One-Click"})
    assert response.status == 200
    subscription = Subscription.objects.get()
    assert subscription.is_anonymised and not subscription.is_active


def test_next_session_request_with_the_keyboard(page, live_server, db):
    course = TrainingPageFactory(title="Sécurité des sites")
    page.goto(live_server.url + course.url)
    tab_to(page, text="Me prévenir de la prochaine session")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/alertes/prochaine-session/"))
    page.keyboard.press("Tab")
    tab_to(page, selector="#id_email")
    page.keyboard.type("asso@exemple.org")
    tab_to(page, selector="#id_consent")
    page.keyboard.press("Space")
    tab_to(page, text="Prévenez-moi")
    assert focused(page)["tag"] == "BUTTON"
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Confirmez votre demande avec le lien")
    assert Email.objects.filter(tag="alerts_waiter_confirmation", to=["asso@exemple.org"]).exists()


def new_pages(course):
    subscription = SubscriptionFactory(email="zoe@exemple.org", skills=["video"])
    unconfirmed = SubscriptionFactory(email="pas-encore@exemple.org", skills=["video"], confirmed_at=None)
    token = services.manage_token(subscription)
    return [
        "/alertes/", "/alertes/?competences=video&email=zoe@exemple.org",
        f"/alertes/confirmer/?jeton={services.confirm_token(unconfirmed)}", "/alertes/confirmer/?jeton=faux",
        f"/alertes/preferences/?jeton={token}", "/alertes/preferences/?jeton=faux",
        f"/alertes/desinscription/?jeton={token}",
        f"/alertes/prochaine-session/{course.pk}/", "/missions/", "/missions/competences/video/", course.url,
    ]


def test_alert_pages_have_no_axe_violations(page, live_server, missions, axe):
    course = TrainingPageFactory(title="Sécurité des sites")
    for path in new_pages(course):
        page.goto(live_server.url + path)
        assert axe(page) == [], path


def test_alert_forms_with_errors_and_the_unsubscribed_page_have_no_axe_violations(page, live_server, missions, axe):
    page.goto(live_server.url + "/alertes/")
    tab_to(page, text="Créer mon alerte")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    assert axe(page) == []

    subscription = SubscriptionFactory(email="zoe@exemple.org", skills=["video"])
    page.goto(live_server.url + f"/alertes/desinscription/?jeton={services.manage_token(subscription)}")
    tab_to(page, text="Me désinscrire")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Votre désinscription est faite")
    assert axe(page) == []

    # The same link opened again from an old email: "déjà faite", no error.
    response = page.goto(live_server.url + f"/alertes/desinscription/?jeton={services.manage_token(subscription)}")
    assert response.status == 200 and page.get_by_text("Votre désinscription est déjà faite").count() >= 1
    assert axe(page) == []


def test_the_confirmation_and_welcome_emails_have_no_axe_violations(page, live_server, missions, axe):
    subscription = services.subscribe(email="zoe@exemple.org", skills=list(Skill.objects.filter(slug="video")),
                                      in_pool=True)
    services.confirm(services.confirm_token(subscription))

    for tag in ("alerts_confirmation", "alerts_welcome"):
        email = Email.objects.get(tag=tag, to=["zoe@exemple.org"])
        assert "Vidéo" in email.body_html
        page.set_content(email.body_html)
        assert axe(page) == [], tag
