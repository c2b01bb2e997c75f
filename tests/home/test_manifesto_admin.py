"""Admin of the manifesto signatures: list, filters, search, export, moderation, permissions."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import strip_tags

from home import roles, services
from home.models import Signature

from ..factories import SuperUserFactory, UserFactory
from .factories import ManifestoPageFactory, SignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manifesto(home_page):
    return ManifestoPageFactory(parent=home_page, slug="manifeste")


@pytest.fixture
def admin_client(client):
    client.force_login(SuperUserFactory())
    return client


def test_signatures_list_shows_every_signature_with_its_status(admin_client, manifesto):
    SignatureFactory(page=manifesto, first_name="Confirmée", confirmed=True)
    SignatureFactory(page=manifesto, first_name="Attente")

    response = admin_client.get(reverse("manifesto_signatures:index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Confirmée Exemple" in html and "Attente Exemple" in html
    assert "En attente de confirmation" in html
    assert "Signatures du manifeste" in html


def test_each_signer_name_links_to_the_edit_form_where_it_can_be_hidden(admin_client, manifesto):
    signature = SignatureFactory(page=manifesto, first_name="Camille", last_name="Lien", confirmed=True)
    edit_url = reverse("manifesto_signatures:edit", args=[signature.pk])

    html = admin_client.get(reverse("manifesto_signatures:index")).content.decode()

    assert re.search(rf'<a [^>]*href="{re.escape(edit_url)}"[^>]*>\s*Camille Lien\s*</a>', html)
    assert "Masquer cette signature" in admin_client.get(edit_url).content.decode()


def test_the_inspect_page_reads_in_french(admin_client, manifesto):
    signature = SignatureFactory(page=manifesto, show_publicly=True, confirmed=True)

    html = admin_client.get(reverse("manifesto_signatures:inspect", args=[signature.pk])).content.decode()
    values = [re.sub(r"\s+", " ", strip_tags(value)).strip() for value in re.findall(r"<dd[^>]*>.*?</dd>", html, re.S)]

    assert "Oui" in values and "–" in values  # shown publicly; never hidden
    assert "True" not in values and "None" not in values


def test_the_public_name_column_says_oui_or_non(admin_client, manifesto):
    SignatureFactory(page=manifesto, first_name="Publique", show_publicly=True)
    SignatureFactory(page=manifesto, first_name="Discrète", show_publicly=False)

    response = admin_client.get(reverse("manifesto_signatures:index"))

    html = response.content.decode()
    cells = [re.sub(r"\s+", " ", strip_tags(cell)).strip() for cell in re.findall(r"<td[^>]*>.*?</td>", html, re.S)]
    assert "Oui" in cells and "Non" in cells
    assert "True" not in cells and "False" not in cells


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"confirmed": "True"}, {"Confirmée", "Masquée"}),
        ({"confirmed": "False"}, {"Attente", "Discrète"}),
        ({"hidden": "True"}, {"Masquée"}),
        ({"show_publicly": "False"}, {"Discrète"}),
        ({"q": "attente"}, {"Attente"}),
    ],
)
def test_signatures_can_be_filtered_and_searched(admin_client, manifesto, query, expected):
    SignatureFactory(page=manifesto, first_name="Confirmée", confirmed=True)
    SignatureFactory(page=manifesto, first_name="Attente")
    SignatureFactory(page=manifesto, first_name="Masquée", hidden=True)
    SignatureFactory(page=manifesto, first_name="Discrète", show_publicly=False)

    response = admin_client.get(reverse("manifesto_signatures:index_results"), query)

    listed = {signature.first_name for signature in response.context["object_list"]}
    assert listed == expected


def test_signatures_export_to_csv(admin_client, manifesto):
    SignatureFactory(page=manifesto, first_name="Camille", email="camille@exemple.org", confirmed=True)

    response = admin_client.get(reverse("manifesto_signatures:index"), {"export": "csv"})

    body = b"".join(response.streaming_content) if response.streaming else response.content
    content = body.decode("utf-8-sig")
    assert response.status_code == 200
    assert "signatures-manifeste.csv" in response["Content-Disposition"]
    assert "Prénom" in content.splitlines()[0]
    assert "camille@exemple.org" in content


def test_the_csv_export_says_oui_non_and_gives_paris_times_to_the_minute(admin_client, manifesto):
    signed = datetime.datetime(2026, 11, 25, 17, 18, 42, 123456, tzinfo=datetime.UTC)  # 18:18 in Paris
    SignatureFactory(page=manifesto, first_name="Camille", show_publicly=True, created_at=signed,
                     confirmed_at=signed + datetime.timedelta(hours=2))
    SignatureFactory(page=manifesto, first_name="Discrète", show_publicly=False, created_at=signed)

    response = admin_client.get(reverse("manifesto_signatures:index"), {"export": "csv"})

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    by_name = {row["Prénom"]: row for row in rows}
    assert by_name["Camille"]["Affichage public"] == "Oui"
    assert by_name["Discrète"]["Affichage public"] == "Non"
    assert by_name["Camille"]["Signée le"] == "25/11/2026 18:18"
    assert by_name["Camille"]["Confirmée le"] == "25/11/2026 20:18"
    assert by_name["Discrète"]["Confirmée le"] == ""
    assert "True" not in str(rows) and "False" not in str(rows)


def test_the_xlsx_export_has_local_times_and_oui_non(admin_client, manifesto):
    signed = datetime.datetime(2026, 11, 25, 17, 18, 42, 123456, tzinfo=datetime.UTC)
    SignatureFactory(page=manifesto, first_name="Camille", show_publicly=True, created_at=signed)

    response = admin_client.get(reverse("manifesto_signatures:index"), {"export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings, values = [cell.value for cell in sheet[1]], [cell.value for cell in sheet[2]]
    row = dict(zip(headings, values, strict=True))
    assert row["Affichage public"] == "Oui"
    assert row["Signée le"] == datetime.datetime(2026, 11, 25, 18, 18)


def test_signatures_export_to_xlsx(admin_client, manifesto):
    SignatureFactory(page=manifesto, confirmed=True)

    response = admin_client.get(reverse("manifesto_signatures:index"), {"export": "xlsx"})

    assert response.status_code == 200
    assert "signatures-manifeste.xlsx" in response["Content-Disposition"]


def test_a_moderator_hides_a_signature_from_the_edit_form(admin_client, manifesto):
    signature = SignatureFactory(page=manifesto, confirmed=True)
    assert services.signature_count(manifesto) == 1
    url = reverse("manifesto_signatures:edit", args=[signature.pk])

    response = admin_client.post(url, {
        "first_name": signature.first_name, "last_name": signature.last_name,
        "profession": signature.profession, "organisation": "", "city": "Lyon",
        "show_publicly": "on", "hidden": "on",
    })

    assert response.status_code == 302
    signature.refresh_from_db()
    assert signature.hidden_at is not None
    assert services.signature_count(manifesto) == 0


def test_unticking_hidden_shows_the_signature_again(admin_client, manifesto):
    signature = SignatureFactory(page=manifesto, hidden=True)

    admin_client.post(reverse("manifesto_signatures:edit", args=[signature.pk]), {
        "first_name": signature.first_name, "last_name": signature.last_name,
        "profession": signature.profession, "show_publicly": "on",
    })

    signature.refresh_from_db()
    assert signature.hidden_at is None
    assert services.signature_count(manifesto) == 1


def test_signatures_cannot_be_deleted_in_the_admin_only_hidden(admin_client, manifesto):
    signature = SignatureFactory(page=manifesto, confirmed=True)

    response = admin_client.post(reverse("manifesto_signatures:delete", args=[signature.pk]))

    assert response.status_code in (302, 403)
    assert Signature.objects.filter(pk=signature.pk).exists()
    assert services.signature_count(manifesto) == 1


def test_nobody_adds_signatures_by_hand(admin_client):
    response = admin_client.get(reverse("manifesto_signatures:add"))

    assert response.status_code in (302, 403)


@pytest.mark.parametrize("group_name", [roles.EDITORS, roles.MODERATORS])
def test_editors_and_moderators_can_moderate_signatures(client, manifesto, group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    signature = SignatureFactory(page=manifesto)

    assert client.get(reverse("manifesto_signatures:index")).status_code == 200
    assert client.get(reverse("manifesto_signatures:edit", args=[signature.pk])).status_code == 200


def test_other_coordinators_cannot_see_signatures(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.TRAINING_COORDINATORS))
    client.force_login(user)

    assert client.get(reverse("manifesto_signatures:index")).status_code in (302, 403)
