from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Email


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Emails are a log: people may look at them, nobody edits or deletes them here."""

    read_only_actions = {"view"}

    def user_has_permission(self, user, action):
        return action in self.read_only_actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Email, ReadOnlyPolicy(Email))


class EmailViewSet(ModelViewSet):
    model = Email
    icon = "mail"
    menu_label = _("E-mails envoyés")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["subject", "to", "tag", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "tag"]
    search_fields = ["subject", "to"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "to", "subject", "status", "attempts", "last_error", "created_at", "next_attempt_at",
        "sent_at", "body_text",
    ]
    list_export = ["created_at", "to", "subject", "tag", "status", "attempts", "sent_at", "last_error"]
    export_filename = "emails"
    form_fields = ["subject"]  # required by ModelViewSet; the policy forbids editing anyway


@hooks.register("register_admin_viewset")
def register_email_viewset():
    return EmailViewSet("emails")
