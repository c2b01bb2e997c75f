from datetime import timedelta

from django.core.management.base import BaseCommand

from outbox import services

# Longer than any real sending (EMAIL_TIMEOUT per step): a claim this old lost its worker.
STALE_CLAIM = timedelta(minutes=15)


class Command(BaseCommand):
    help = "Renvoie les e-mails en attente dont l'heure de nouvelle tentative est venue."

    def handle(self, *args, **options):
        requeued, uncertain = services.release_stale_claims(older_than=STALE_CLAIM)
        queued = services.send_due_emails()
        self.stdout.write(
            f"{queued} e-mail(s) remis en file, {requeued} envoi(s) interrompu(s) avant transmission "
            f"remis en file, {uncertain} marqué(s) « envoi incertain »."
        )
