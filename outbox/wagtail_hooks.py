from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_panels import add_outbox_panels
from .models import Email
from .viewsets import EmailPolicy, EmailViewSet

register_permission_policy(Email, EmailPolicy(Email))


@hooks.register("register_admin_viewset")
def register_email_viewset():
    return EmailViewSet("emails")


hooks.register("construct_homepage_panels", add_outbox_panels)
