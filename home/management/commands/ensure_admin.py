import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

# Where a generated local password is remembered between runs (git-ignored).
PASSWORD_FILE = Path(settings.BASE_DIR) / ".local-admin-password"


class Command(BaseCommand):
    help = (
        "Crée le compte d'administration local s'il n'existe pas. Mot de passe : ADMIN_PASSWORD, "
        "sinon généré (jamais de mot de passe fixe)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))
        parser.add_argument("--email", default=os.environ.get("ADMIN_EMAIL", "admin@webassoc.localhost"))

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        password = os.environ.get("ADMIN_PASSWORD", "")
        is_local = settings.DEBUG
        if not password and not is_local:
            raise CommandError("ADMIN_PASSWORD est obligatoire hors développement local.")

        user = User.objects.filter(username=username).first()
        if user is None:
            if not password:
                password = secrets.token_urlsafe(12)
                PASSWORD_FILE.write_text(password + "\n")
                PASSWORD_FILE.chmod(0o600)
            User.objects.create_superuser(
                username=username, email=email, password=password, first_name="Admin", last_name="Local"
            )
            self.stdout.write(self.style.SUCCESS(f"Compte d'administration « {username} » créé."))
        elif os.environ.get("ADMIN_PASSWORD"):
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write(f"Mot de passe du compte « {username} » mis à jour depuis ADMIN_PASSWORD.")
        elif PASSWORD_FILE.exists():
            password = PASSWORD_FILE.read_text().strip()

        self.stdout.write(f"  Administration : {settings.WAGTAILADMIN_BASE_URL}/admin/")
        self.stdout.write(f"  Identifiant    : {username}")
        if password and is_local:
            self.stdout.write(f"  Mot de passe   : {password}")
        elif not password:
            self.stdout.write("  Mot de passe   : inchangé (définissez ADMIN_PASSWORD pour le remplacer)")
