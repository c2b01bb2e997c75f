from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from outbox import services

# Longer than any real sending (EMAIL_TIMEOUT per step): a claim this old lost its worker.
STALE_CLAIM = timedelta(minutes=15)


class Command(BaseCommand):
    help = "Renvoie les e-mails en attente dont l’heure de nouvelle tentative est venue."

    def handle(self, *args, **options):
        requeued, uncertain = services.release_stale_claims(older_than=STALE_CLAIM)
        queued = services.send_due_emails()
        self.stdout.write(", ".join([
            ngettext("%(n)d e-mail remis en file", "%(n)d e-mails remis en file", queued) % {"n": queued},
            ngettext("%(n)d envoi interrompu avant transmission remis en file",
                     "%(n)d envois interrompus avant transmission remis en file", requeued) % {"n": requeued},
            ngettext("%(n)d marqué « envoi incertain ».", "%(n)d marqués « envoi incertain ».", uncertain) % {"n": uncertain},
        ]))
