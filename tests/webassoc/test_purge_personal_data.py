from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from courses.models import Registration
from home.models import Signature
from missions.models import Application, MissionRequest
from tests.courses.factories import RegistrationFactory, TrainingSessionPageFactory
from tests.home.factories import SignatureFactory
from tests.missions.factories import ApplicationFactory, MissionRequestFactory
from webassoc.privacy import purge

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - timedelta(days=800)  # older than 24 months
RECENTLY = timezone.now() - timedelta(days=200)


def aged(instance, moment):
    type(instance).objects.filter(pk=instance.pk).update(created_at=moment)
    return instance


@pytest.fixture
def old_and_recent():
    old_session = TrainingSessionPageFactory(start=LONG_AGO, end=LONG_AGO + timedelta(hours=3))
    recent_session = TrainingSessionPageFactory(start=RECENTLY, end=RECENTLY + timedelta(hours=3))
    return {
        "old": [
            RegistrationFactory(session=old_session, email="vieille@asso.example.org", attendees=2),
            aged(ApplicationFactory(email="vieux@benevole.example.org"), LONG_AGO),
            aged(MissionRequestFactory(email="vieille-demande@asso.example.org"), LONG_AGO),
            aged(SignatureFactory(email="vieux@signataire.example.org", confirmed=True), LONG_AGO),
        ],
        "recent": [
            RegistrationFactory(session=recent_session, email="recente@asso.example.org"),
            aged(ApplicationFactory(email="recent@benevole.example.org"), RECENTLY),
            aged(MissionRequestFactory(email="recente-demande@asso.example.org"), RECENTLY),
            aged(SignatureFactory(email="recent@signataire.example.org", confirmed=True), RECENTLY),
        ],
    }


def emails():
    return {
        *Registration.objects.values_list("email", flat=True),
        *Application.objects.values_list("email", flat=True),
        *MissionRequest.objects.values_list("email", flat=True),
        *Signature.objects.values_list("email", flat=True),
    }


def test_purge_anonymises_what_is_older_than_the_retention_and_keeps_the_rest(old_and_recent):
    out = StringIO()

    call_command("purge_personal_data", stdout=out)

    remaining = emails()
    for row in old_and_recent["old"]:
        row.refresh_from_db()
        assert row.anonymised_at is not None
        assert row.email not in {"vieille@asso.example.org", "vieux@benevole.example.org"}
    assert not {"vieille@asso.example.org", "vieux@benevole.example.org", "vieille-demande@asso.example.org",
                "vieux@signataire.example.org"} & remaining
    assert {"recente@asso.example.org", "recent@benevole.example.org", "recente-demande@asso.example.org",
            "recent@signataire.example.org"} <= remaining
    assert "inscriptions aux formations\u00a0: 1 anonymisée" in out.getvalue()


def test_purge_keeps_the_numbers_for_statistics(old_and_recent):
    call_command("purge_personal_data", stdout=StringIO())

    registration = old_and_recent["old"][0]
    registration.refresh_from_db()
    assert registration.attendees == 2 and registration.status == "confirmed"
    assert Signature.objects.filter(confirmed_at__isnull=False).count() == 2


def test_dry_run_counts_and_changes_nothing(old_and_recent):
    out = StringIO()

    call_command("purge_personal_data", "--dry-run", stdout=out)

    assert "signatures du manifeste\u00a0: 1 à anonymiser" in out.getvalue()
    assert "rien n'a été modifié" in out.getvalue()
    assert "vieux@benevole.example.org" in emails()


def test_purge_is_idempotent(old_and_recent):
    call_command("purge_personal_data", stdout=StringIO())
    before = {row.pk: row.anonymised_at for row in Application.objects.all()}
    out = StringIO()

    call_command("purge_personal_data", stdout=out)

    assert {row.pk: row.anonymised_at for row in Application.objects.all()} == before
    assert "candidatures aux missions\u00a0: 0 anonymisée" in out.getvalue()


def test_retention_is_configurable(old_and_recent, settings):
    settings.PERSONAL_DATA_RETENTION_MONTHS = 3

    call_command("purge_personal_data", stdout=StringIO())

    assert "recent@benevole.example.org" not in emails()


def test_purge_is_a_daily_periodic_job():
    from webassoc.periodic import jobs

    assert "purge_personal_data" in [job.command for job in jobs()]


@pytest.mark.parametrize("months", ["-1", "abc", "1.5", "", "99999999"])
def test_nonsense_months_are_refused_in_french_and_nothing_changes(old_and_recent, months):
    with pytest.raises(CommandError, match=r"--months attend un nombre entier de mois entre 0 et 1200"):
        call_command("purge_personal_data", "--months", months, stdout=StringIO())

    assert "vieux@benevole.example.org" in emails()


def test_a_negative_retention_setting_is_refused_with_its_name(old_and_recent, settings):
    settings.PERSONAL_DATA_RETENTION_MONTHS = -1

    with pytest.raises(CommandError, match="PERSONAL_DATA_RETENTION_MONTHS attend un nombre entier de mois"):
        call_command("purge_personal_data", "--dry-run", stdout=StringIO())


def test_a_negative_email_retention_setting_is_refused_with_its_name(settings):
    settings.EMAIL_RETENTION_DAYS = -5

    with pytest.raises(CommandError, match="EMAIL_RETENTION_DAYS attend un nombre entier de jours"):
        call_command("purge_personal_data", stdout=StringIO())


def test_registrations_of_sessions_not_yet_over_are_never_counted(db):
    future = TrainingSessionPageFactory()  # in ten days
    RegistrationFactory(session=future, email="bientot@asso.example.org")
    out = StringIO()

    call_command("purge_personal_data", "--months", "0", "--dry-run", stdout=out)
    call_command("purge_personal_data", "--months", "0", stdout=StringIO())

    assert "inscriptions aux formations\u00a0: 0 à anonymiser" in out.getvalue()
    assert "bientot@asso.example.org" in emails()


def test_a_purge_in_small_batches_still_anonymises_everything(old_and_recent):
    more = [aged(ApplicationFactory(), LONG_AGO) for _ in range(4)]

    counts = purge(batch_size=2)

    assert counts["candidatures aux missions"] == 5
    assert not Application.objects.filter(pk__in=[row.pk for row in more], anonymised_at__isnull=True).exists()
