from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from missions.services import send_application_reminders


class Command(BaseCommand):
    help = ("Envoie à l’équipe (ou au coordinateur de la mission) le récapitulatif des candidatures sans réponse "
            "depuis 2 jours, puis « en retard » à 7 jours (une seule fois chacune).")

    def handle(self, *args, **options):
        sent = send_application_reminders()
        self.stdout.write(ngettext("%(n)d récapitulatif envoyé.", "%(n)d récapitulatifs envoyés.", sent) % {"n": sent})
