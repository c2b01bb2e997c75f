"""The matchmaking loop in a real browser: a volunteer applies and follows the application; a
coordinator declines it with a reason (the volunteer sees it and other missions) and introduces
another one; 14 days later (clock moved) the association asks the team for help from the
check-in email, and the case shows on the admin dashboard. 0 axe violations on every new public
page and state."""

import re
from datetime import timedelta

import pytest
from django.core import mail

from missions import services, tokens
from missions.models import Application, FollowUpCase
from tests.factories import SuperUserFactory
from tests.missions.factories import ApplicationFactory, MissionFactory, MissionIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def path_in(body, path):
    return re.search(rf"https?://[^/\s]+({re.escape(path)}\?jeton=\S+)", body).group(1)


def assert_accessible(page, axe, what):
    violations = axe(page)
    assert violations == [], f"{what}: {violations}"


def log_in(page, live_server):
    SuperUserFactory(username="coordination", password="mot-de-passe-de-test")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "coordination")
    page.fill("#id_password", "mot-de-passe-de-test")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_the_loop_from_application_to_help_request(page, live_server, axe):
    MissionIndexPageFactory()
    mission = MissionFactory(title="Audit d'accessibilité", slug="audit", skills=["accessibilite"],
                             contact_email="asso@example.org")
    MissionFactory(title="Refonte accessible", slug="refonte", skills=["accessibilite"])

    # A volunteer applies: the thank-you says what happens next and links to the follow page.
    page.goto(live_server.url + "/missions/audit/")
    page.fill("#id_name", "Camille Bénévole")
    page.fill("#id_email", "camille@example.org")
    page.locator(f"input[name=skills][value='{mission.skills.get().pk}']").check()
    page.fill("#id_message", "J'audite des sites depuis cinq ans.")
    page.check("#id_consent")
    page.locator(".mission__apply button[type=submit]").click()
    page.wait_for_selector(".message--success")
    assert page.get_by_role("heading", name=re.compile(r"Et maintenant\s\?")).is_visible()
    assert page.locator("#id_name").count() == 0
    assert_accessible(page, axe, "merci")
    page.get_by_role("link", name="Suivre ma candidature").click()
    page.wait_for_url(re.compile(r"/candidatures/suivi/\?jeton="))
    assert page.get_by_test_id("application-status").inner_text() == "Nouvelle"
    assert_accessible(page, axe, "suivi (nouvelle)")
    follow_url = page.url
    page.get_by_role("link", name="Retirer ma candidature").click()
    assert_accessible(page, axe, "retrait (confirmation)")

    # A coordinator declines it with a reason, in one save.
    log_in(page, live_server)
    application = Application.objects.get(email="camille@example.org")
    page.goto(f"{live_server.url}/admin/candidatures/edit/{application.pk}/")
    page.select_option("#id_status", "declinee")
    page.select_option("#id_decline_reason", "profil")
    page.locator("button[type=submit]", has_text="Enregistrer").first.click()
    page.wait_for_selector(".messages")
    assert "la décision «\u00a0Déclinée\u00a0» au bénévole (camille@example.org)" in page.locator(".messages").inner_text()

    # The volunteer sees the decision, its reason and another mission.
    page.goto(follow_url)
    assert page.get_by_test_id("application-status").inner_text() == "Déclinée"
    assert page.get_by_test_id("decline-reason").inner_text() == "Profil ne correspondant pas aux besoins"
    assert "Refonte accessible" in page.get_by_test_id("suggestions").inner_text()
    assert_accessible(page, axe, "suivi (déclinée)")

    # Another application is introduced in one save; the message names both emails.
    other = ApplicationFactory(mission=mission, name="Dominique", email="dominique@example.org")
    page.goto(f"{live_server.url}/admin/candidatures/edit/{other.pk}/")
    page.select_option("#id_status", "mise_en_relation")
    page.locator("button[type=submit]", has_text="Enregistrer").first.click()
    page.wait_for_selector(".messages")
    assert "asso@example.org" in page.locator(".messages").inner_text()
    other.refresh_from_db()

    # 14 days later (clock moved), the association asks the team for help from its check-in email.
    mail.outbox.clear()
    assert services.send_checkins(now=other.matched_at + timedelta(days=14, hours=1)) == 1
    body = next(message.body for message in mail.outbox if message.to == ["asso@example.org"])
    page.goto(live_server.url + path_in(body, "/mises-en-relation/tout-va-bien/"))
    assert_accessible(page, axe, "tout va bien (question)")
    page.goto(live_server.url + path_in(body, "/mises-en-relation/besoin-d-aide/"))
    assert_accessible(page, axe, "besoin d'aide (formulaire)")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    assert_accessible(page, axe, "besoin d'aide (erreurs)")
    page.fill("#id_description", "Nous n'avons plus de nouvelles du bénévole.")
    page.locator("input[name=urgency][value=haute]").check()
    page.locator("form.form button[type=submit]").click()
    page.wait_for_selector(".message--success")
    assert page.locator("#id_description").count() == 0
    assert_accessible(page, axe, "besoin d'aide (merci)")
    case = FollowUpCase.objects.get()
    assert case.side == "association"

    # The case shows on the dashboard.
    page.goto(live_server.url + "/admin/")
    panel = page.locator("#open-followup-cases-section")
    assert "Audit d'accessibilité" in panel.inner_text() and "Urgent" in panel.inner_text()

    # Feedback page, a link used twice, and a broken link are polite and accessible too.
    services.record_outcome(other, outcome="realisee")
    feedback_body = next(m.body for m in mail.outbox if m.to == ["dominique@example.org"] and "avis" in m.subject)
    page.goto(live_server.url + path_in(feedback_body, "/mises-en-relation/avis/"))
    assert_accessible(page, axe, "avis (formulaire)")
    page.goto(live_server.url + "/candidatures/suivi/?jeton=abimé")
    assert_accessible(page, axe, "lien incorrect")
    page.goto(f"{live_server.url}/candidatures/retrait/?jeton={tokens.make(tokens.FOLLOW, application)}")
    assert "ne peut plus être retirée" in page.content()
    assert_accessible(page, axe, "retrait impossible")
