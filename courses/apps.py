from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Formations"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published

        from . import signals
        from .models import Registration, TrainingIndexPage
        from .models.registrations import bump_seats_version

        page_published.connect(signals.on_page_published, dispatch_uid="courses-session-published")
        # Seats shown on public pages: their own version, not the whole page cache's generation.
        post_save.connect(bump_seats_version, sender=Registration, dispatch_uid="courses-seats-saved")
        post_delete.connect(bump_seats_version, sender=Registration, dispatch_uid="courses-seats-deleted")
        post_save.connect(signals.grant_catalogue_to_coordinators, sender=TrainingIndexPage,
                          dispatch_uid="courses-catalogue-permissions")
