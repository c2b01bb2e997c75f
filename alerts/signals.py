"""Publishing notifies people, whoever publishes (an editor, a workflow, or the scheduled
publishing job: Wagtail sends `published` / `page_published` for each of them).

A mission going live fans out to matching subscribers; a session going live tells the people
waiting for its course. Both run as background tasks after the commit."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, published


@receiver(published, dispatch_uid="alerts_mission_published")
def mission_published(sender, instance, **kwargs):
    from missions.models.missions import Mission

    if isinstance(instance, Mission):
        from .tasks import fan_out_task

        transaction.on_commit(lambda: fan_out_task.enqueue(instance.pk))


@receiver(page_published, dispatch_uid="alerts_session_published")
def session_published(sender, instance, **kwargs):
    from courses.models import TrainingSessionPage

    if isinstance(instance.specific, TrainingSessionPage):
        from .tasks import announce_session_task

        transaction.on_commit(lambda: announce_session_task.enqueue(instance.pk))
