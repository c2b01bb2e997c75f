from django.core.management.base import BaseCommand

from background import services


class Command(BaseCommand):
    help = (
        "Relance une fois les tâches restées « en cours » plus de TASK_STUCK_MINUTES minutes "
        "(processus arrêté), puis les marque échouées."
    )

    def handle(self, *args, **options):
        retried, failed = services.recover_stuck_tasks()
        self.stdout.write(f"{retried} tâche(s) bloquée(s) relancée(s), {failed} marquée(s) échouée(s).")
