"""Domain rules: slugs, PROTECT, anonymisation, status transitions, introductions, requests → drafts."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from home import roles
from missions import services
from missions.models import Application, Mission, MissionRequest

from .factories import ApplicationFactory, AssociationFactory, MissionFactory, MissionRequestFactory, skill

pytestmark = pytest.mark.django_db


def test_slug_is_made_from_the_title_and_kept_unique():
    first = MissionFactory(title="Audit d'accessibilité", slug="")
    second = MissionFactory(title="Audit d'accessibilité", slug="")

    assert first.slug == "audit-daccessibilite"
    assert second.slug == "audit-daccessibilite-2"


def test_slugs_used_by_the_index_page_routes_are_refused():
    mission = MissionFactory.build(slug="proposer", association=AssociationFactory())

    with pytest.raises(ValidationError):
        mission.full_clean()


def test_skills_are_their_own_vocabulary_through_mission_skill():
    mission = MissionFactory(skills=["video", "collecte"])

    assert [s.name for s in mission.skill_list()] == ["Collecte en ligne", "Vidéo"]
    tagged = skill("video").mission_items.values_list("content_object__title", flat=True)
    assert set(tagged) == {mission.title}


def test_a_mission_with_applications_cannot_be_deleted():
    application = ApplicationFactory()

    with pytest.raises(ProtectedError):
        application.mission.delete()
    assert Application.objects.filter(pk=application.pk).exists()


def test_anonymise_erases_personal_data_and_keeps_the_record():
    application = ApplicationFactory(name="Camille", email="camille@example.org", status="preselectionnee",
                                     portfolio_url="https://exemple.fr")
    application.skills.set([skill("video")])

    application.anonymise()
    application.refresh_from_db()

    assert application.name == "Anonyme"
    assert application.email == f"anonyme-{application.pk}@anonyme.invalid"
    assert application.message == application.portfolio_url == application.availability == ""
    assert application.status == "retiree"  # nobody left to answer: out of the queue (its step says why)
    assert application.anonymised_at is not None
    assert application.mission_id is not None


def test_mission_request_anonymise_keeps_the_need():
    request_ = MissionRequestFactory(contact_name="Paul", phone="0600000000")

    request_.anonymise()
    request_.refresh_from_db()

    assert request_.contact_name == "Anonyme" and request_.phone == ""
    assert request_.email == f"anonyme-{request_.pk}@anonyme.invalid" and request_.anonymised_at is not None
    assert request_.title == "Un site plus lisible"


def test_a_new_application_can_be_shortlisted_or_declined():
    shortlisted = services.change_status(ApplicationFactory(), status="preselectionnee", note="À rappeler")
    declined = services.change_status(ApplicationFactory(), status="declinee", decline_reason="profil")

    assert (shortlisted.status, shortlisted.note) == ("preselectionnee", "À rappeler")
    assert declined.status == "declinee"


def test_withdrawn_applications_stay_withdrawn():
    application = ApplicationFactory(status="retiree")

    with pytest.raises(services.StatusChangeRefused):
        services.change_status(application, status="preselectionnee")


def test_unknown_status_is_refused():
    with pytest.raises(services.StatusChangeRefused):
        services.change_status(ApplicationFactory(), status="inconnu")


def test_a_new_application_can_be_introduced_in_one_step():
    application = ApplicationFactory(status="nouvelle")

    services.introduce(application)
    application.refresh_from_db()

    assert application.status == "mise_en_relation"
    assert len(mail.outbox) == 2


def test_declined_applications_cannot_be_introduced_directly():
    application = ApplicationFactory(status="declinee")

    with pytest.raises(services.StatusChangeRefused):
        services.change_status(application, status="mise_en_relation")


def test_introduce_emails_the_volunteer_and_the_association_contact(index_page):
    mission = MissionFactory(title="Audit", contact_email="asso@example.org", contact_name="Claire")
    application = ApplicationFactory(mission=mission, status="preselectionnee", email="vol@example.org",
                                     name="Camille")

    services.introduce(application, note="Bon profil")
    application.refresh_from_db()

    assert application.status == "mise_en_relation"
    assert application.matched_at is not None
    assert application.note == "Bon profil"
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"vol@example.org", "asso@example.org"}
    assert "asso@example.org" in by_recipient["vol@example.org"].body
    assert by_recipient["vol@example.org"].reply_to == ["asso@example.org"]
    assert "vol@example.org" in by_recipient["asso@example.org"].body
    assert "Camille" in by_recipient["asso@example.org"].body
    assert by_recipient["asso@example.org"].reply_to == ["vol@example.org"]


def test_introducing_twice_sends_the_emails_once():
    application = ApplicationFactory(status="preselectionnee")

    services.introduce(application)
    services.change_status(application, status="mise_en_relation")

    assert len(mail.outbox) == 2


def test_request_becomes_a_draft_mission_with_its_association_and_skills():
    request_ = MissionRequestFactory(association_name="Les Amis du Canal", email="paul@canal.example.org")
    request_.skills.set([skill("accessibilite")])

    mission = services.convert_request(request_)

    assert mission.live is False
    assert mission.title == "Un site plus lisible"
    assert mission.association.name == "Les Amis du Canal"
    assert mission.contact_email == "paul@canal.example.org"
    assert [s.slug for s in mission.skill_list()] == ["accessibilite"]
    assert mission.latest_revision is not None
    assert "<p>Notre site est difficile à lire.</p>" in mission.description
    request_.refresh_from_db()
    assert request_.status == "convertie" and request_.mission == mission


@pytest.mark.parametrize("days", [-1, 0, 30])
def test_a_draft_mission_keeps_the_wished_date_apart_from_the_application_deadline(days):
    import datetime

    from django.utils import timezone

    deadline = timezone.localdate() + datetime.timedelta(days=days)
    mission = services.convert_request(MissionRequestFactory(deadline=deadline))

    assert mission.apply_before is None
    assert mission.needed_by == deadline


def test_converting_a_request_twice_creates_one_mission_and_reuses_the_association():
    AssociationFactory(name="Les Amis du Canal")
    request_ = MissionRequestFactory(association_name="les amis du canal")

    first = services.convert_request(request_)
    second = services.convert_request(MissionRequest.objects.get(pk=request_.pk))

    assert first == second
    assert Mission.objects.count() == 1
    assert first.association.name == "Les Amis du Canal"


def test_mission_coordinators_get_the_missions_permissions():
    group = Group.objects.get(name=roles.MISSION_COORDINATORS)
    permissions = group.permissions.filter(content_type__app_label="missions")
    codenames = set(permissions.values_list("codename", flat=True))

    assert {"add_mission", "change_mission", "publish_mission", "change_application", "add_association",
            "change_missionrequest"} <= codenames


def test_stored_values_stay_the_same_whatever_the_member_names():
    from missions.enums import ApplicationStatus, Cause, MissionRequestStatus, MissionStatus
    from webassoc.enums import Format

    assert MissionStatus.values == ["ouverte", "pourvue", "cloturee"]
    assert ApplicationStatus.values == ["nouvelle", "preselectionnee", "mise_en_relation", "declinee", "retiree"]
    assert MissionRequestStatus.values == ["nouvelle", "convertie", "refusee"]
    assert Cause.values == ["humanitaire", "solidarite", "environnement", "autre"]
    assert set(Format.values) == {"a_distance", "sur_place", "hybride"}
    assert Mission._meta.get_field("format").choices == MissionRequest._meta.get_field("format").choices == Format.choices
