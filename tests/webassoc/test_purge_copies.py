"""Copies of personal data: stored emails, admin log entries, revisions, texts written by hand."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, TaskState

from outbox.enums import EmailStatus
from outbox.models import Email
from tests.courses.factories import RegistrationFactory
from tests.factories import SuperUserFactory
from tests.home.factories import SignatureFactory
from tests.missions.factories import ApplicationFactory, MissionFactory
from webassoc.privacy import REDACTED, redact

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def stored_email(to, *, status=EmailStatus.SENT, age=timedelta(0), **fields):
    email = Email.objects.create(to=[to], subject="Votre inscription", body_text="Bonjour", status=status,
                                 sent_at=NOW - age if status == EmailStatus.SENT else None, **fields)
    Email.objects.filter(pk=email.pk).update(created_at=NOW - age)
    return email


def remaining(*emails):
    return {email.pk for email in emails} & set(Email.objects.values_list("pk", flat=True))


def test_sent_and_abandoned_emails_are_deleted_after_thirty_days_and_pending_ones_are_kept():
    old_sent = stored_email("a@exemple.org", age=timedelta(days=31))
    old_failed = stored_email("b@exemple.org", status=EmailStatus.FAILED, age=timedelta(days=31))
    old_pending = stored_email("c@exemple.org", status=EmailStatus.PENDING, age=timedelta(days=31))
    recent_sent = stored_email("d@exemple.org", age=timedelta(days=29))
    out = StringIO()

    call_command("purge_personal_data", stdout=out)

    assert remaining(old_sent, old_failed, old_pending, recent_sent) == {old_pending.pk, recent_sent.pk}
    assert "e-mails gardés (envoyés, abandonnés, ou au sujet d’une personne anonymisée)\u00a0: 2 supprimés" in out.getvalue()


def test_an_email_of_uncertain_delivery_is_deleted_after_thirty_days_like_an_abandoned_one():
    old_uncertain = stored_email("e@exemple.org", status=EmailStatus.UNCERTAIN, age=timedelta(days=31))
    recent_uncertain = stored_email("f@exemple.org", status=EmailStatus.UNCERTAIN, age=timedelta(days=2))

    call_command("purge_personal_data", stdout=StringIO())

    assert remaining(old_uncertain, recent_uncertain) == {recent_uncertain.pk}


def test_email_retention_is_configurable(settings):
    settings.EMAIL_RETENTION_DAYS = 7
    email = stored_email("a@exemple.org", age=timedelta(days=8))

    call_command("purge_personal_data", stdout=StringIO())

    assert not remaining(email)


def test_anonymising_someone_deletes_every_email_about_them_whatever_its_status():
    application = ApplicationFactory(email="camille@benevole.example.org")
    to_them = stored_email("Camille@Benevole.example.org", status=EmailStatus.PENDING)
    failed = stored_email("camille@benevole.example.org", status=EmailStatus.FAILED)
    to_the_team = stored_email("equipe@webassoc.example", reply_to=["camille@benevole.example.org"])
    naming_them = stored_email("equipe@webassoc.example", body_html="<p>camille@benevole.example.org</p>")
    being_sent = stored_email("camille@benevole.example.org", status=EmailStatus.SENDING)
    someone_else = stored_email("dominique@benevole.example.org", status=EmailStatus.PENDING)

    deleted = application.anonymise()

    assert deleted == 4
    assert remaining(to_them, failed, to_the_team, naming_them, being_sent, someone_else) == {
        being_sent.pk, someone_else.pk}


def test_admin_log_labels_of_an_anonymised_record_no_longer_name_the_person():
    signature = SignatureFactory(first_name="Maëlys", last_name="Quéméner")
    registration = RegistrationFactory(contact_name="Yann Le Goff", association_name="Les Goélands")
    log(instance=signature, action="wagtail.edit")
    log(instance=registration, action="wagtail.edit", data={"note": "Appeler Yann Le Goff"})
    other = SignatureFactory(first_name="Maëlys", last_name="Autre")
    log(instance=other, action="wagtail.edit")

    signature.anonymise()
    registration.anonymise()

    assert ModelLogEntry.objects.for_instance(signature).get().label == REDACTED
    entry = ModelLogEntry.objects.for_instance(registration).get()
    assert "Goff" not in entry.label and "Goélands" not in entry.label
    assert entry.data == {"note": f"Appeler {REDACTED}"}
    assert ModelLogEntry.objects.for_instance(other).get().label == "Maëlys Autre"


def test_a_mission_draft_published_after_the_purge_does_not_bring_the_contact_back():
    mission = MissionFactory(contact_name="Claire Contact", contact_email="claire@asso.example.org",
                             description="<p>Écrire à Claire Contact : claire@asso.example.org, 06 12 34 56 78.</p>")
    mission.save_revision().publish()
    mission.summary = "Un nouveau résumé, par Claire Contact."
    mission.save_revision()  # a draft, never published

    mission.anonymise()
    mission.refresh_from_db()
    draft = mission.latest_revision.as_object()

    assert (draft.contact_name, draft.contact_email) == ("", f"anonyme-{mission.pk}@anonyme.invalid")
    assert draft.summary == f"Un nouveau résumé, par {REDACTED}."
    assert mission.description == f"<p>Écrire à {REDACTED} : {REDACTED}, {REDACTED}.</p>"
    for revision in mission.revisions.all():
        assert "Claire" not in str(revision.content) and "claire@" not in str(revision.content)


def test_moderators_comments_on_a_mission_no_longer_name_its_contact():
    mission = MissionFactory(contact_name="Claire Contact", contact_email="claire@asso.example.org")
    mission.save_revision()
    mission.get_workflow().start(mission, SuperUserFactory())
    TaskState.objects.update(comment="Rappeler Claire Contact au 06 12 34 56 78 avant publication.")

    mission.anonymise()

    assert TaskState.objects.get().comment == f"Rappeler {REDACTED} au {REDACTED} avant publication."


def test_redaction_finds_whole_names_any_case_addresses_and_french_phones():
    text = "Léa LEFORT (lea@ex.org, +33 6 12 34 56 78) remercie Léandre ; rdv le 2026-11-25 à 14:00."

    assert redact(text, ["Léa Lefort", "lea@ex.org", "Léa"]) == (
        f"{REDACTED} ({REDACTED}, {REDACTED}) remercie Léandre ; rdv le 2026-11-25 à 14:00."
    )
    assert redact({"a": ["Léa"], "b": 3}, ["Léa"]) == {"a": [REDACTED], "b": 3}
