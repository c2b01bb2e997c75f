"""The missions' background work: the "send me the follow link again" e-mail is queued by a task,
so that asking runs the same statements whoever asks (`missions.services.resend_follow_link`)."""

from django_tasks import task


@task()
def resend_follow_link_task(application_id):
    from . import services

    return services.send_follow_link_again(application_id)
