import pytest

from outbox.services import queue_email
from tests.factories import SuperUserFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_sent_emails_with_their_status(client):
    queue_email("marie@example.org", "test_message", {"name": "Marie"})
    client.force_login(SuperUserFactory())

    response = client.get("/admin/emails/")

    assert response.status_code == 200
    assert "Bonjour Marie" in response.content.decode()


def test_emails_cannot_be_edited_or_created_from_the_admin(client):
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    client.force_login(SuperUserFactory())

    assert client.get("/admin/emails/new/").status_code in (302, 403)
    assert client.get(f"/admin/emails/edit/{email.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/emails/inspect/{email.pk}/").status_code == 200
