from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Formations"

    def ready(self):
        from wagtail.signals import page_published

        from . import signals

        page_published.connect(signals.on_page_published, dispatch_uid="courses-session-published")
