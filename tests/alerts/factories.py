"""Factories of the alerts app."""

import factory
from django.utils import timezone

from alerts.models import SessionWaiter, Subscription
from missions.models import Skill


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A confirmed subscription (pass `confirmed_at=None` for one waiting for its link).
    `skills=["video", …]` (slugs)."""

    email = factory.Sequence(lambda n: f"benevole{n}@example.org")
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscription
        skip_postgeneration_save = True  # the skills are set on the saved row

    @factory.post_generation
    def skills(self, create, slugs, **kwargs):
        if create and slugs:
            self.skills.set(Skill.objects.filter(slug__in=slugs))


class SessionWaiterFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"asso{n}@example.org")
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = SessionWaiter
