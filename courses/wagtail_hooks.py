"""Registration only: the admin pieces of the catalogue live in viewsets.py, admin_panels.py
and admin_guards.py."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from webassoc.admin.policies import PublicRecordPolicy

from . import admin_guards
from .admin_panels import add_courses_panels
from .models import Registration
from .viewsets import RegistrationViewSet

register_permission_policy(Registration, PublicRecordPolicy(Registration))


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("courses_registrations", url_prefix="formations/inscriptions")


hooks.register("construct_homepage_panels", add_courses_panels)
hooks.register("before_delete_page", admin_guards.refuse_deleting_pages_with_registrations)
hooks.register("before_bulk_action", admin_guards.refuse_bulk_deleting_pages_with_registrations)
hooks.register("after_create_page", admin_guards.warn_when_capacity_is_below_confirmed_seats)
hooks.register("after_edit_page", admin_guards.warn_when_capacity_is_below_confirmed_seats)
hooks.register("after_create_page", admin_guards.keep_sessions_ordered_by_start)
