from wagtail import hooks
from wagtail.permissions import register_permission_policy

from webassoc.admin.policies import PublicRecordPolicy

from .models import Signature
from .viewsets import SignatureViewSet

# Hidden (moderation) or anonymised, never deleted.
register_permission_policy(Signature, PublicRecordPolicy(Signature))


@hooks.register("register_admin_viewset")
def register_signature_viewset():
    return SignatureViewSet("manifesto_signatures")
