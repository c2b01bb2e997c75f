"""Admin of the emails sent (read only: a log)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from webassoc.admin.exports import FrenchExportMixin, FrenchInspectView

from .models import Email


class EmailIndexView(FrenchExportMixin, generic.IndexView):
    """Exports with Paris times (see webassoc/admin/exports.py)."""


class EmailViewSet(ModelViewSet):
    model = Email
    icon = "mail"
    menu_label = _("E-mails envoyés")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["subject", "to", "tag", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "tag"]
    search_fields = ["subject", "to"]
    index_view_class = EmailIndexView
    inspect_view_enabled = True
    inspect_view_class = FrenchInspectView
    inspect_view_fields = [
        "to", "subject", "template", "status", "attempts", "last_error", "created_at", "rendered_at",
        "next_attempt_at", "sent_at", "body_text",
    ]
    list_export = ["created_at", "to", "subject", "tag", "status", "attempts", "sent_at", "last_error"]
    export_filename = "emails"
    form_fields = ["subject"]  # required by ModelViewSet; the policy forbids editing anyway
