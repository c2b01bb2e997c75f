"""The manifesto confirmation email: worded properly, styled like the other emails, names not escaped."""

import pytest
from django.core import mail

from .factories import ManifestoPageFactory

pytestmark = pytest.mark.django_db

SIGNER = {
    "first_name": "D'Artagnan",
    "last_name": "L'Épée",
    "email": "dartagnan@exemple.org",
    "profession": "Développeur web",
    "consent": "on",
}


@pytest.fixture
def message(client, home_page):
    manifesto = ManifestoPageFactory(parent=home_page, slug="manifeste", title="L'appel des 1000")
    client.post(manifesto.url, SIGNER)
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def html_of(message):
    return next(content for content, mime in message.alternatives if mime == "text/html")


def test_the_text_version_has_typographic_apostrophes_never_escaped(message):
    assert "Bonjour D’Artagnan," in message.body
    assert "&#x27;" not in message.body and "&amp;" not in message.body


def test_the_subject_has_french_typography(message):
    assert message.subject == "Confirmez votre signature\u00a0: L’appel des 1000"


def test_the_email_thanks_for_signing_the_manifesto_with_its_article(message):
    assert "Merci d’avoir signé le «\u00a0L’appel des 1000\u00a0»\u00a0!" in message.body
    assert "Merci d’avoir signé le «\u00a0L’appel des 1000\u00a0»\u00a0!" in html_of(message).replace("&nbsp;", "\u00a0")


def test_the_html_version_looks_like_the_other_emails_of_the_site(message):
    html = html_of(message)

    assert "Webassoc, des pros du web bénévoles au service des associations." in html  # emails/base.html
    assert 'style="max-width:600px' in html
    assert "Bonjour D’Artagnan," in html and "D'Artagnan" not in html
    assert "/manifeste/confirmer/?jeton=" in html
