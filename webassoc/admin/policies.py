"""Admin permission policies shared by the apps."""

from wagtail.permission_policies import ModelPermissionPolicy


class PublicRecordPolicy(ModelPermissionPolicy):
    """Records people send through a public form (registrations, applications, requests,
    signatures): the team reads, exports and updates them, but never adds one by hand nor
    deletes one (nothing disappears silently; personal data is anonymised instead)."""

    DENIED = {"add", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.DENIED and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Logs (the emails sent): people may look at them, nobody adds, edits or deletes them here."""

    read_only_actions = {"view"}

    def user_has_permission(self, user, action):
        return action in self.read_only_actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
