from django.core.management.base import BaseCommand, CommandError

from webassoc.privacy import forget, records_of, report_lines


class Command(BaseCommand):
    help = ("Efface sans attendre les données d'une personne qui le demande : toutes les inscriptions, "
            "candidatures, demandes, signatures et contacts de missions ou d'associations à cette adresse, "
            "avec leurs copies (e-mails gardés, journal d'administration, révisions).")

    def add_arguments(self, parser):
        parser.add_argument("email", help="L'adresse e-mail de la personne.")
        parser.add_argument("--dry-run", action="store_true", help="Compte sans rien modifier.")

    def handle(self, *args, email, dry_run=False, **options):
        open_missions = [
            row for entry, rows in records_of(email.strip()).items() if entry.model == "missions.Mission"
            for row in rows if row.accepts_applications
        ]
        try:
            counts = forget(email, dry_run=dry_run)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Données de {email.strip()} :")
        for line in report_lines(counts, dry_run):
            self.stdout.write(f"  {line}")
        for mission in open_missions:
            self.stdout.write(self.style.WARNING(
                f"  La mission ouverte « {mission.title} » n'aura plus de contact : indiquez-en un nouveau."
                if dry_run else
                f"  La mission ouverte « {mission.title} » n'a plus de contact : indiquez-en un nouveau."
            ))
        if dry_run:
            self.stdout.write("Simulation : rien n'a été modifié.")
