from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "stats"
    verbose_name = "Statistiques"
    default_auto_field = "django.db.models.BigAutoField"
