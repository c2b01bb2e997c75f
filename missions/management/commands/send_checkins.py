from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from missions.services import send_checkins


class Command(BaseCommand):
    help = "Envoie « Tout se passe bien ? » aux deux parties des mises en relation faites il y a 14 jours (une fois)."

    def handle(self, *args, **options):
        sent = send_checkins()
        self.stdout.write(ngettext("%(n)d mise en relation relancée.", "%(n)d mises en relation relancées.", sent)
                          % {"n": sent})
