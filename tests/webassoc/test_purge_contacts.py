"""When the contact of a mission or an association is no longer needed (webassoc/privacy.py)."""

import datetime
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Revision

from missions.models import Association, Mission
from tests.missions.factories import AssociationFactory, MissionFactory
from webassoc.privacy import purge

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - timedelta(days=800)  # older than 24 months
RECENTLY = timezone.now() - timedelta(days=200)


def mission(changed=LONG_AGO, **fields):
    created = MissionFactory(**fields)
    Mission.objects.filter(pk=created.pk).update(updated_at=changed)
    Association.objects.filter(pk=created.association_id).update(updated_at=changed)
    return created


def contact_kept(instance):
    instance.refresh_from_db()
    return instance.contact_email != "" and not instance.contact_email.endswith("@anonyme.invalid")


def test_an_open_mission_keeps_its_contact_however_old():
    kept = mission(apply_before=None)

    purge()

    assert contact_kept(kept) and contact_kept(kept.association)


def test_a_mission_closed_for_longer_than_the_retention_forgets_its_contact():
    closed = mission(status="pourvue")

    counts = purge()

    closed.refresh_from_db()
    assert (closed.contact_name, closed.contact_email) == ("", f"anonyme-{closed.pk}@anonyme.invalid")
    assert closed.anonymised_at is not None
    assert closed.updated_at < RECENTLY  # forgetting is not a change that restarts the clock
    assert counts["contacts de missions"] == 1


def test_a_mission_closed_recently_or_redrafted_recently_keeps_its_contact():
    closed_recently = mission(status="cloturee", changed=RECENTLY)
    redrafted = mission(status="cloturee")
    redrafted.save_revision()
    Mission.objects.filter(pk=redrafted.pk).update(updated_at=LONG_AGO)

    purge()

    assert contact_kept(closed_recently) and contact_kept(redrafted)


def test_an_open_mission_counts_from_its_deadline():
    long_past = mission(apply_before=datetime.date.today() - timedelta(days=800))
    recently_past = mission(apply_before=datetime.date.today() - timedelta(days=200))

    purge()

    assert not contact_kept(long_past) and contact_kept(recently_past)


def test_a_contact_typed_again_after_the_purge_is_purged_again_later():
    closed = mission(status="pourvue")
    purge()
    closed.refresh_from_db()
    closed.contact_name, closed.contact_email = "Nouveau Contact", "nouveau@asso.example.org"
    closed.save()
    Mission.objects.filter(pk=closed.pk).update(updated_at=LONG_AGO)
    Revision.objects.update(created_at=LONG_AGO)

    purge()

    assert not contact_kept(closed)


def test_an_association_keeps_its_contact_while_one_of_its_missions_keeps_its_own():
    association = AssociationFactory(contact_name="Anne Contact", contact_email="anne@asso.example.org",
                                     description="Contact : Anne Contact.")
    old = mission(association=association, status="pourvue")
    open_ = mission(association=association, apply_before=None)

    purge()

    assert not contact_kept(old) and contact_kept(open_) and contact_kept(association)

    Mission.objects.filter(pk=open_.pk).update(status="cloturee")
    purge()

    association.refresh_from_db()
    assert (association.contact_name, association.contact_email) == ("", "")
    assert association.description == "Contact : [effacé]."


def test_an_association_changed_recently_keeps_its_contact():
    association = AssociationFactory(contact_name="Anne Contact")
    mission(association=association, status="pourvue")
    Association.objects.filter(pk=association.pk).update(updated_at=RECENTLY)

    purge()

    assert contact_kept(association)
