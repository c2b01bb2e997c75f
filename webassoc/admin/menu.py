"""Admin menu items of the project's own screens."""

from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """A menu item shown only to the people with `permission`; its view checks the same permission
    (`permission_required(permission, raise_exception=True)`)."""

    def __init__(self, label, url, *, permission, **kwargs):
        super().__init__(label, url, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
