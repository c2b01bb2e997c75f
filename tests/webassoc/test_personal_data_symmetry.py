"""Access and erasure (RGPD articles 15 and 17) cover the same records: what the export of an address
lists is what its erasure forgets, and what the person wrote is in the one and gone after the other."""

import pytest
from django.apps import apps
from django.core import mail

from missions import services as missions_services
from missions.enums import Side
from missions.models import Application, Association, Feedback, FollowUpCase
from outbox.models import Email
from tests.alerts.factories import SessionWaiterFactory, SubscriptionFactory
from tests.courses.factories import RegistrationFactory, TrainingPageFactory
from tests.home.factories import SignatureFactory
from tests.missions.factories import ApplicationFactory, MissionFactory, MissionIndexPageFactory, MissionRequestFactory
from webassoc import privacy

pytestmark = pytest.mark.django_db

EMAIL = "sacha.contact@asso.example.org"
# What the person wrote, as a volunteer and as an association's contact.
WRITTEN = ["Le bénévole Sacha demande de l’aide", "Sacha a aimé la mission",
           "L’association de Sacha demande de l’aide", "Sacha, pour l’association, a aimé l’aide"]


def model_of_label():
    """Each label of the export, and the model of its rows."""
    labels = {}
    for entry in privacy.PERSONAL_DATA:
        model = apps.get_model(entry.model)
        labels[entry.label] = model
        for label, _fields, queryset in model.written_by_the_person(model.objects.none()):
            labels[label] = queryset.model
    return labels


def snapshot(models):
    return {(model._meta.label, row["id"]): row for model in models for row in model.objects.values()}


def introduce(application):
    application = missions_services.introduce(application)
    missions_services.record_outcome(application, outcome="realisee")
    return application


@pytest.fixture
def one_of_each(home_page):
    """One address with one record of every kind: a registration, an application (with its help
    request and feedback), an association request converted into an association and a mission
    (with the help request and feedback its contact wrote about another volunteer), a signature,
    an alert subscription and a "next session" request."""
    MissionIndexPageFactory()
    RegistrationFactory(email=EMAIL)
    SignatureFactory(email=EMAIL)
    SubscriptionFactory(email=EMAIL)
    SessionWaiterFactory(email=EMAIL, course=TrainingPageFactory())
    as_volunteer = introduce(ApplicationFactory(email=EMAIL, name="Sacha Contact", mission=MissionFactory()))
    missions_services.open_case(as_volunteer, side=Side.VOLUNTEER, description=WRITTEN[0])
    missions_services.give_feedback(as_volunteer, side=Side.VOLUNTEER, rating=5, comment=WRITTEN[1])
    # The other side's words on the person's own introduction: they may name the person.
    missions_services.open_case(as_volunteer, side=Side.ASSOCIATION, description="Sacha ne répond plus")
    missions_services.give_feedback(as_volunteer, side=Side.ASSOCIATION, rating=3, comment="Sacha, très pris")

    mission = missions_services.convert_request(
        MissionRequestFactory(email=EMAIL, contact_name="Sacha Contact", association_name="Les amis de Sacha Contact"))
    # The team's note about that introduction names the person.
    as_contact = introduce(ApplicationFactory(mission=mission, email="lou@example.org", name="Lou Bénévole",
                                              note="Rappeler Sacha Contact avant vendredi."))
    missions_services.open_case(as_contact, side=Side.ASSOCIATION, description=WRITTEN[2])
    missions_services.give_feedback(as_contact, side=Side.ASSOCIATION, rating=4, comment=WRITTEN[3])
    # The volunteer's own words stay theirs.
    missions_services.open_case(as_contact, side=Side.VOLUNTEER, description="Lou demande de l’aide")
    missions_services.give_feedback(as_contact, side=Side.VOLUNTEER, rating=2, comment="Lou a trouvé ça long")
    mail.outbox.clear()
    return {"as_volunteer": as_volunteer, "as_contact": as_contact}


def test_the_export_and_the_erasure_of_an_address_cover_the_same_records(one_of_each):
    labels = model_of_label()
    models = {*labels.values()}
    export = privacy.export_of(EMAIL)
    exported = {(labels[label]._meta.label, row["ID"])
                for label, rows in export.items() if label != privacy.EMAILS_LABEL for row in rows}
    exported_emails = {row["ID"] for row in export[privacy.EMAILS_LABEL]}
    assert {label for label in labels if label in export} == set(labels), "one of each record"
    emails_before = set(Email.objects.values_list("pk", flat=True))
    before = snapshot(models)

    privacy.forget(EMAIL)

    after = snapshot(models)
    erased = {key for key, row in before.items() if after[key] != row}
    other_side = {("missions.FollowUpCase", case.pk) for case in FollowUpCase.objects.filter(
        application=one_of_each["as_volunteer"], side=Side.ASSOCIATION)}
    other_side |= {("missions.Feedback", feedback.pk) for feedback in Feedback.objects.filter(
        application=one_of_each["as_volunteer"], side=Side.ASSOCIATION)}
    # The team's note naming the person on another volunteer's application: redacted, not exported
    # (it is the team's, about someone else).
    team_texts = {("missions.Application", one_of_each["as_contact"].pk)}
    assert exported <= erased
    # The only records erased without being exported: the other side's words on the person's own
    # introduction (they may name the person, but they are not the person's), and the team's text.
    assert erased - exported == other_side | team_texts
    assert emails_before - set(Email.objects.values_list("pk", flat=True)) == exported_emails


def test_what_the_person_wrote_is_in_their_export_and_gone_after_their_erasure(one_of_each):
    export = privacy.export_of(EMAIL)
    # Stored emails are exported whole (the team's case email quotes both sides): the records here.
    export_text = str({label: rows for label, rows in export.items() if label != privacy.EMAILS_LABEL})

    assert [text for text in WRITTEN if text not in export_text] == []
    assert "Lou demande de l’aide" not in export_text and "Lou a trouvé ça long" not in export_text

    privacy.forget(EMAIL)

    kept = [case.description for case in FollowUpCase.objects.all()] + [f.comment for f in Feedback.objects.all()]
    assert [text for text in WRITTEN if text in kept] == []
    assert "Lou demande de l’aide" in kept and "Lou a trouvé ça long" in kept
    assert Association.objects.get(missions=one_of_each["as_contact"].mission).name == "Les amis de [effacé]"
    lou = Application.objects.get(email="lou@example.org")
    assert (lou.name, lou.note) == ("Lou Bénévole", "Rappeler [effacé] avant vendredi.")
