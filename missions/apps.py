from django.apps import AppConfig


class MissionsConfig(AppConfig):
    name = "missions"
    verbose_name = "Missions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.search import register_source

        from .search import mission_results

        register_source(mission_results)
