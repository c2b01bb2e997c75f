from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from webassoc.privacy import cutoff, email_cutoff, purge, report_lines, retention_months


class Command(BaseCommand):
    help = ("Anonymise les données personnelles plus anciennes que la durée de conservation "
            "(PERSONAL_DATA_RETENTION_MONTHS, 24 mois par défaut) : inscriptions, candidatures, demandes, "
            "signatures, contacts des missions et des associations, avec leurs copies (e-mails, journal "
            "d'administration, révisions) ; supprime les e-mails envoyés depuis plus de EMAIL_RETENTION_DAYS "
            "jours. Sans effet si relancée. La liste complète : webassoc/privacy.py.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="Compte exactement ce qu'une vraie purge changerait, sans rien modifier.")
        # Read as text and checked here: argparse's own error would be in English.
        parser.add_argument("--months", default=None,
                            help="Durée de conservation en mois, nombre entier positif ou nul "
                                 "(par défaut : le réglage).")

    def handle(self, *args, dry_run=False, months=None, **options):
        now = timezone.now()
        try:
            months = retention_months(months)
            before, emails_before = cutoff(now, months), email_cutoff(now, months)
        except ValueError as error:
            raise CommandError(str(error)) from error
        counts = purge(now=now, months=months, dry_run=dry_run)
        self.stdout.write(f"Données antérieures au {timezone.localtime(before):%d/%m/%Y %H:%M} ({months} mois), "
                          f"e-mails antérieurs au {timezone.localtime(emails_before):%d/%m/%Y %H:%M} :")
        for line in report_lines(counts, dry_run):
            self.stdout.write(f"  {line}")
        if dry_run:
            self.stdout.write("Simulation : rien n'a été modifié.")
