"""The trainings' background work: the "send me the confirmation again" e-mail is queued by a
task, so that asking runs the same statements whoever asks (`courses.services.resend_confirmation`)."""

from django_tasks import task


@task()
def resend_confirmation_task(registration_id):
    from . import services

    return services.send_confirmation_again(registration_id)
