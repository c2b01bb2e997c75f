from django.core.management.base import BaseCommand

from webassoc import periodic


class Command(BaseCommand):
    help = "Exécute les tâches périodiques dues (rappels, renvois d'e-mails, nettoyage)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Tourne en continu (service scheduler).")
        parser.add_argument("--tick", type=int, default=30, help="Secondes entre deux passages en boucle.")

    def handle(self, *args, loop, tick, **options):
        if loop:
            periodic.run_forever(tick, stdout=self.stdout)
            return
        ran = periodic.run_due_jobs(stdout=self.stdout)
        if ran:
            self.stdout.write(f"Tâches exécutées : {', '.join(ran)}")
