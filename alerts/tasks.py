"""Background tasks of the alerts: the fan-out of a mission gone live, then capped sending runs.

A run queues at most ALERTS_PER_RUN emails, then enqueues the next run: a mission for thousands
of people is spread over short tasks, and other tasks (registrations' emails) run in between.
The periodic job `send_alerts` catches what a lost run left."""

from django_tasks import task

from . import services


@task()
def fan_out_task(mission_id):
    from missions.models.missions import Mission

    mission = Mission.objects.select_related("association").filter(pk=mission_id).first()
    added = services.fan_out(mission) if mission is not None else 0
    if added:
        send_alerts_task.enqueue()
    return added


@task()
def send_alerts_task():
    queued, more = services.send_due_alerts()
    if more:
        send_alerts_task.enqueue()
    return queued


@task()
def announce_session_task(session_id):
    from courses.models import TrainingSessionPage

    session = TrainingSessionPage.objects.filter(pk=session_id).first()
    return services.announce_session(session) if session is not None else 0
