from django.conf import settings
from django.core.management.base import BaseCommand

from webassoc.privacy import cutoff, purge


class Command(BaseCommand):
    help = ("Anonymise les inscriptions, candidatures, demandes et signatures plus anciennes que la durée "
            "de conservation (PERSONAL_DATA_RETENTION_MONTHS, 24 mois par défaut). Sans effet si relancée.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Compte sans rien modifier.")
        parser.add_argument("--months", type=int, default=None,
                            help="Durée de conservation en mois (par défaut : le réglage).")

    def handle(self, *args, dry_run=False, months=None, **options):
        months = settings.PERSONAL_DATA_RETENTION_MONTHS if months is None else months
        counts = purge(months=months, dry_run=dry_run)
        verb = "à anonymiser" if dry_run else "anonymisées"
        self.stdout.write(f"Données antérieures au {cutoff(months=months):%d/%m/%Y} ({months} mois) :")
        for label, count in counts.items():
            self.stdout.write(f"  {label} : {count} {verb}")
        if dry_run:
            self.stdout.write("Simulation : rien n'a été modifié.")
