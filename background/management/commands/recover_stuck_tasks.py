from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from background import services


class Command(BaseCommand):
    help = (
        "Relance une fois les tâches restées « en cours » plus de TASK_STUCK_MINUTES minutes "
        "(processus arrêté), puis les marque échouées."
    )

    def handle(self, *args, **options):
        retried, failed = services.recover_stuck_tasks()
        self.stdout.write(
            ngettext("%(n)d tâche bloquée relancée", "%(n)d tâches bloquées relancées", retried) % {"n": retried}
            + ", " + ngettext("%(n)d marquée échouée.", "%(n)d marquées échouées.", failed) % {"n": failed}
        )
