from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from courses.services import send_reminders


class Command(BaseCommand):
    help = "Envoie le rappel des sessions qui commencent dans les deux jours (une seule fois par inscription)."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(ngettext("%(n)d rappel envoyé.", "%(n)d rappels envoyés.", sent) % {"n": sent})
