from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from webassoc import french_plurals, page_cache
        from webassoc.admin.exports import protect_every_csv_export
        from webassoc.admin.names import french_header_titles

        from . import services
        from .models import Signature

        page_cache.connect_signals()
        protect_every_csv_export()  # Wagtail's own exports (users, reports) too
        french_header_titles()  # "Modification : X", not "Modification: X"
        french_plurals.install()  # "0 place restante", not "0 places restantes"
        post_save.connect(services.on_signature_change, sender=Signature,
                          dispatch_uid="manifesto_signature_saved")
        post_delete.connect(services.on_signature_change, sender=Signature,
                            dispatch_uid="manifesto_signature_deleted")
