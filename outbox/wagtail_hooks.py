from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Email
from .viewsets import EmailPolicy, EmailViewSet

register_permission_policy(Email, EmailPolicy(Email))


@hooks.register("register_admin_viewset")
def register_email_viewset():
    return EmailViewSet("emails")
