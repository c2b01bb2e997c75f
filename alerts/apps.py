from django.apps import AppConfig


class AlertsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "alerts"
    verbose_name = "Alertes et vivier"

    def ready(self):
        from . import signals  # noqa: F401  (publishing a mission or a session notifies people)
