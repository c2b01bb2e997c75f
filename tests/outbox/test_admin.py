import csv
import datetime
import io
import re

import pytest
from django.utils.html import strip_tags

from outbox.models import Email
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


def test_the_csv_export_gives_paris_times_to_the_minute(client):
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    created = datetime.datetime(2026, 11, 25, 17, 18, 42, 123456, tzinfo=datetime.UTC)  # 18:18 in Paris
    Email.objects.filter(pk=email.pk).update(created_at=created)
    client.force_login(SuperUserFactory())

    response = client.get("/admin/emails/", {"export": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert "25/11/2026 18:18" in rows[1]


def test_the_inspect_page_reads_in_french(client, settings):
    settings.EMAIL_BACKEND = "tests.outbox.test_outbox.BrokenBackend"  # stays pending: never sent
    email = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    client.force_login(SuperUserFactory())

    html = client.get(f"/admin/emails/inspect/{email.pk}/").content.decode()
    values = [re.sub(r"\s+", " ", strip_tags(value)).strip() for value in re.findall(r"<dd[^>]*>.*?</dd>", html, re.S)]

    assert "–" in values  # not sent yet
    assert "None" not in values


def test_the_email_list_shows_recipients_joined_and_the_kind_of_email_in_french(client):
    queue_email(["equipe@example.org", "camille@example.org"], "courses/registration_cancelled", {})
    queue_email("marie@example.org", "test_message", {"name": "Marie"})  # not a known kind
    client.force_login(SuperUserFactory())

    html = client.get("/admin/emails/").content.decode()

    assert "equipe@example.org, camille@example.org" in html and "[&#x27;" not in html
    shown = re.sub(r'value="[^"]*"', "", html)  # the filter's options carry the names as values
    assert "Formation\u00a0: inscription annulée" in html and "courses/registration_cancelled" not in shown
    assert "test_message" in html  # an unknown template is shown by its name


def test_the_csv_export_has_readable_recipients_and_kinds(client):
    queue_email(["equipe@example.org", "camille@example.org"], "missions/request_team", {})
    client.force_login(SuperUserFactory())

    response = client.get("/admin/emails/", {"export": "csv"})

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert rows[0]["Destinataires"] == "equipe@example.org, camille@example.org"
    assert rows[0]["Type"] == "Demande d’association\u00a0: avis à l’équipe"


def test_every_email_template_has_a_french_kind():
    from pathlib import Path

    from django.conf import settings

    from outbox.kinds import EMAIL_KINDS

    root = Path(settings.BASE_DIR) / "templates" / "emails"
    templates = {f"{path.parent.name}/{path.name.removesuffix('_subject.txt')}"
                 for path in root.glob("*/*_subject.txt")}
    assert templates - set(EMAIL_KINDS) == set()


def test_the_inspect_page_joins_the_recipients_like_the_list(client, settings):
    settings.EMAIL_BACKEND = "tests.outbox.test_outbox.BrokenBackend"
    email = queue_email(["equipe@example.org", "camille@example.org"], "test_message", {"name": "Marie"})
    client.force_login(SuperUserFactory())

    html = client.get(f"/admin/emails/inspect/{email.pk}/").content.decode()

    assert "equipe@example.org, camille@example.org" in html and "[&#x27;" not in html


def test_statuses_are_capitalised_like_every_other_list(client):
    sent = queue_email("marie@example.org", "test_message", {"name": "Marie"})
    failed = queue_email("paul@example.org", "test_message", {"name": "Paul"})
    Email.objects.filter(pk=failed.pk).update(status="failed")
    client.force_login(SuperUserFactory())

    html = client.get("/admin/emails/").content.decode()

    assert Email.objects.get(pk=sent.pk).get_status_display() == "Envoyé"
    assert "Envoyé" in html and "Abandonné" in html
    assert ">envoyé<" not in html and ">abandonné<" not in html
