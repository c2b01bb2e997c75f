"""Signal receivers, connected in CoursesConfig.ready() (the models are loaded by then)."""

from django.apps import apps

from home import roles

from .models import TrainingSessionPage
from .services import order_sessions, session_published


def on_page_published(sender, instance, **kwargs):
    """Every publication of a session (admin, scheduled, workflow, demo loader, script) goes through
    the service, and its course lists its sessions by start again (the admin shows them in tree
    order): a session published with an earlier start, or a new one, takes its place."""
    if isinstance(instance, TrainingSessionPage):
        session_published(instance)
        order_sessions(instance.get_parent())


def grant_catalogue_to_coordinators(sender, instance, created, raw=False, **kwargs):
    """A new training catalogue is editable by the "Coordination formations" group."""
    if not created or raw:
        return
    # The helper data migrations use; the live app registry works the same way.
    roles.grant_page_permissions(apps, roles.TRAINING_COORDINATORS, instance)
