from wagtail import hooks
from wagtail.permissions import register_permission_policy

from webassoc.admin.policies import ReadOnlyPolicy

from .models import Email
from .viewsets import EmailViewSet

register_permission_policy(Email, ReadOnlyPolicy(Email))


@hooks.register("register_admin_viewset")
def register_email_viewset():
    return EmailViewSet("emails")
