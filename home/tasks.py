"""The manifesto's background work: the "nouveau lien" e-mail is queued by a task, so that asking
for a link runs the same statements whoever asks (`home.services.resend_confirmation`)."""

from django_tasks import task


@task()
def send_new_link_task(signature_id):
    from . import services

    return services.send_new_link(signature_id)
