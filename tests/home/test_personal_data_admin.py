"""The "Données personnelles" admin screen (RGPD articles 15 and 17): find every record holding an
address, export them for the person (JSON, CSV), anonymise them all in one confirmed action,
logged in the history, for holders of the "Données personnelles" permission only."""

import csv
import io
import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.models import Registration
from missions.models import Application, MissionRequest
from outbox.models import Email
from tests.courses.factories import RegistrationFactory, TrainingSessionPageFactory
from tests.factories import SuperUserFactory, UserFactory
from tests.missions.factories import ApplicationFactory, MissionRequestFactory

pytestmark = pytest.mark.django_db

EMAIL = "maelys.quemener@example.org"


@pytest.fixture
def admin_client(client):
    client.force_login(SuperUserFactory())
    return client


@pytest.fixture
def person(django_capture_on_commit_callbacks):
    from missions import services as missions_services
    from tests.missions.factories import MissionFactory

    with django_capture_on_commit_callbacks(execute=True):
        application = missions_services.apply(MissionFactory(), name="Maëlys Quéméner", email=EMAIL,
                                              message="Je peux aider.", consent=True)
    return {
        "application": application,
        "registration": RegistrationFactory(session=TrainingSessionPageFactory(), email=EMAIL.upper(),
                                            contact_name="Maëlys Quéméner"),
        "request": MissionRequestFactory(email=EMAIL, contact_name="Maëlys Quéméner"),
        "other": ApplicationFactory(email="quelqu.un@example.org", name="Quelqu'un"),
    }


def search(client, email):
    """The address is posted, never put in the URL."""
    return client.post(reverse("personal_data"), {"email": email})


def exports(client, email):
    """The JSON export (parsed), the CSV export's text and its rows (French Excel dialect)."""
    data = json.loads(client.post(reverse("personal_data"), {"email": email, "action": "json"}).content)
    text = client.post(reverse("personal_data"), {"email": email, "action": "csv"}).content.decode("utf-8-sig")
    return data, text, list(csv.reader(io.StringIO(text), dialect="excel-fr"))


def test_the_screen_finds_every_record_holding_the_address(admin_client, person):
    html = search(admin_client, EMAIL).content.decode()

    assert "Candidatures aux missions (1)" in html
    assert "Inscriptions aux formations (1)" in html
    assert "Demandes d’associations (1)" in html
    assert "E-mails gardés" in html  # the confirmation sent to the volunteer
    assert "Quelqu" not in html


def test_json_and_csv_exports_hold_the_records_and_are_logged(admin_client, person):
    as_json = admin_client.post(reverse("personal_data"), {"email": EMAIL, "action": "json"})
    as_csv = admin_client.post(reverse("personal_data"), {"email": EMAIL, "action": "csv"})

    data = json.loads(as_json.content)
    assert data["adresse"] == EMAIL
    assert data["donnees"]["candidatures aux missions"][0]["nom"] == "Maëlys Quéméner"
    assert "attachment" in as_json["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig")), dialect="excel-fr"))
    assert rows[0] == ["Catégorie", "N°", "Champ", "Valeur"]
    assert ["candidatures aux missions", "1", "nom", "Maëlys Quéméner"] in rows
    # The spreadsheet reads as the admin screen does: French values, the mission by its title.
    values = {(row[0], row[2]): row[3] for row in rows[1:]}
    assert values[("candidatures aux missions", "consentement")] == "Oui"
    assert values[("candidatures aux missions", "statut")] == "Nouvelle"
    assert values[("candidatures aux missions", "mission")] == person["application"].mission.title
    assert not any(text in ("True", "False", "nouvelle") or "T0" in text or "+00:00" in text for text in values.values())
    assert ModelLogEntry.objects.filter(action="home.personal_data_export").count() == 6  # 3 records × 2


def test_the_json_export_reads_in_the_same_french_words_as_the_csv(admin_client, person):
    registration = person["registration"]
    Registration.objects.filter(pk=registration.pk).update(status="cancelled")

    data, _text, rows = exports(admin_client, EMAIL)
    in_csv = {row[2]: row[3] for row in rows[1:] if row[0] == "inscriptions aux formations"}
    [in_json] = data["donnees"]["inscriptions aux formations"]

    assert in_json["statut"] == in_csv["statut"] == "Annulée"
    assert in_json["session"] == in_csv["session"] == str(registration.session)  # by its name, not its id
    assert in_json["participants"] == 1 and isinstance(in_json["ID"], int)  # numbers stay numbers
    [application] = data["donnees"]["candidatures aux missions"]
    assert application["mission"] == person["application"].mission.title
    assert application["consentement"] is True
    from webassoc.privacy import EMAILS_LABEL

    stored = data["donnees"][EMAILS_LABEL]
    assert stored and not [e for e in stored if "/" in e["modèle"] or e["statut"] in ("pending", "sent")]


def test_the_link_key_of_a_registration_is_labelled_in_french_everywhere(admin_client, person):
    token = person["registration"].token

    html = search(admin_client, EMAIL).content.decode()
    data, as_csv, _rows = exports(admin_client, EMAIL)

    [in_json] = data["donnees"]["inscriptions aux formations"]
    assert in_json["jeton du lien d’annulation"] == token  # the person's own key to their cancel link
    assert "token" not in in_json
    assert f"jeton du lien d’annulation;{token}" in as_csv
    assert "Token" not in html and "token" not in as_csv


def test_what_the_volunteer_wrote_after_the_introduction_is_shown_and_exported(admin_client, person):
    from missions import services as missions_services

    application = missions_services.introduce(person["application"])
    missions_services.open_case(application, side="benevole", description="Je n’ai plus de nouvelles de Lou.",
                                urgency="haute")
    missions_services.open_case(application, side="association", description="Texte de l’association.",
                                urgency="faible")
    missions_services.record_outcome(application, outcome="realisee")
    missions_services.give_feedback(application, side="benevole", rating=4, comment="Une belle équipe.")
    missions_services.give_feedback(application, side="association", rating=5, comment="Avis de l’association.")

    html = search(admin_client, EMAIL).content.decode()
    data, as_csv, rows = exports(admin_client, EMAIL)

    assert "Demandes d’aide après la mise en relation (1)" in html and "Je n’ai plus de nouvelles de Lou." in html
    assert "Avis après la mise en relation (1)" in html and "Une belle équipe." in html
    assert "Avis de l’association." not in html  # the association's own words are not the volunteer's
    [case] = data["donnees"]["demandes d’aide après la mise en relation"]
    [feedback] = data["donnees"]["avis après la mise en relation"]
    assert case["ce qui se passe"] == "Je n’ai plus de nouvelles de Lou." and case["urgence"] == "Urgent"
    assert (feedback["note"], feedback["commentaire"]) == (4, "Une belle équipe.")
    assert ["avis après la mise en relation", "1", "commentaire", "Une belle équipe."] in rows
    assert ["demandes d’aide après la mise en relation", "1", "urgence", "Urgent"] in rows
    assert "Avis de l’association." not in as_csv


def test_what_an_association_contact_wrote_after_an_introduction_is_shown_and_exported(admin_client, person):
    """The association side of an introduction is the mission's contact: their own help requests
    and feedback are theirs to receive (the volunteer's words are not)."""
    from missions import services as missions_services
    from tests.missions.factories import MissionFactory

    contact = "contact.asso@example.org"
    application = missions_services.introduce(
        ApplicationFactory(mission=MissionFactory(contact_email=contact), name="Lou", email="lou@example.org"))
    missions_services.open_case(application, side="association", description="Lou ne répond plus.", urgency="haute")
    missions_services.open_case(application, side="benevole", description="Texte du bénévole.")
    missions_services.record_outcome(application, outcome="realisee")
    missions_services.give_feedback(application, side="association", rating=5, comment="Un grand merci.")
    missions_services.give_feedback(application, side="benevole", rating=4, comment="Avis du bénévole.")

    html = search(admin_client, contact).content.decode()
    data, as_csv, rows = exports(admin_client, contact)

    assert "Demandes d’aide de l’association après la mise en relation (1)" in html
    assert "Lou ne répond plus." in html
    assert "Avis de l’association après la mise en relation (1)" in html and "Un grand merci." in html
    [case] = data["donnees"]["demandes d’aide de l’association après la mise en relation"]
    [feedback] = data["donnees"]["avis de l’association après la mise en relation"]
    assert (case["ce qui se passe"], case["urgence"]) == ("Lou ne répond plus.", "Urgent")
    assert (feedback["note"], feedback["commentaire"]) == (5, "Un grand merci.")
    assert ["avis de l’association après la mise en relation", "1", "commentaire", "Un grand merci."] in rows
    records = {label: rows for label, rows in data["donnees"].items() if not label.startswith("e-mails")}
    assert "Texte du bénévole." not in str(records) and "Avis du bénévole." not in str(records)
    assert "Avis du bénévole." not in html


def test_the_csv_export_gives_commas_on_request_and_never_a_formula(admin_client, person):
    ApplicationFactory(email=EMAIL, name="=HYPERLINK(\"http://evil.example\")")

    response = admin_client.post(reverse("personal_data") + "?separateur=virgule", {"email": EMAIL, "action": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Catégorie", "N°", "Champ", "Valeur"]
    assert ["candidatures aux missions", "2", "nom", "'=HYPERLINK(\"http://evil.example\")"] in rows
    assert re.fullmatch(r'attachment; filename="donnees-personnelles-\d{4}-\d{2}-\d{2}\.csv"',
                        response["Content-Disposition"])
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))


def test_erasure_needs_the_confirmation(admin_client, person):
    admin_client.post(reverse("personal_data"), {"email": EMAIL, "action": "erase"})

    assert Application.objects.get(pk=person["application"].pk).email == EMAIL


def test_erasure_anonymises_everything_keeps_statistics_and_is_logged(admin_client, person):
    response = admin_client.post(reverse("personal_data"),
                                 {"email": EMAIL, "action": "erase", "confirm": "oui"}, follow=True)

    application = Application.objects.get(pk=person["application"].pk)
    assert application.email != EMAIL and application.name != "Maëlys Quéméner"
    # Counted as before in the statistics, but out of the team's queue: nobody is left to answer.
    assert application.mission_id == person["application"].mission_id
    assert application.created_at == person["application"].created_at
    assert application.status == "retiree" and application.steps.last().note == "données personnelles anonymisées"
    assert str(application.steps.last().author_label()) == "le site"  # not "le bénévole": they did not withdraw
    assert Registration.objects.get(pk=person["registration"].pk).anonymised_at is not None
    assert MissionRequest.objects.get(pk=person["request"].pk).anonymised_at is not None
    assert Application.objects.get(pk=person["other"].pk).email == "quelqu.un@example.org"
    assert not [e for e in Email.objects.all() if EMAIL in json.dumps(e.to)]
    message = " ".join(str(m) for m in response.context["messages"])
    assert "Données anonymisées" in message and "candidatures aux missions\u00a0: 1 anonymisée" in message
    assert "signatures du manifeste" not in message  # the kinds that held nothing are left out
    assert ModelLogEntry.objects.filter(action="home.personal_data_erase").count() == 3
    assert search(admin_client, EMAIL).content.decode().count("data-personal-record") == 0


def test_only_holders_of_the_permission_reach_the_screen(client, person):
    user = UserFactory()
    client.force_login(user)
    assert search(client, EMAIL).status_code in (302, 403)
    assert client.post(reverse("personal_data"), {"email": EMAIL, "action": "erase", "confirm": "oui"}
                       ).status_code in (302, 403)

    from django.contrib.auth.models import Group

    group = Group.objects.create(name="RGPD")
    group.permissions.add(Permission.objects.get(codename="access_admin"),
                          Permission.objects.get(codename="manage_personal_data"))
    user.groups.add(group)
    assert search(client, EMAIL).status_code == 200


def test_a_malformed_address_is_refused_politely(admin_client):
    response = search(admin_client, "pas-une-adresse")

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert "data-personal-record" not in response.content.decode()


def test_the_screen_reads_in_french_not_as_raw_values(admin_client, person):
    import datetime

    Application.objects.filter(pk=person["application"].pk).update(
        status="mise_en_relation", created_at=datetime.datetime(2026, 11, 26, 4, 57, 17, 980273, tzinfo=datetime.UTC))
    mission = person["application"].mission

    html = search(admin_client, EMAIL).content.decode()

    assert "<dd>Oui</dd>" in html and "<dd>True</dd>" not in html  # consent
    assert "Mise en relation" in html and "<dd>mise_en_relation</dd>" not in html
    assert re.search(r"<strong>Mission</strong></dt><dd>([^<]*)</dd>", html).group(1) == mission.title
    assert "26 novembre 2026 à 5\u00a0h\u00a057" in html and "2026-11-26T04:57" not in html
    assert f"<dd>{EMAIL}</dd>" in html and "[&#x27;" not in html  # the stored email's recipients
    assert "Candidature\u00a0: accusé de réception" in html and "missions/application_received" not in html
    assert "<dd>sent</dd>" not in html


def test_an_address_with_nothing_says_so_in_the_singular(admin_client):
    html = search(admin_client, "personne@example.org").content.decode()

    assert "Aucun enregistrement pour personne@example.org" in html and "0 enregistrements" not in html


def test_the_address_never_travels_in_the_url_and_the_answer_is_not_cached(client, person):
    client.force_login(SuperUserFactory())

    by_get = client.get(reverse("personal_data"), {"email": EMAIL})
    by_post = search(client, EMAIL)

    assert "data-personal-record" not in by_get.content.decode()  # a GET only shows the form
    assert 'method="get"' not in by_post.content.decode()
    assert "data-personal-record" in by_post.content.decode()
    assert "no-store" in by_post["Cache-Control"] or "no-cache" in by_post["Cache-Control"]


def test_the_search_needs_the_csrf_token(person):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(SuperUserFactory())

    assert search(client, EMAIL).status_code == 403
