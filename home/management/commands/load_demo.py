from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each loader is a module with a `load(stdout)` function; order matters (pages need their parents).
LOADERS = [
    "home.demo.site",
    "home.demo.accessibility",
    "missions.demo",
    "courses.demo",
    "home.demo.manifesto",
    "home.demo.news",
]


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (sans effet s'il est déjà présent)."

    def handle(self, *args, **options):
        self.stdout.write("Contenu de démonstration :")
        for dotted in LOADERS:
            with transaction.atomic():
                import_module(dotted).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
