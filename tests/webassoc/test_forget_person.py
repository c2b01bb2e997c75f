"""A person asks to be forgotten: `manage.py forget_person <email>` erases them at once."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from outbox.models import Email
from tests.courses.factories import RegistrationFactory
from tests.home.factories import SignatureFactory
from tests.missions.factories import ApplicationFactory, MissionFactory, MissionRequestFactory

pytestmark = pytest.mark.django_db

ADDRESS = "sacha@asso.example.org"


@pytest.fixture
def records():
    mission = MissionFactory(contact_name="Sacha Contact", contact_email=ADDRESS, title="Refaire le site")
    return {
        "theirs": [
            RegistrationFactory(email="Sacha@Asso.example.org"),
            ApplicationFactory(email=ADDRESS),
            MissionRequestFactory(email=ADDRESS),
            SignatureFactory(email=ADDRESS),
            mission,
        ],
        "others": [ApplicationFactory(email="autre@asso.example.org", mission=mission)],
        "emails": [Email.objects.create(to=[ADDRESS], subject="Bonjour", body_text="…"),
                   Email.objects.create(to=["autre@asso.example.org"], subject="Bonjour", body_text="…")],
    }


def test_forgetting_someone_anonymises_every_record_with_their_address_and_their_emails(records):
    out = StringIO()

    call_command("forget_person", ADDRESS, stdout=out)

    for row in records["theirs"]:
        row.refresh_from_db()
        assert row.anonymised_at is not None
        assert "sacha" not in str(row.__dict__).lower()
    other = records["others"][0]
    other.refresh_from_db()
    assert other.anonymised_at is None
    assert list(Email.objects.values_list("to", flat=True)) == [["autre@asso.example.org"]]
    assert "candidatures aux missions\u00a0: 1 anonymisée" in out.getvalue()
    assert "contacts de missions\u00a0: 1 anonymisé" in out.getvalue()
    assert "La mission ouverte « Refaire le site » n'a plus de contact : indiquez-en un nouveau." in out.getvalue()


def test_a_dry_run_counts_and_changes_nothing(records):
    out = StringIO()

    call_command("forget_person", ADDRESS, "--dry-run", stdout=out)

    assert "inscriptions aux formations\u00a0: 1 à anonymiser" in out.getvalue()
    assert "à supprimer" in out.getvalue() and "rien n'a été modifié" in out.getvalue()
    assert Email.objects.count() == 2
    records["theirs"][1].refresh_from_db()
    assert records["theirs"][1].anonymised_at is None


def test_something_that_is_not_an_address_is_refused_in_french(db):
    with pytest.raises(CommandError, match="«\u00a0sacha\u00a0» n’est pas une adresse e-mail."):
        call_command("forget_person", "sacha", stdout=StringIO())


def test_a_request_naming_its_contact_in_its_title_or_association_is_redacted_and_not_found(client):
    """The mission made from a request had its title redacted, the request kept "Site pour Sacha
    Contact" as typed (and the admin's search of requests still found it by the name)."""
    from django.urls import reverse

    from missions.models import MissionRequest
    from tests.factories import SuperUserFactory

    request_ = MissionRequestFactory(email=ADDRESS, contact_name="Sacha Contact", phone="06 71 82 93 04",
                                     title="Site pour Sacha Contact (06 71 82 93 04)",
                                     association_name="Les amis de sacha contact")
    client.force_login(SuperUserFactory())
    search = reverse("demandes_missions:index") + "?q=Sacha"
    assert request_.title in client.get(search).content.decode()

    call_command("forget_person", ADDRESS, stdout=StringIO())

    request_ = MissionRequest.objects.get(pk=request_.pk)
    assert request_.title == "Site pour [effacé] ([effacé])"
    assert request_.association_name == "Les amis de [effacé]"
    assert "Site pour" not in client.get(search).content.decode()


def test_a_mission_whose_address_names_its_contact_gets_a_new_one(home_page):
    from tests.missions.factories import MissionIndexPageFactory

    MissionIndexPageFactory()
    mission = MissionFactory(contact_name="Sacha Contact", contact_email=ADDRESS, title="Site pour Sacha Contact",
                             slug="site-pour-sacha-contact")
    other = MissionFactory(contact_name="Léa Autre", contact_email="lea@asso.example.org", title="Refaire le site",
                           slug="refaire-le-site")

    call_command("forget_person", ADDRESS, stdout=StringIO())

    mission.refresh_from_db()
    other.refresh_from_db()
    assert (mission.title, mission.slug) == ("Site pour [effacé]", "site-pour-efface")
    assert other.slug == "refaire-le-site"


def test_erasing_a_contact_redacts_their_name_inside_the_association_name(home_page):
    """A small association named after its contact: the name copied from the request into the
    association loses the contact's name (any case), the rest is kept."""
    from missions import services
    from missions.models import Association
    from tests.missions.factories import MissionIndexPageFactory

    MissionIndexPageFactory()

    mission_request = MissionRequestFactory(email=ADDRESS, contact_name="Camille Martin",
                                            association_name="Association de CAMILLE MARTIN")
    services.convert_request(mission_request)
    association = Association.objects.get(contact_email=ADDRESS)
    assert association.name == "Association de CAMILLE MARTIN"

    call_command("forget_person", ADDRESS, stdout=StringIO())

    association.refresh_from_db()
    assert association.name == "Association de [effacé]"
    assert (association.contact_name, association.contact_email) == ("", "")


def test_two_associations_named_after_their_forgotten_contacts_keep_distinct_names(db):
    from tests.missions.factories import AssociationFactory

    first = AssociationFactory(name="Les amis de Camille", contact_name="Camille", contact_email=ADDRESS)
    second = AssociationFactory(name="Les amis de Léa", contact_name="Léa", contact_email="lea@asso.example.org")

    call_command("forget_person", ADDRESS, stdout=StringIO())
    call_command("forget_person", "lea@asso.example.org", stdout=StringIO())

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.name, second.name) == ("Les amis de [effacé]", "Les amis de [effacé] (2)")


def test_erasing_a_contact_forgets_what_they_wrote_and_their_name_in_the_volunteers_words(db):
    from missions import services
    from missions.models import Feedback, FollowUpCase

    mission = MissionFactory(contact_name="Sacha Contact", contact_email=ADDRESS)
    application = services.introduce(ApplicationFactory(mission=mission, name="Lou", email="lou@example.org"))
    services.open_case(application, side="association", description="Lou ne répond plus.")
    services.open_case(application, side="benevole", description="Sacha Contact ne répond plus.")
    services.record_outcome(application, outcome="realisee")
    services.give_feedback(application, side="association", rating=5, comment="Merci Lou.")
    services.give_feedback(application, side="benevole", rating=4, comment="Merci à sacha contact.")

    call_command("forget_person", ADDRESS, stdout=StringIO())

    cases = dict(FollowUpCase.objects.values_list("side", "description"))
    comments = dict(Feedback.objects.values_list("side", "comment"))
    assert cases == {"association": "[effacé]", "benevole": "[effacé] ne répond plus."}
    assert comments == {"association": "", "benevole": "Merci à [effacé]."}
    assert dict(Feedback.objects.values_list("side", "rating")) == {"association": 5, "benevole": 4}


def test_erasing_a_contact_redacts_them_from_the_teams_texts_about_the_applications_and_keeps_the_rest(db):
    """The team's own history of the applications to the contact's mission (internal notes,
    decline details, outcome reasons, the steps' remarks, the follow-up cases' notes) may name the
    contact: their name, address and phone leave it, the rest of each text stays."""
    from missions import services
    from missions.models import Application, ApplicationStep, FollowUpCase

    mission = MissionFactory(contact_name="Sacha Contact", contact_email=ADDRESS)
    introduced = ApplicationFactory(mission=mission, name="Lou", email="lou@example.org")
    services.change_status(introduced, status="preselectionnee",
                           note=f"Rappeler Sacha Contact ({ADDRESS}) au 06 12 34 56 78 avant vendredi.")
    introduced = services.introduce(introduced)
    services.record_outcome(introduced, outcome="abandonnee", reason="Sacha Contact a changé de poste, sans suite.")
    case = services.open_case(introduced, side="benevole", description="Plus de nouvelles.")
    services.update_case(case, status="en_cours", note="Laissé un message à sacha contact.")
    ApplicationStep.objects.create(application=introduced, status="mise_en_relation",
                                   note="Présentés par Sacha Contact.")
    declined = ApplicationFactory(mission=mission, name="Noé", email="noe@example.org")
    services.change_status(declined, status="declinee", decline_reason="autre",
                           decline_detail="Sacha Contact préfère quelqu’un sur place.")

    call_command("forget_person", ADDRESS, stdout=StringIO())

    introduced.refresh_from_db()
    declined.refresh_from_db()
    assert introduced.note == "Rappeler [effacé] ([effacé]) au [effacé] avant vendredi."
    assert introduced.outcome_reason == "[effacé] a changé de poste, sans suite."
    assert declined.decline_detail == "[effacé] préfère quelqu’un sur place."
    assert FollowUpCase.objects.get(pk=case.pk).note == "Laissé un message à [effacé]."
    assert list(introduced.steps.exclude(note="").values_list("note", flat=True)) == ["Présentés par [effacé]."]
    # The volunteers are not the ones forgotten.
    assert set(Application.objects.values_list("name", flat=True)) == {"Lou", "Noé"}


def test_erasing_an_associations_contact_redacts_them_from_the_teams_notes_on_its_missions(db):
    from missions.models import Application
    from tests.missions.factories import AssociationFactory

    association = AssociationFactory(contact_name="Camille Martin", contact_email=ADDRESS)
    application = ApplicationFactory(mission=MissionFactory(association=association),
                                     note="Camille Martin confirme la date.")
    other = ApplicationFactory(note="Camille Martin confirme la date.")

    call_command("forget_person", ADDRESS, stdout=StringIO())

    assert Application.objects.get(pk=application.pk).note == "[effacé] confirme la date."
    assert Application.objects.get(pk=other.pk).note == "Camille Martin confirme la date."
