"""Signal receivers, connected in CoursesConfig.ready() (the models are loaded by then)."""

from django.apps import apps

from home import roles

from .models import TrainingSessionPage
from .services import session_published


def on_page_published(sender, instance, **kwargs):
    """Every publication of a session (admin, scheduled, script) goes through the service."""
    if isinstance(instance, TrainingSessionPage):
        session_published(instance)


def grant_catalogue_to_coordinators(sender, instance, created, raw=False, **kwargs):
    """A new training catalogue is editable by the "Coordination formations" group."""
    if not created or raw:
        return
    # The helper data migrations use; the live app registry works the same way.
    roles.grant_page_permissions(apps, roles.TRAINING_COORDINATORS, instance)
