from datetime import timedelta

from django.core.management.base import BaseCommand

from outbox import services


class Command(BaseCommand):
    help = "Renvoie les e-mails en attente dont l'heure de nouvelle tentative est venue."

    def handle(self, *args, **options):
        released = services.release_stale_claims(older_than=timedelta(minutes=15))
        queued = services.send_due_emails()
        self.stdout.write(f"{queued} e-mail(s) remis en file, {released} envoi(s) bloqué(s) libéré(s).")
