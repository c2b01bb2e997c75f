"""Admin of the manifesto signatures: list, filters, search, export, moderation, permissions."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from home import roles, signatures
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


def test_signatures_export_to_xlsx(admin_client, manifesto):
    SignatureFactory(page=manifesto, confirmed=True)

    response = admin_client.get(reverse("manifesto_signatures:index"), {"export": "xlsx"})

    assert response.status_code == 200
    assert "signatures-manifeste.xlsx" in response["Content-Disposition"]


def test_a_moderator_hides_a_signature_from_the_edit_form(admin_client, manifesto):
    signature = SignatureFactory(page=manifesto, confirmed=True)
    assert signatures.signature_count(manifesto) == 1
    url = reverse("manifesto_signatures:edit", args=[signature.pk])

    response = admin_client.post(url, {
        "first_name": signature.first_name, "last_name": signature.last_name,
        "profession": signature.profession, "organisation": "", "city": "Lyon",
        "show_publicly": "on", "hidden": "on",
    })

    assert response.status_code == 302
    signature.refresh_from_db()
    assert signature.hidden_at is not None
    assert signatures.signature_count(manifesto) == 0


def test_unticking_hidden_shows_the_signature_again(admin_client, manifesto):
    signature = SignatureFactory(page=manifesto, hidden=True)

    admin_client.post(reverse("manifesto_signatures:edit", args=[signature.pk]), {
        "first_name": signature.first_name, "last_name": signature.last_name,
        "profession": signature.profession, "show_publicly": "on",
    })

    signature.refresh_from_db()
    assert signature.hidden_at is None
    assert signatures.signature_count(manifesto) == 1


def test_signatures_cannot_be_deleted_in_the_admin_only_hidden(admin_client, manifesto):
    signature = SignatureFactory(page=manifesto, confirmed=True)

    response = admin_client.post(reverse("manifesto_signatures:delete", args=[signature.pk]))

    assert response.status_code in (302, 403)
    assert Signature.objects.filter(pk=signature.pk).exists()
    assert signatures.signature_count(manifesto) == 1


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
