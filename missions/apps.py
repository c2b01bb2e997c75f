from django.apps import AppConfig


class MissionsConfig(AppConfig):
    name = "missions"
    verbose_name = "Missions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import published

        from home.search import register_source

        from . import signals
        from .models import Mission
        from .search import mission_results

        register_source(mission_results)
        published.connect(signals.on_mission_published, sender=Mission, dispatch_uid="missions-mission-published")
