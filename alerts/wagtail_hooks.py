from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from missions.viewsets.missions import MISSION_HEADER_BUTTONS_HOOK
from webassoc.admin.policies import PublicRecordPolicy

from . import views
from .admin_panels import add_alerts_panels
from .models import SessionWaiter, Subscription
from .viewsets import AlertsGroup, pool_button, pool_header_button

register_permission_policy(Subscription, PublicRecordPolicy(Subscription))
register_permission_policy(SessionWaiter, PublicRecordPolicy(SessionWaiter))


@hooks.register("register_admin_viewset")
def register_alerts():
    return AlertsGroup()


@hooks.register("register_admin_urls")
def pool_urls():
    return [path("alertes/vivier/<int:mission_id>/", views.pool_for_mission, name="alerts_admin_pool")]


hooks.register("register_snippet_listing_buttons", pool_button)
hooks.register(MISSION_HEADER_BUTTONS_HOOK, pool_header_button)


hooks.register("construct_homepage_panels", add_alerts_panels)
