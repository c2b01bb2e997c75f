"""Factories for the training catalogue: index → course → session, and registrations."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from courses.enums import RegistrationStatus, SessionMode
from courses.models import Registration, TrainingIndexPage, TrainingPage, TrainingSessionPage
from tests.factories import home_page


def training_index():
    existing = TrainingIndexPage.objects.first()
    if existing:
        return existing
    index = TrainingIndexPage(title="Formations", slug="formations")
    home_page().add_child(instance=index)
    index.save_revision().publish()
    return index


class TrainingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Formation {n}")
    slug = factory.Sequence(lambda n: f"formation-{n}")
    summary = "Une formation gratuite pour les associations."
    duration = "3 heures"

    class Meta:
        model = TrainingPage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("parent") is None:
            kwargs["parent"] = training_index()
        return super()._create(model_class, *args, **kwargs)


def in_days(days, hour=14):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class TrainingSessionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Session {n}")
    slug = factory.Sequence(lambda n: f"session-{n}")
    start = factory.LazyFunction(lambda: in_days(10))
    end = factory.LazyAttribute(lambda session: session.start + timedelta(hours=3))
    mode = SessionMode.REMOTE
    meeting_url = "https://visio.example.org/salle-secrete"
    capacity = 10
    max_attendees_per_registration = 5

    class Meta:
        model = TrainingSessionPage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("parent") is None:
            kwargs["parent"] = TrainingPageFactory()
        return super()._create(model_class, *args, **kwargs)


class RegistrationFactory(factory.django.DjangoModelFactory):
    session = factory.SubFactory(TrainingSessionPageFactory)
    association_name = factory.Sequence(lambda n: f"Association {n}")
    contact_name = "Camille Martin"
    email = factory.Sequence(lambda n: f"contact{n}@asso.example.org")
    attendees = 1
    status = RegistrationStatus.CONFIRMED

    class Meta:
        model = Registration


def registration_data(**overrides):
    """What a person types in the public form."""
    data = {
        "association_name": "Les Jardins Partagés",
        "contact_name": "Camille Martin",
        "email": "camille@jardins.example.org",
        "phone": "",
        "attendees": "1",
        "message": "",
        "consent": "on",
    }
    data.update(overrides)
    return data
