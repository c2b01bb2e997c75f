from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from webassoc.admin.menu import PermissionMenuItem
from webassoc.admin.policies import PublicRecordPolicy

from . import views
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


@hooks.register("register_settings_menu_item")
def register_blocked_accounts_menu_item():
    return PermissionMenuItem(_("Comptes bloqués"), reverse("blocked_accounts"), permission=views.UNLOCK_PERMISSION,
                              icon_name="lock", order=610)


@hooks.register("register_admin_urls")
def register_personal_data_url():
    return [path("donnees-personnelles/", views.personal_data, name="personal_data")]


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return PermissionMenuItem(_("Données personnelles"), reverse("personal_data"),
                              permission=views.PERSONAL_DATA_PERMISSION, icon_name="user", order=620)


@hooks.register("register_permissions")
def register_personal_data_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="home", codename="manage_personal_data")


@hooks.register("register_log_actions")
def register_personal_data_log_actions(actions):
    actions.register_action("home.personal_data_export", _("Données personnelles exportées"),
                            _("Données personnelles exportées pour une demande d’accès"))
    actions.register_action("home.personal_data_erase", _("Données personnelles anonymisées"),
                            _("Données personnelles anonymisées sur demande"))
