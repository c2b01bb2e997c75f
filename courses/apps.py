from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Formations"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from . import signals
        from .models import TrainingIndexPage

        page_published.connect(signals.on_page_published, dispatch_uid="courses-session-published")
        post_save.connect(signals.grant_catalogue_to_coordinators, sender=TrainingIndexPage,
                          dispatch_uid="courses-catalogue-permissions")
