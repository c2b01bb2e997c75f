"""Send the alerts a capped run left, and the weekly digests when due (a periodic job)."""

from django.core.management.base import BaseCommand

from alerts import services


class Command(BaseCommand):
    help = "Envoie les alertes missions en attente et, le lundi, les résumés hebdomadaires."

    def handle(self, *args, **options):
        queued, more = services.send_due_alerts()
        digests, more_digests = services.send_digests()
        self.stdout.write(f"{queued} alerte(s) et {digests} résumé(s) mis en file"
                          + (" ; il en reste pour le prochain passage." if more or more_digests else "."))
