"""The same address signing twice at the same instant: one signature, no server error (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from home import services
from home.models import Signature
from outbox.models import Email

from .factories import ManifestoPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

DATA = {
    "first_name": "Camille", "last_name": "Exemple", "email": "camille@exemple.org",
    "profession": "Développeuse web", "organisation": "", "city": "", "show_publicly": True,
}


def test_simultaneous_signatures_with_one_email_record_one_signature(on_postgresql, home_page):
    manifesto = ManifestoPageFactory(parent=home_page, slug="manifeste")
    barrier = threading.Barrier(6)
    signed, errors = [], []

    def sign(number):
        try:
            barrier.wait()
            email = DATA["email"].upper() if number % 2 else DATA["email"]
            signed.append(services.sign(manifesto, **{**DATA, "email": email}))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign, args=(number,)) for number in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Signature.objects.count() == 1
    assert len(signed) == 6  # every attempt is answered the same way…
    assert {signature.pk for signature in signed} == {Signature.objects.get().pk}
    assert Email.objects.count() == 1  # …and the address gets one email, not six
