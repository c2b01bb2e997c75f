"""Send the alerts a capped run left, and the weekly digests when due (a periodic job)."""

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from alerts import services


class Command(BaseCommand):
    help = "Envoie les alertes missions en attente et, le lundi, les résumés hebdomadaires."

    def handle(self, *args, **options):
        queued, more = services.send_due_alerts()
        digests, more_digests = services.send_digests()
        alerts = ngettext("%(n)d alerte", "%(n)d alertes", queued) % {"n": queued}
        summaries = ngettext("%(n)d résumé mis en file", "%(n)d résumés mis en file", digests) % {"n": digests}
        rest = " ; il en reste pour le prochain passage." if more or more_digests else "."
        self.stdout.write(f"{alerts} et {summaries}{rest}")
