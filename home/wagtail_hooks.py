from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from webassoc.admin.policies import PublicRecordPolicy

from . import views
from .admin_panels import add_dashboard_panels
from .models import Signature
from .viewsets import SignatureViewSet

# Hidden (moderation) or anonymised, never deleted.
register_permission_policy(Signature, PublicRecordPolicy(Signature))


@hooks.register("register_admin_viewset")
def register_signature_viewset():
    return SignatureViewSet("manifesto_signatures")


@hooks.register("register_admin_urls")
def register_blocked_accounts_url():
    return [path("comptes-bloques/", views.blocked_accounts, name="blocked_accounts")]


class BlockedAccountsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.UNLOCK_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_blocked_accounts_menu_item():
    return BlockedAccountsMenuItem(_("Comptes bloqués"), reverse("blocked_accounts"), icon_name="lock", order=610)


hooks.register("construct_homepage_panels", add_dashboard_panels)
