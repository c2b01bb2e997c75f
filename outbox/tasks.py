from django_tasks import task

from . import services


@task()
def send_email_task(email_id):
    return services.deliver(email_id)
