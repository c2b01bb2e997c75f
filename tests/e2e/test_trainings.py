"""An association registers for a training with the keyboard only, then cancels from its email."""

import re

import pytest
from django.core import mail

from courses.models import Registration, TrainingSessionPage
from tests.e2e.keyboard import tab_to

pytestmark = pytest.mark.django_db(transaction=True)



def open_session():
    """A demo session with seats left."""
    for session in TrainingSessionPage.objects.upcoming().with_seats().order_by("start"):
        if session.seats_left >= 3 and not session.closed_reason():
            return session
    raise AssertionError("the demo has no open session")


def test_association_registers_with_the_keyboard_and_cancels_from_the_email(page, live_server, demo_site, axe):
    session = open_session()
    page.goto(live_server.url + session.get_parent().url)

    tab_to(page, name_starts=session.title)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{session.url}")
    assert axe(page) == []

    tab_to(page, name_starts="Nom de l’association")
    page.keyboard.type("Les Ateliers du Quartier")
    page.keyboard.press("Tab")
    page.keyboard.type("Nora Haddad")
    page.keyboard.press("Tab")
    page.keyboard.type("nora@ateliers.example.org")
    tab_to(page, name_starts="Nombre de participants")
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    tab_to(page, name_starts="J’accepte")
    page.keyboard.press("Space")
    tab_to(page, name_starts="Envoyer mon inscription")
    page.keyboard.press("Enter")

    page.wait_for_selector(".message--success")
    assert "Votre inscription est confirmée" in page.locator(".message--success").inner_text()
    registration = Registration.objects.get(email="nora@ateliers.example.org")
    assert registration.status == "confirmed" and registration.attendees == 2

    email = mail.outbox[-1]
    cancel_path = re.search(r"https?://[^/\s]+(/formations/inscriptions/\S+/annulation/)", email.body).group(1)
    page.goto(live_server.url + cancel_path)
    assert axe(page) == []
    tab_to(page, name_starts="Oui, annuler mon inscription")
    page.keyboard.press("Enter")

    page.wait_for_selector(".message--success")
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_form_errors_take_focus_and_are_accessible(page, live_server, demo_site, axe):
    session = open_session()
    page.goto(live_server.url + session.url)

    page.get_by_role("button", name="Envoyer mon inscription").press("Enter")

    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.get_by_label("Votre adresse e-mail").get_attribute("aria-invalid") == "true"
    assert axe(page) == []


@pytest.mark.parametrize("which", ["catalogue", "course", "filtered"])
def test_training_pages_have_no_axe_violations(page, live_server, demo_site, axe, which):
    session = open_session()
    path = {
        "catalogue": "/formations/",
        "course": session.get_parent().url,
        "filtered": "/formations/?mode=sur_place&theme=accessibilite",
    }[which]

    page.goto(live_server.url + path)

    assert axe(page) == []


def test_full_sessions_leaving_the_waitlist_and_the_waitlist_email_have_no_axe_violations(
    page, live_server, demo_site, axe
):
    from courses import services
    from outbox.models import Email
    from tests.courses.factories import RegistrationFactory, TrainingPageFactory, TrainingSessionPageFactory

    full = next(session for session in TrainingSessionPage.objects.upcoming().filter(cancelled=False)
                .with_seats().order_by("start") if session.is_full and session.other_dates())
    page.goto(live_server.url + full.url)
    assert page.get_by_role("button", name="M’inscrire sur la liste d’attente").count() == 1
    assert page.locator(".other-dates a").count() >= 1
    assert axe(page) == []

    alone = TrainingSessionPageFactory(parent=TrainingPageFactory(title="Sécurité des sites"), capacity=1)
    RegistrationFactory(session=alone)
    waiting = RegistrationFactory(session=alone, status="waitlisted")
    page.goto(live_server.url + alone.url)
    assert page.get_by_role("heading", name="Prévenez-moi de la prochaine session").count() == 1
    assert axe(page) == []

    page.goto(live_server.url + waiting.get_cancel_url())
    assert page.get_by_role("heading", name="Quitter la liste d’attente").count() == 1
    assert axe(page) == []

    services.register(full, association_name="Les Ateliers", contact_name="Nora", email="nora@ateliers.example.org")
    email = Email.objects.get(template="courses/registration_waitlisted", to=["nora@ateliers.example.org"])
    assert "other-dates" not in email.body_html and "encore des places" in email.body_html
    page.set_content(email.body_html)
    assert axe(page) == []


def test_on_a_phone_the_offer_to_resend_the_confirmation_is_set_apart_and_secondary(page, live_server, demo_site):
    """After a duplicate, "Me renvoyer l’e-mail de confirmation" sits apart from the form it follows
    and is a secondary (white) button: the form's own submit stays the main one."""
    from tests.courses.factories import RegistrationFactory

    session = open_session()
    RegistrationFactory(session=session, email="nora@ateliers.example.org")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + session.url)
    page.fill("[name=association_name]", "Les Ateliers du Quartier")
    page.fill("[name=contact_name]", "Nora Haddad")
    page.fill("[name=email]", "nora@ateliers.example.org")
    page.check("[name=consent]")
    page.get_by_role("button", name="Envoyer mon inscription").click()

    resend = page.get_by_role("button", name="Me renvoyer l’e-mail de confirmation")
    resend.wait_for()
    submit = page.get_by_role("button", name="Envoyer mon inscription")
    background = "element => getComputedStyle(element).backgroundColor"
    gap = resend.locator("xpath=ancestor::form").bounding_box()["y"] - (
        submit.bounding_box()["y"] + submit.bounding_box()["height"])

    assert resend.evaluate(background) == "rgb(255, 255, 255)"
    assert submit.evaluate(background) != "rgb(255, 255, 255)"
    assert gap >= 24  # px: at least --space-4 between the two forms
