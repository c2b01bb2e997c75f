"""Factories of the missions app."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from missions.enums import ApplicationStatus, Cause, MissionStatus, Side
from missions.models import (
    Application,
    Association,
    FollowUpCase,
    Mission,
    MissionIndexPage,
    MissionRequest,
    MissionSkill,
    Skill,
)
from tests.factories import home_page
from webassoc.enums import Format


def skill(slug):
    return Skill.objects.get(slug=slug)


class MissionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Missions"
    slug = "missions"
    intro = "Les appels à compétences des associations."

    class Meta:
        model = MissionIndexPage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("parent") is None:
            kwargs["parent"] = home_page()
        return super()._create(model_class, *args, **kwargs)


class AssociationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Association {n}")
    cause = Cause.SOLIDARITY
    city = "Lyon"
    description = "Une association de démonstration."
    contact_email = factory.Sequence(lambda n: f"contact{n}@asso.example.org")

    class Meta:
        model = Association


class MissionFactory(factory.django.DjangoModelFactory):
    """A published, open mission. Pass `skills=["collecte", …]` (slugs) to tag it."""

    title = factory.Sequence(lambda n: f"Mission {n}")
    slug = factory.Sequence(lambda n: f"mission-{n}")
    association = factory.SubFactory(AssociationFactory)
    summary = "Un besoin précis, quelques heures, à distance."
    description = "<p>Description de la mission.</p>"
    format = Format.REMOTE
    effort_hours = 10
    volunteers_wanted = 1
    apply_before = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    status = MissionStatus.OPEN
    contact_name = "Claire Contact"
    contact_email = "claire@asso.example.org"
    live = True
    first_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Mission
        skip_postgeneration_save = True

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if not extracted:
            return
        self.skills.set([skill(slug) if isinstance(slug, str) else slug for slug in extracted])
        if create:
            self.save()


class ApplicationFactory(factory.django.DjangoModelFactory):
    mission = factory.SubFactory(MissionFactory)
    name = factory.Sequence(lambda n: f"Bénévole {n}")
    email = factory.Sequence(lambda n: f"benevole{n}@example.org")
    message = "Je serais ravie d'aider."
    availability = "Le soir"
    consent = True

    class Meta:
        model = Application
        skip_postgeneration_save = True

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.set([skill(slug) if isinstance(slug, str) else slug for slug in extracted])


class FollowUpCaseFactory(factory.django.DjangoModelFactory):
    """A side's request for help after an introduction (open unless `status` says otherwise)."""

    application = factory.SubFactory(ApplicationFactory, status=ApplicationStatus.INTRODUCED)
    side = Side.VOLUNTEER
    description = "Nous n'avons plus de nouvelles."

    class Meta:
        model = FollowUpCase


class MissionRequestFactory(factory.django.DjangoModelFactory):
    association_name = "Les Amis du Canal"
    cause = Cause.ENVIRONMENT
    city = "Nantes"
    contact_name = "Paul Demandeur"
    email = factory.Sequence(lambda n: f"demande{n}@asso.example.org")
    title = "Un site plus lisible"
    description = "Notre site est difficile à lire.\nNous cherchons de l'aide."
    consent = True

    class Meta:
        model = MissionRequest
        skip_postgeneration_save = True

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.set([skill(slug) if isinstance(slug, str) else slug for slug in extracted])


def bulk_missions(count, association=None, skills=(), **fields):
    """`count` published open missions created in bulk (fast), tagged with `skills`."""
    association = association or AssociationFactory()
    now = timezone.now()
    start = Mission.objects.count()
    missions = Mission.objects.bulk_create(
        [
            Mission(
                title=f"Mission en nombre {start + n}",
                slug=f"mission-en-nombre-{start + n}",
                association=association,
                summary="Une mission créée en nombre.",
                contact_email="contact@asso.example.org",
                live=True,
                first_published_at=now - datetime.timedelta(minutes=n),
                **fields,
            )
            for n in range(count)
        ],
        batch_size=500,
    )
    if missions and missions[0].pk is None:  # backends without RETURNING
        missions = list(Mission.objects.filter(slug__startswith="mission-en-nombre-").order_by("pk"))
    MissionSkill.objects.bulk_create(
        [MissionSkill(content_object=mission, tag=tag) for mission in missions for tag in skills],
        batch_size=1000,
    )
    return missions
